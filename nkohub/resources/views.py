import datetime as dt
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from nkohub.core.errors import DomainError
from nkohub.core.forms import date_from_query
from nkohub.core.pagination import paginate
from nkohub.core.types import AuthenticatedHttpRequest
from nkohub.organizations.selectors import organizations_user_acts_for
from nkohub.resources import forms, permissions, selectors, services
from nkohub.resources.availability import SCHEDULES, offer_windows
from nkohub.resources.models import (
    AvailabilityException,
    AvailabilityRule,
    Booking,
    OfferPhoto,
    ResourceOffer,
    ResourceRequest,
)


def _form_error(form: Any, error: DomainError) -> None:
    field = getattr(form, "error_fields", {}).get(error.field, error.field)
    form.add_error(field if field in form.fields else None, error.message)


def _submit(
    request: HttpRequest, form: Any, write: Callable[[dict[str, Any]], Any], success: str
) -> Any:
    """On a valid POST run `write` (one service call) with the cleaned data: its result, or None when the
    form is not sent, not valid, or the service refused (the reason is then shown on the form)."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        result = write(dict(form.cleaned_data))
    except DomainError as error:
        _form_error(form, error)
        return None
    messages.success(request, success)
    return result


def _perform(request: HttpRequest, write: Callable[[], Any], success: str) -> None:
    """Run one service call for a button without a form: its refusal or `success` as a message."""
    try:
        write()
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, success)


def _offer(user: Any, pk: int, *, manage: bool = False) -> ResourceOffer:
    offer = selectors.offer_with_details(pk)
    if offer is None:
        raise Http404
    return permissions.get_offer_for_user(user, offer, manage=manage)


def _request(user: Any, pk: int, *, manage: bool = False) -> ResourceRequest:
    resource_request = selectors.request_with_details(pk)
    if resource_request is None:
        raise Http404
    return permissions.get_request_for_user(user, resource_request, manage=manage)


def _booking(user: Any, pk: int) -> Booking:
    booking = get_object_or_404(
        Booking.objects.select_related(
            "offer__organization", "offer__created_by", "organization", "requested_by", "request"
        ).prefetch_related("reviews__author"),
        pk=pk,
    )
    return permissions.get_booking_for_user(user, booking)


# --- catalogue and offers ----------------------------------------------------------------
@require_safe
def catalogue(request: HttpRequest) -> HttpResponse:
    form = forms.CatalogueFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    offers = selectors.offers_catalogue(**{k: v for k, v in filters.items() if v})
    context = {
        "form": form,
        "page": paginate(request, offers),
        "filtered": any(filters.values()),
        "suggestion": selectors.catalogue_suggestion(filters["q"]) if filters.get("q") else "",
    }
    template = (
        "resources/_offer_list.html"
        if getattr(request, "htmx", False)
        else "resources/catalogue.html"
    )
    return render(request, template, context)


@require_safe
def offer_detail(request: HttpRequest, pk: int) -> HttpResponse:
    offer = _offer(request.user, pk)
    can_manage = permissions.can_manage_offer(request.user, offer)
    context = {
        "offer": offer,
        "can_manage": can_manage,
        "can_book": permissions.can_book(request.user, offer),
        "reviews": selectors.offer_reviews(offer)[:20],
        "exceptions": selectors.offer_exceptions_upcoming(offer)[:10] if offer.is_bookable else [],
        "suggestions": selectors.suggested_requests(offer) if can_manage else [],
        "status_actions": ResourceOffer.TRANSITIONS[offer.status] if can_manage else (),
    }
    return render(request, "resources/offer_detail.html", context)


@login_required
def offer_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = forms.OfferForm(
        request.POST or None, organizations=organizations_user_acts_for(request.user)
    )

    def write(data: dict[str, Any]) -> ResourceOffer:
        organization = data.pop("organization", None)
        if not permissions.can_offer_for(request.user, organization):
            raise PermissionDenied
        publish = "publish" in request.POST
        return services.offer_create(
            actor=request.user, organization=organization, publish=publish, **data
        )

    offer = _submit(request, form, write, _("The offer is saved."))
    if offer is None:
        return render(request, "resources/offer_form.html", {"form": form, "offer": None})
    if not offer.is_bookable:
        return redirect(offer)
    # the owner goes straight to the windows: the proposed ones to check, or none yet to add (the
    # page itself then says that nobody can book it)
    if offer.availability_rules.exists():
        messages.info(
            request,
            _("It can be booked in the windows below; change them if its hours are different."),
        )
    return redirect("resources:offer_availability", pk=offer.pk)


@login_required
def offer_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    offer = _offer(request.user, pk, manage=True)
    form = forms.OfferForm(request.POST or None, instance=offer)
    if _submit(
        request,
        form,
        lambda data: services.offer_update(actor=request.user, offer=offer, **data),
        _("The offer is saved."),
    ):
        return redirect(offer)
    return render(request, "resources/offer_form.html", {"form": form, "offer": offer})


@login_required
@require_POST
def offer_status(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    offer = _offer(request.user, pk, manage=True)
    _perform(
        request,
        lambda: services.offer_set_status(
            actor=request.user, offer=offer, status=request.POST.get("status", "")
        ),
        _("The status of the offer is changed."),
    )
    return redirect(offer)


@login_required
def offer_availability(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    offer = _offer(request.user, pk, manage=True)
    if not offer.is_bookable:
        raise Http404
    action = request.POST.get("action") if request.method == "POST" else None
    rule_form = forms.AvailabilityRuleForm(
        request.POST if action == "rule" else None, prefix="rule"
    )
    exception_form = forms.AvailabilityExceptionForm(
        request.POST if action == "exception" else None, prefix="exception"
    )
    if action == "schedule":
        _perform(
            request,
            lambda: services.availability_schedule_add(
                actor=request.user, offer=offer, schedule=request.POST.get("schedule", "")
            ),
            _("The availability is saved."),
        )
        return redirect("resources:offer_availability", pk=offer.pk)
    form = rule_form if action == "rule" else exception_form if action == "exception" else None
    if form is not None and form.is_valid():
        try:
            if action == "rule":
                services.availability_rule_add(actor=request.user, offer=offer, **form.cleaned_data)
            else:
                services.availability_exception_add(
                    actor=request.user, offer=offer, **form.cleaned_data
                )
        except DomainError as error:
            _form_error(form, error)
        else:
            messages.success(request, _("The availability is saved."))
            return redirect("resources:offer_availability", pk=offer.pk)
    context = {
        "offer": offer,
        "rule_form": rule_form,
        "exception_form": exception_form,
        "rules": offer.availability_rules.all(),
        "exceptions": selectors.offer_exceptions_upcoming(offer),
        "schedules": SCHEDULES,
    }
    return render(request, "resources/offer_availability.html", context)


@login_required
@require_POST
def availability_remove(
    request: AuthenticatedHttpRequest, pk: int, kind: str, item_pk: int
) -> HttpResponse:
    """Remove a weekly window (kind "rules") or a dated exception (kind "exceptions") of the offer."""
    offer = _offer(request.user, pk, manage=True)
    if kind == "rules":
        rule = get_object_or_404(AvailabilityRule, pk=item_pk, offer=offer)
        services.availability_rule_remove(actor=request.user, rule=rule)
        messages.success(request, _("The window is removed."))
    else:
        exception = get_object_or_404(AvailabilityException, pk=item_pk, offer=offer)
        services.availability_exception_remove(actor=request.user, exception=exception)
        messages.success(request, _("The exception is removed."))
    return redirect("resources:offer_availability", pk=offer.pk)


@login_required
def offer_photos(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    offer = _offer(request.user, pk, manage=True)
    form = forms.PhotoForm(request.POST or None, request.FILES or None)
    if _submit(
        request,
        form,
        lambda data: services.offer_photo_add(actor=request.user, offer=offer, **data),
        _("The photo is added."),
    ):
        return redirect("resources:offer_photos", pk=offer.pk)
    context = {"offer": offer, "form": form, "photos": offer.photos.all()}
    return render(request, "resources/offer_photos.html", context)


@login_required
@require_POST
def photo_delete(request: AuthenticatedHttpRequest, pk: int, photo_pk: int) -> HttpResponse:
    offer = _offer(request.user, pk, manage=True)
    photo = get_object_or_404(OfferPhoto, pk=photo_pk, offer=offer)
    services.offer_photo_remove(actor=request.user, photo=photo)
    messages.success(request, _("The photo is removed."))
    return redirect("resources:offer_photos", pk=offer.pk)


def _week_start(request: HttpRequest) -> dt.date:
    day = date_from_query(request.GET.get("week"), timezone.localdate())
    return day - dt.timedelta(days=day.weekday())


@require_safe
def offer_calendar(request: HttpRequest, pk: int) -> HttpResponse:
    offer = _offer(request.user, pk)
    if not offer.is_bookable:
        raise Http404
    first = _week_start(request)
    last = first + dt.timedelta(days=6)
    windows = offer_windows(offer, first, last)
    start = timezone.make_aware(dt.datetime.combine(first, dt.time.min))
    taken = list(selectors.bookings_between(offer, start, start + dt.timedelta(days=7)))
    can_manage = permissions.can_manage_offer(request.user, offer)
    days = [
        {
            "date": day,
            "windows": windows[day],
            "bookings": [b for b in taken if timezone.localtime(b.starts_at).date() == day],
        }
        for day in sorted(windows)
    ]
    context = {
        "offer": offer,
        "days": days,
        "can_manage": can_manage,
        "can_book": permissions.can_book(request.user, offer),
        "previous_week": first - dt.timedelta(days=7),
        "next_week": first + dt.timedelta(days=7),
        "today": timezone.localdate(),
    }
    return render(request, "resources/offer_calendar.html", context)


@login_required
def offer_book(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    offer = _offer(request.user, pk)
    if not permissions.can_book(request.user, offer):
        raise PermissionDenied
    organizations = selectors.organizations_for_booking(request.user, offer)
    if not organizations.exists():
        messages.error(request, _("Only a member acting for an organisation can book resources."))
        return redirect(offer)
    if not offer.availability_rules.all():
        messages.error(
            request, _("The owner has not set when it can be booked yet; write to them.")
        )
        return redirect(offer)
    requests_qs = selectors.requests_of(request.user).filter(
        status__in=ResourceRequest.ACTIVE_STATUSES
    )
    initial = {"request": request.GET.get("request"), "date": request.GET.get("date")}
    form = forms.BookingForm(
        request.POST or None, organizations=organizations, requests=requests_qs, initial=initial
    )

    def write(data: dict[str, Any]) -> Booking:
        if not permissions.can_book_for(request.user, offer, data["organization"]):
            raise PermissionDenied
        return services.booking_create(
            actor=request.user,
            offer=offer,
            organization=data["organization"],
            starts_at=data["starts_at"],
            ends_at=data["ends_at"],
            message=data["message"],
            resource_request=data["request"],
        )

    booking = _submit(request, form, write, _("The booking is sent to the owner for confirmation."))
    if booking is not None:
        return redirect(booking)
    return render(request, "resources/offer_book.html", {"offer": offer, "form": form})


# --- requests ---------------------------------------------------------------------------
@require_safe
def request_list(request: HttpRequest) -> HttpResponse:
    form = forms.RequestFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    requests_qs = selectors.open_requests(**{k: v for k, v in filters.items() if v})
    return render(
        request,
        "resources/request_list.html",
        {"form": form, "page": paginate(request, requests_qs)},
    )


@require_safe
def request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    resource_request = _request(request.user, pk)
    can_manage = permissions.can_manage_request(request.user, resource_request)
    context = {
        "resource_request": resource_request,
        "can_manage": can_manage,
        "suggestions": selectors.suggested_offers(resource_request) if can_manage else [],
        "status_actions": ResourceRequest.TRANSITIONS[resource_request.status]
        if can_manage
        else (),
    }
    return render(request, "resources/request_detail.html", context)


@login_required
def request_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    organizations = organizations_user_acts_for(request.user)
    if not organizations.exists():
        messages.error(
            request, _("Only a member acting for an organisation can request resources.")
        )
        return redirect("resources:request_list")
    form = forms.RequestForm(request.POST or None, organizations=organizations)

    def write(data: dict[str, Any]) -> ResourceRequest:
        organization = data.pop("organization")
        if not permissions.can_request_for(request.user, organization):
            raise PermissionDenied
        return services.request_create(actor=request.user, organization=organization, **data)

    resource_request = _submit(
        request, form, write, _("The request is published; see the suggested offers below.")
    )
    if resource_request is not None:
        return redirect(resource_request)
    return render(request, "resources/request_form.html", {"form": form, "resource_request": None})


@login_required
def request_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    resource_request = _request(request.user, pk, manage=True)
    form = forms.RequestForm(request.POST or None, instance=resource_request)

    def write(data: dict[str, Any]) -> ResourceRequest:
        return services.request_update(
            actor=request.user, resource_request=resource_request, **data
        )

    if _submit(request, form, write, _("The request is saved.")):
        return redirect(resource_request)
    return render(
        request, "resources/request_form.html", {"form": form, "resource_request": resource_request}
    )


@login_required
@require_POST
def request_status(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    resource_request = _request(request.user, pk, manage=True)
    _perform(
        request,
        lambda: services.request_set_status(
            actor=request.user,
            resource_request=resource_request,
            status=request.POST.get("status", ""),
        ),
        _("The status of the request is changed."),
    )
    return redirect(resource_request)


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
    if not permissions.can_decide_booking(request.user, booking):
        raise PermissionDenied
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
    if not permissions.can_cancel_booking(request.user, booking):
        raise PermissionDenied
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
    side = permissions.review_side(request.user, booking)
    if side is None:
        raise PermissionDenied
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
