"""Entries to the fair, and the operators' moderation and seasons."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from nkohub.core.errors import DomainError, add_domain_error
from nkohub.core.pagination import paginate
from nkohub.core.permissions import require
from nkohub.core.types import AuthenticatedHttpRequest
from nkohub.projects import forms, permissions, selectors, services
from nkohub.projects.models import (
    FairEntry,
    FairSeason,
)

from ._shared import _project, _run

# --- fair entries --------------------------------------------------------------------------------


@login_required
@require_POST
def project_submit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    project = _project(request, pk, manage=True)
    form = forms.SubmitToFairForm(request.POST, seasons=selectors.seasons_open_for_submission())
    if not form.is_valid():
        messages.error(request, _("Choose a fair season that accepts projects now."))
    else:
        season = form.cleaned_data["season"]
        _run(
            request,
            lambda: services.fair_entry_submit(actor=request.user, project=project, season=season),
            _("The project is submitted to the fair. The resource centre will review it."),
        )
    return redirect("projects:detail", pk=project.pk)


@login_required
@require_POST
def entry_withdraw(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    entry = get_object_or_404(
        FairEntry.objects.select_related("project__organization", "season"), pk=pk
    )
    permissions.check_project(request.user, entry.project, manage=True)
    _run(
        request,
        lambda: services.fair_entry_withdraw(actor=request.user, entry=entry),
        _("The project is withdrawn from the fair."),
    )
    return redirect("projects:detail", pk=entry.project_id)


@login_required
@require_safe
def moderation(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_moderate_fair(request.user))
    page = paginate(request, selectors.entries_awaiting_decision())
    return render(request, "projects/moderation.html", {"page": page})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def seasons(request: AuthenticatedHttpRequest, pk: int | None = None) -> HttpResponse:
    """Operators list fair seasons, create one, or edit the one given."""
    require(permissions.can_moderate_fair(request.user))
    season = get_object_or_404(FairSeason, pk=pk) if pk else None
    form = forms.SeasonForm(request.POST or None, instance=season)
    if request.method == "POST" and form.is_valid():
        try:
            services.season_save(actor=request.user, season=season, data=form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The fair season is saved."))
            return redirect("projects:seasons")
    context = {"form": form, "season": season, "seasons": FairSeason.objects.order_by("-starts_on")}
    return render(request, "projects/seasons.html", context)


@login_required
@require_POST
def entry_decide(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    require(permissions.can_moderate_fair(request.user))
    entry = get_object_or_404(FairEntry, pk=pk)
    form = forms.DecisionForm(request.POST)
    if form.is_valid():
        accept = form.cleaned_data["decision"] == "accept"
        _run(
            request,
            lambda: services.fair_entry_decide(
                actor=request.user, entry=entry, accept=accept, note=form.cleaned_data["note"]
            ),
            _("The project is accepted to the fair.") if accept else _("The project is rejected."),
        )
    return redirect("projects:moderation")
