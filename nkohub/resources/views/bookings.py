"""Bookings, their decisions and reviews, and the person's own page."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from nkohub.core.errors import DomainError
from nkohub.core.pagination import paginate
from nkohub.core.permissions import require
from nkohub.core.types import AuthenticatedHttpRequest
from nkohub.resources import forms, permissions, selectors, services
from nkohub.resources.models import (
    Booking,
)

from ._shared import _booking


# --- bookings ---------------------------------------------------------------------------
@login_required
def booking_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    booking = _booking(request.user, pk)
    side = permissions.review_side(request.user, booking)
    context = {
        "booking": booking,
        "can_decide": permissions.can_decide_booking(request.user, booking)
        and booking.status == Booking.Status.PENDING,
        "can_cancel": permissions.can_cancel_booking(request.user, booking)
        and booking.holds_slot
        and booking.ends_at > timezone.now(),
        "review_side": side,
        "review_form": forms.ReviewForm() if side else None,
        "decision_form": forms.DecisionForm(),
        "cancel_form": forms.CancelForm(),
    }
    return render(request, "resources/booking_detail.html", context)


@login_required
@require_POST
def booking_decide(request: AuthenticatedHttpRequest, pk: int, decision: str) -> HttpResponse:
    booking = _booking(request.user, pk)
    require(permissions.can_decide_booking(request.user, booking))
    form = forms.DecisionForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    service = services.booking_confirm if decision == "confirm" else services.booking_decline
    try:
        service(actor=request.user, booking=booking, note=note)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("The booking is confirmed.")
            if decision == "confirm"
            else _("The booking is declined."),
        )
    return redirect(booking)


@login_required
@require_POST
def booking_cancel(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    booking = _booking(request.user, pk)
    require(permissions.can_cancel_booking(request.user, booking))
    form = forms.CancelForm(request.POST)
    try:
        services.booking_cancel(
            actor=request.user, booking=booking, reason=request.POST.get("reason", "")
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The booking is cancelled."))
        return redirect(booking)
    return render(
        request,
        "resources/booking_detail.html",
        {
            "booking": booking,
            "can_cancel": True,
            "cancel_form": form,
            "decision_form": forms.DecisionForm(),
        },
        status=400,
    )


@login_required
@require_POST
def booking_review(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    booking = _booking(request.user, pk)
    side = permissions.require_review_side(request.user, booking)
    form = forms.ReviewForm(request.POST)
    if form.is_valid():
        try:
            services.review_create(
                actor=request.user,
                booking=booking,
                side=side,
                rating=form.cleaned_data["rating"],
                text_=form.cleaned_data["text"],
            )
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Thank you for the review."))
        return redirect(booking)
    return render(
        request,
        "resources/booking_detail.html",
        {
            "booking": booking,
            "review_side": side,
            "review_form": form,
            "decision_form": forms.DecisionForm(),
        },
        status=400,
    )


# --- the cabinet ------------------------------------------------------------------------
@login_required
def mine(request: AuthenticatedHttpRequest) -> HttpResponse:
    tab = request.GET.get("tab", "offers")
    if tab == "requests":
        items: Any = selectors.requests_of(request.user)
    elif tab == "bookings":
        items = selectors.bookings_of(request.user)
    else:
        tab, items = "offers", selectors.offers_of(request.user)
    return render(request, "resources/mine.html", {"tab": tab, "page": paginate(request, items)})
