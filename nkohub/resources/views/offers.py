"""The catalogue and offers: availability, photos, the calendar, booking."""

import datetime as dt
import functools
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from nkohub.core import fragments
from nkohub.core.errors import DomainError, add_domain_error
from nkohub.core.forms import date_from_query
from nkohub.core.pagination import paginate
from nkohub.core.permissions import require
from nkohub.core.service_calls import submit_form
from nkohub.core.types import AuthenticatedHttpRequest, HtmxHttpRequest
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

from ._shared import _offer, _perform


# --- catalogue and offers ----------------------------------------------------------------
@require_safe
def catalogue(request: HtmxHttpRequest) -> HttpResponse:
    """The filters and the results are cached fragments (core.fragments, group
    selectors.CATALOGUE_FRAGMENTS: any write to what they show drops them); on a hit no query runs."""
    form = functools.cache(lambda: forms.CatalogueFilterForm(request.GET or None))
    query_string = request.GET.urlencode()

    def results() -> str:
        filters = form().cleaned_data if form().is_valid() else {}
        offers = selectors.offers_catalogue(**{k: v for k, v in filters.items() if v})
        context = {
            "page": paginate(request, offers),
            "filtered": any(filters.values()),
            "suggestion": selectors.catalogue_suggestion(filters["q"]) if filters.get("q") else "",
        }
        return render_to_string("resources/_offer_list.html", context, request)

    def filters() -> str:
        return render_to_string("resources/_catalogue_filters.html", {"form": form()}, request)

    renders = {"results": results} if request.htmx else {"results": results, "filters": filters}
    html = fragments.cached(selectors.CATALOGUE_FRAGMENTS, renders, query_string)
    if request.htmx:
        return HttpResponse(html["results"])
    return render(request, "resources/catalogue.html", html)


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
        require(permissions.can_offer_for(request.user, organization))
        publish = "publish" in request.POST
        return services.offer_create(
            actor=request.user, organization=organization, publish=publish, **data
        )

    offer = submit_form(request, form, write, _("The offer is saved."))
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
    if submit_form(
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
            add_domain_error(form, error, fields=getattr(form, "error_fields", None))
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
    if submit_form(
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
    require(permissions.can_book(request.user, offer))
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
        require(permissions.can_book_for(request.user, offer, data["organization"]))
        return services.booking_create(
            actor=request.user,
            offer=offer,
            organization=data["organization"],
            starts_at=data["starts_at"],
            ends_at=data["ends_at"],
            message=data["message"],
            resource_request=data["request"],
        )

    booking = submit_form(
        request, form, write, _("The booking is sent to the owner for confirmation.")
    )
    if booking is not None:
        return redirect(booking)
    return render(request, "resources/offer_book.html", {"offer": offer, "form": form})
