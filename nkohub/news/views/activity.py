"""Media activity by month, for the region and for one organisation (an SVG chart and its table);
the operator's upload of mentions found elsewhere."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from nkohub.core.errors import DomainError, add_domain_error
from nkohub.core.types import AuthenticatedHttpRequest
from nkohub.news import charts, forms, permissions, selectors, services
from nkohub.organizations.models import Organization
from nkohub.organizations.permissions import can_view_organization


def _activity(request: HttpRequest, organization: Organization | None) -> HttpResponse:
    months = selectors.media_activity(organization=organization)
    context = {
        "organization": organization,
        "months": months,
        "chart": charts.bar_chart(months),
        "totals": {
            "published": sum(m.published for m in months),
            "picked_up": sum(m.picked_up for m in months),
            "in_media": sum(m.in_media for m in months),
        },
        "mentions": list(selectors.mentions_of(organization)[:20]) if organization else [],
        "can_add_mentions": permissions.can_add_mentions(request.user),
    }
    return render(request, "news/activity.html", context)


@require_safe
def region_activity(request: HttpRequest) -> HttpResponse:
    return _activity(request, None)


@require_safe
def organization_activity(request: HttpRequest, pk: int) -> HttpResponse:
    organization = get_object_or_404(Organization, pk=pk)
    if not can_view_organization(request.user, organization):
        raise Http404
    return _activity(request, organization)


@login_required
def mentions_upload(request: AuthenticatedHttpRequest) -> HttpResponse:
    permissions.require(permissions.can_add_mentions(request.user), hide=True)
    form = forms.MentionsFileForm(request.POST or None, request.FILES or None)
    report = None
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                report = services.mentions_import(
                    actor=request.user, upload=form.cleaned_data["file"]
                )
                status = 200
            except DomainError as error:
                add_domain_error(form, error)
    return render(
        request, "news/mentions_upload.html", {"form": form, "report": report}, status=status
    )
