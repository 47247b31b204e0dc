"""Pledges, partnerships and what was given."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from nkohub.core.errors import DomainError, add_domain_error
from nkohub.core.permissions import require
from nkohub.core.types import AuthenticatedHttpRequest
from nkohub.organizations.models import Organization
from nkohub.organizations.selectors import organizations_user_acts_for
from nkohub.projects import forms, permissions, services
from nkohub.projects.models import (
    Partnership,
    Pledge,
)

from ._shared import _project, _run

# --- pledges and partnerships --------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def pledge_create(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    project = _project(request, pk)
    require(permissions.can_pledge(request.user, project))
    allowed = [
        o.pk
        for o in organizations_user_acts_for(request.user)
        if permissions.can_pledge_for(request.user, o, project)
    ]
    form = forms.PledgeForm(
        request.POST or None,
        organizations=Organization.objects.filter(pk__in=allowed),
        needs=project.needs.all(),
        initial={"need": request.GET.get("need"), "kind": request.GET.get("kind")},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.pledge_create(actor=request.user, project=project, **form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("Thank you! The project's team will answer your offer."))
            return redirect(reverse("projects:detail", args=[project.pk]) + "#pledges")
    return render(
        request,
        "projects/pledge_form.html",
        {"project": project, "form": form},
        status=400 if form.is_bound else 200,
    )


def _pledge(request: HttpRequest, pk: int, **check: bool) -> Pledge:
    pledge = get_object_or_404(
        Pledge.objects.select_related("project__organization", "organization", "pledged_by"), pk=pk
    )
    return permissions.check_pledge(request.user, pledge, **check)


def _accept(request: AuthenticatedHttpRequest, pledge: Pledge) -> Any:
    return services.pledge_accept(actor=request.user, pledge=pledge)


def _decline(request: AuthenticatedHttpRequest, pledge: Pledge) -> Any:
    form = forms.DeclineForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    return services.pledge_decline(actor=request.user, pledge=pledge, reason=reason)


def _withdraw(request: AuthenticatedHttpRequest, pledge: Pledge) -> Any:
    return services.pledge_withdraw(actor=request.user, pledge=pledge)


# An answer to a pledge: which right it needs, the service it calls, what the person is told.
PLEDGE_ANSWERS: dict[str, tuple[str, Callable[[AuthenticatedHttpRequest, Pledge], Any], Any]] = {
    "accept": ("decide", _accept, _("The pledge is accepted: you have a new partner.")),
    "decline": ("decide", _decline, _("The pledge is declined.")),
    "withdraw": ("withdraw", _withdraw, _("Your offer is withdrawn.")),
}


@login_required
@require_POST
def pledge_answer(request: AuthenticatedHttpRequest, pk: int, answer: str) -> HttpResponse:
    """Accept, decline or withdraw a pledge (the URL says which)."""
    right, action, success = PLEDGE_ANSWERS[answer]
    pledge = _pledge(request, pk, **{right: True})
    _run(request, lambda: action(request, pledge), success)
    return redirect(reverse("projects:detail", args=[pledge.project_id]) + "#pledges")


@login_required
@require_POST
def fulfilment_create(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    partnership = get_object_or_404(
        Partnership.objects.select_related("pledge__project__organization", "pledge__organization"),
        pk=pk,
    )
    permissions.check_pledge(request.user, partnership.pledge)
    require(permissions.can_record_fulfilment(request.user, partnership))
    form = forms.FulfilmentForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Check the date and the amount of what was received."))
    else:
        _run(
            request,
            lambda: services.fulfilment_record(
                actor=request.user, partnership=partnership, **form.cleaned_data
            ),
            _("Fulfilment is recorded."),
        )
    return redirect(reverse("projects:detail", args=[partnership.pledge.project_id]) + "#pledges")


@login_required
@require_POST
def partnership_end(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    partnership = get_object_or_404(
        Partnership.objects.select_related("pledge__project__organization", "pledge__organization"),
        pk=pk,
    )
    permissions.check_pledge(request.user, partnership.pledge)
    require(permissions.can_record_fulfilment(request.user, partnership))
    form = forms.DeclineForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    _run(
        request,
        lambda: services.partnership_end(
            actor=request.user, partnership=partnership, reason=reason
        ),
        _("The partnership is ended."),
    )
    return redirect(reverse("projects:detail", args=[partnership.pledge.project_id]) + "#pledges")
