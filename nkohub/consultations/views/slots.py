"""Consultation slots: the free ones, booking and cancelling, an expert publishing and withdrawing."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from nkohub.consultations import forms, permissions, selectors, services
from nkohub.core.pagination import paginate
from nkohub.core.service_calls import perform, submit_form
from nkohub.core.types import AuthenticatedHttpRequest

from ._shared import _expert, _slot


@require_safe
def slots(request: HttpRequest) -> HttpResponse:
    organizations = selectors.member_organizations(request.user)
    context = {
        "page": paginate(request, selectors.open_slots(), per_page=20),
        "book_form": forms.BookForm(organizations=organizations),
        "has_organizations": organizations.exists(),
        "bookings": list(selectors.bookings_of(request.user)[:20])
        if request.user.is_authenticated
        else [],
    }
    return render(request, "consultations/slots.html", context)


@login_required
def slot_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    expert = _expert(request.user)
    form = forms.SlotForm(request.POST or None, competences=expert.competences.all())

    def write(data: dict[str, object]) -> object:
        starts_at, ends_at = form.moments()
        return services.slot_create(
            actor=request.user,
            expert=expert,
            starts_at=starts_at,
            ends_at=ends_at,
            place=str(data["place"]),
            competence=data.get("competence"),  # type: ignore[arg-type]
        )

    if submit_form(request, form, write, _("The slot is published.")) is not None:
        return redirect("consultations:desk")
    return render(request, "consultations/slot_form.html", {"form": form})


@login_required
@require_POST
def book(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    slot = _slot(pk)
    permissions.require(permissions.can_book(request.user, slot))
    form = forms.BookForm(request.POST, organizations=selectors.member_organizations(request.user))
    if not form.is_valid():
        messages.error(request, _("Choose the organisation you book for."))
        return redirect("consultations:slots")
    permissions.require(permissions.can_book(request.user, slot, form.cleaned_data["organization"]))
    perform(
        request,
        lambda: services.slot_book(
            actor=request.user,
            slot=slot,
            organization=form.cleaned_data["organization"],
            topic_note=form.cleaned_data["topic_note"],
        ),
        _("The consultation is booked. The expert is told."),
    )
    return redirect("consultations:slots")


@login_required
@require_POST
def cancel_booking(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    slot = _slot(pk)
    permissions.require(permissions.can_cancel_booking(request.user, slot), hide=True)
    perform(
        request,
        lambda: services.slot_cancel_booking(actor=request.user, slot=slot),
        _("The booking is cancelled."),
    )
    return redirect("consultations:slots")


@login_required
@require_POST
def withdraw_slot(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    slot = _slot(pk)
    permissions.require(permissions.can_withdraw_slot(request.user, slot), hide=True)
    perform(
        request,
        lambda: services.slot_withdraw(actor=request.user, slot=slot),
        _("The slot is withdrawn."),
    )
    return redirect("consultations:desk")
