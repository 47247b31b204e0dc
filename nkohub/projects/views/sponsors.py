"""A sponsor's pages."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from nkohub.core.pagination import paginate
from nkohub.core.types import AuthenticatedHttpRequest
from nkohub.organizations.models import Organization
from nkohub.organizations.selectors import organizations_user_acts_for
from nkohub.projects import forms, permissions, reports, selectors, services

# --- sponsors ------------------------------------------------------------------------------------


@login_required
@require_safe
def sponsor_home(request: AuthenticatedHttpRequest) -> HttpResponse:
    organizations = list(organizations_user_acts_for(request.user, kind=Organization.Kind.BUSINESS))
    if len(organizations) == 1:
        return redirect("projects:sponsor", org_pk=organizations[0].pk)
    return render(request, "projects/sponsor_choose.html", {"organizations": organizations})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def sponsor(request: AuthenticatedHttpRequest, org_pk: int) -> HttpResponse:
    organization = permissions.check_sponsor_page(
        request.user, get_object_or_404(Organization, pk=org_pk)
    )
    preferences = selectors.sponsor_preferences(organization)
    initial = (
        {
            "spheres": list(preferences.spheres.all()),
            "municipalities": list(preferences.municipalities.all()),
        }
        if preferences
        else {}
    )
    form = forms.SponsorPreferencesForm(request.POST or None, initial=initial)
    if request.method == "POST":
        permissions.check_sponsor_page(request.user, organization, edit=True)
        if form.is_valid():
            services.sponsor_preferences_update(
                actor=request.user, organization=organization, **form.cleaned_data
            )
            messages.success(request, _("Your preferences are saved."))
            return redirect("projects:sponsor", org_pk=organization.pk)
    today = timezone.localdate()
    matching = paginate(request, selectors.projects_matching_sponsor(organization), per_page=6)
    matching.object_list = selectors.with_coverage(list(matching.object_list))
    context = {
        "organization": organization,
        "preferences": preferences,
        "form": form,
        "can_edit": permissions.can_edit_sponsor_preferences(request.user, organization),
        "matching": matching,
        "pledges": selectors.pledges_of_organization(organization)[:50],
        "period_form": forms.PeriodForm(
            initial={"start": today.replace(month=1, day=1), "end": today}
        ),
    }
    return render(request, "projects/sponsor.html", context)


@login_required
@require_safe
def sponsor_report(request: AuthenticatedHttpRequest, org_pk: int) -> HttpResponse:
    organization = permissions.check_sponsor_page(
        request.user, get_object_or_404(Organization, pk=org_pk)
    )
    form = forms.PeriodForm(request.GET)
    if not form.is_valid():
        messages.error(request, _("Choose the period of the report."))
        return redirect("projects:sponsor", org_pk=organization.pk)
    start: datetime.date = form.cleaned_data["start"]
    end: datetime.date = form.cleaned_data["end"]
    rows = selectors.contributions_for_period(organization, start, end)
    name = f"contributions-{start:%Y%m%d}-{end:%Y%m%d}"
    if form.cleaned_data["format"] == "pdf":
        response = HttpResponse(
            reports.contributions_pdf(organization, start, end, rows),
            content_type="application/pdf",
        )
        response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
    else:
        response = HttpResponse(
            reports.contributions_xlsx(organization, start, end, rows),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
    return response
