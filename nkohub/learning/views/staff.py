"""An organisation's owner sees the learning progress of the members who consented to share it."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from nkohub.core.types import AuthenticatedHttpRequest
from nkohub.learning import permissions, selectors
from nkohub.organizations.models import Organization


@login_required
@require_safe
def staff_progress(request: AuthenticatedHttpRequest, organization_pk: int) -> HttpResponse:
    organization = get_object_or_404(Organization, pk=organization_pk)
    permissions.require(
        permissions.can_view_staff_progress(request.user, organization)
        or permissions.refused(_("Only the organisation's owners see their staff's progress."))
    )
    context = {
        "organization": organization,
        "enrolments": selectors.staff_progress(organization)[:500],
    }
    return render(request, "learning/staff_progress.html", context)
