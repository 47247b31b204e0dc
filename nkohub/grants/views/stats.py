"""Statistics, region comparisons and the fund card import."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from nkohub.core.errors import DomainError
from nkohub.core.permissions import require
from nkohub.core.types import AuthenticatedHttpRequest
from nkohub.grants import selectors, services
from nkohub.grants.card_import import fund_card_import
from nkohub.grants.forms import (
    CardPasteForm,
    ComparisonForm,
)
from nkohub.grants.models import RegionComparison
from nkohub.grants.permissions import (
    can_import_cards,
    can_manage_comparisons,
    can_view_organization_statistics,
)
from nkohub.organizations.models import Organization
from nkohub.organizations.selectors import organizations_user_acts_for


def _stats_groups(stats: Any) -> list[tuple[str, Any]]:
    return [
        (_("Year"), stats.by_year),
        (_("Funder"), stats.by_funder),
        (_("Direction"), stats.by_direction),
    ]


@require_safe
def statistics(request: HttpRequest) -> HttpResponse:
    manage = can_manage_comparisons(request.user)
    stats = selectors.grant_statistics(selectors.region_applications())
    return render(
        request,
        "grants/statistics.html",
        {
            "stats_groups": _stats_groups(stats),
            "stats": stats,
            "comparisons": selectors.region_comparisons(),
            "comparison_form": ComparisonForm() if manage else None,
            "can_manage": manage,
            "my_organizations": organizations_user_acts_for(request.user)
            if request.user.is_authenticated
            else [],
        },
    )


@login_required
@require_safe
def organization_statistics(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    organization = get_object_or_404(Organization, pk=pk)
    if not can_view_organization_statistics(request.user, organization):
        raise Http404
    applications = selectors.organization_applications(organization)
    stats = selectors.grant_statistics(applications)
    return render(
        request,
        "grants/organization_statistics.html",
        {
            "organization": organization,
            "stats": stats,
            "stats_groups": _stats_groups(stats),
            "applications": applications.select_related("funder", "direction").order_by(
                "-submitted_on", "-pk"
            )[:100],
        },
    )


@login_required
@require_POST
def comparison_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(can_manage_comparisons(request.user))
    form = ComparisonForm(request.POST)
    if form.is_valid():
        try:
            services.comparison_save(actor=request.user, comparison=form.save(commit=False))
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The figures are saved."))
    else:
        errors = "; ".join(str(e) for field_errors in form.errors.values() for e in field_errors)
        messages.error(request, _("The figures are not saved: %(errors)s") % {"errors": errors})
    return redirect("grants:statistics")


@login_required
@require_POST
def comparison_delete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    require(can_manage_comparisons(request.user))
    comparison = get_object_or_404(RegionComparison, pk=pk)
    services.comparison_delete(actor=request.user, comparison=comparison)
    messages.success(request, _("The figures are deleted."))
    return redirect("grants:statistics")


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def card_import(request: AuthenticatedHttpRequest) -> HttpResponse:
    if not can_import_cards(request.user):
        raise Http404
    form = CardPasteForm(request.POST or None)
    result = None
    if request.method == "POST" and form.is_valid():
        result = fund_card_import(
            actor=request.user,
            text=form.cleaned_data["text"],
            source="вставка на странице",
            dry_run=form.cleaned_data["dry_run"],
        )
        if result.ok and not result.dry_run:
            messages.success(request, _("The card is imported."))
    return render(request, "grants/card_import.html", {"form": form, "result": result})
