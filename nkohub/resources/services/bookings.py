"""Bookings of an offer (one writer at a time per offer), their confirmation, refusal, cancellation, and reviews."""

import datetime as dt
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from nkohub.core import intervals
from nkohub.core.audit import audit_log
from nkohub.core.errors import DomainError
from nkohub.notifications.services import notify
from nkohub.organizations.models import Organization
from nkohub.resources import selectors
from nkohub.resources.availability import hours_text, offer_windows, slot_is_available
from nkohub.resources.models import (
    Booking,
    ResourceOffer,
    ResourceRequest,
    Review,
)

from ._shared import MAX_BOOKING_HOURS, BookingConflict, _full_clean

if TYPE_CHECKING:
    from nkohub.accounts.models import User


# --- bookings ---------------------------------------------------------------------------
# Namespace of the PostgreSQL advisory locks that queue the writers of one offer's bookings.
BOOKING_LOCK_NAMESPACE = 0x424B  # "BK"


def _overlapping(offer_id: int, starts_at: dt.datetime, ends_at: dt.datetime) -> bool:
    holding = Booking.objects.filter(offer_id=offer_id, status__in=Booking.HOLDING_STATUSES)
    return intervals.overlapping(holding, starts_at, ends_at)


def _queue_writers_of(offer_id: int) -> None:
    """PostgreSQL: writers of one offer's bookings take turns until their transaction ends
    (why: `nkohub.core.intervals`)."""
    intervals.queue_writers_of(BOOKING_LOCK_NAMESPACE, offer_id)


def _save_holding(booking: Booking) -> None:
    """Save a booking that holds its slot: the overlap check and the insert are one serialised step
    (`nkohub.core.intervals.save_without_overlap`), the exclusion constraint the authority."""
    intervals.save_without_overlap(
        booking,
        holding=Booking.objects.filter(
            offer_id=booking.offer_id, status__in=Booking.HOLDING_STATUSES
        ),
        lock=(BOOKING_LOCK_NAMESPACE, booking.offer_id),
        constraint="resources_booking_no_overlap",
        conflict=lambda: BookingConflict(
            _("This time is already taken. Choose another slot."), field="starts_at"
        ),
    )


@transaction.atomic
def booking_create(
    *,
    actor: "User",
    offer: ResourceOffer,
    organization: Organization,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    message: str = "",
    resource_request: ResourceRequest | None = None,
) -> Booking:
    if not offer.is_bookable:
        raise DomainError(_("This resource is not booked by time; write to its owner."))
    if offer.status != ResourceOffer.Status.PUBLISHED:
        raise DomainError(_("The offer is not published, it cannot be booked now."))
    if ends_at <= starts_at:
        raise DomainError(_("The slot must end after it starts."), field="ends_at")
    if starts_at <= timezone.now():
        raise DomainError(_("The slot must be in the future."), field="starts_at")
    if ends_at - starts_at > dt.timedelta(hours=MAX_BOOKING_HOURS):
        raise DomainError(_("A slot is at most one day long."), field="ends_at")
    if not slot_is_available(offer, starts_at, ends_at):
        raise DomainError(_unavailable_reason(offer, starts_at), field="starts_at")
    if resource_request is not None and resource_request.organization_id != organization.pk:
        raise DomainError(_("The request belongs to another organisation."), field="request")
    booking = Booking(
        offer=offer,
        organization=organization,
        request=resource_request,
        requested_by=actor,
        starts_at=starts_at,
        ends_at=ends_at,
        message=message,
        status=Booking.Status.PENDING,
    )
    _full_clean(booking, validate_constraints=False)
    _save_holding(booking)
    audit_log(
        actor=actor,
        action="resources.booking.create",
        obj=booking,
        changes={"starts_at": starts_at.isoformat(), "ends_at": ends_at.isoformat()},
    )
    notify(
        recipients=selectors.offer_owners(offer),
        kind="resources.booking.requested",
        title=_("%(organization)s asks to book «%(offer)s»")
        % {"organization": organization.display_name, "offer": offer.title},
        body=_("Slot: %(slot)s. Confirm or decline the booking.") % {"slot": _slot_text(booking)},
        obj=booking,
        url=booking.get_absolute_url(),
        actor=actor,
    )
    return booking


def _unavailable_reason(offer: ResourceOffer, starts_at: dt.datetime) -> str:
    """Why a slot cannot be booked, with that day's hours: what a person needs to pick another."""
    day = timezone.localtime(starts_at).date()
    windows = offer_windows(offer, day, day)[day]
    date = f"{day:%d.%m.%Y}"
    if not windows:
        return _("On %(date)s the resource is not available; see its calendar for other days.") % {
            "date": date
        }
    return _("On %(date)s the resource can be booked only within %(hours)s.") % {
        "date": date,
        "hours": hours_text(windows),
    }


def _slot_text(booking: Booking) -> str:
    start = timezone.localtime(booking.starts_at)
    end = timezone.localtime(booking.ends_at)
    return f"{start:%d.%m.%Y %H:%M}–{end:%H:%M}"


def _lock(booking: Booking) -> Booking:
    return (
        Booking.objects.select_for_update()
        .select_related("offer", "organization")
        .get(pk=booking.pk)
    )


@transaction.atomic
def booking_confirm(*, actor: "User", booking: Booking, note: str = "") -> Booking:
    booking = _lock(booking)
    if booking.status != Booking.Status.PENDING:
        raise DomainError(_("Only a booking awaiting confirmation can be confirmed."))
    if booking.ends_at <= timezone.now():
        raise DomainError(_("The slot is already over."))
    booking.status = Booking.Status.CONFIRMED
    booking.decided_by, booking.decided_at, booking.decision_note = actor, timezone.now(), note
    booking.save(
        update_fields=["status", "decided_by", "decided_at", "decision_note", "updated_at"]
    )
    if booking.request_id:
        ResourceRequest.objects.filter(
            pk=booking.request_id, status=ResourceRequest.Status.OPEN
        ).update(status=ResourceRequest.Status.MATCHED)
    audit_log(
        actor=actor,
        action="resources.booking.confirm",
        obj=booking,
        changes={"status": ["pending", "confirmed"]},
    )
    notify(
        recipients=selectors.booking_requesters(booking),
        kind="resources.booking.confirmed",
        title=_("Booking of «%(offer)s» confirmed") % {"offer": booking.offer.title},
        body=_("Slot: %(slot)s.") % {"slot": _slot_text(booking)} + (f" {note}" if note else ""),
        obj=booking,
        url=booking.get_absolute_url(),
        actor=actor,
    )
    return booking


@transaction.atomic
def booking_decline(*, actor: "User", booking: Booking, note: str = "") -> Booking:
    booking = _lock(booking)
    if booking.status != Booking.Status.PENDING:
        raise DomainError(_("Only a booking awaiting confirmation can be declined."))
    booking.status = Booking.Status.DECLINED
    booking.decided_by, booking.decided_at, booking.decision_note = actor, timezone.now(), note
    booking.save(
        update_fields=["status", "decided_by", "decided_at", "decision_note", "updated_at"]
    )
    audit_log(actor=actor, action="resources.booking.decline", obj=booking, changes={"note": note})
    notify(
        recipients=selectors.booking_requesters(booking),
        kind="resources.booking.declined",
        title=_("Booking of «%(offer)s» declined") % {"offer": booking.offer.title},
        body=note,
        obj=booking,
        url=booking.get_absolute_url(),
        actor=actor,
    )
    return booking


@transaction.atomic
def booking_cancel(*, actor: "User", booking: Booking, reason: str) -> Booking:
    reason = reason.strip()
    if not reason:
        raise DomainError(_("Say why the booking is cancelled."), field="reason")
    booking = _lock(booking)
    if booking.status not in Booking.HOLDING_STATUSES:
        raise DomainError(_("This booking is no longer active."))
    if booking.ends_at <= timezone.now():
        raise DomainError(_("The slot is already over."))
    old = booking.status
    booking.status = Booking.Status.CANCELLED
    booking.cancelled_by, booking.cancel_reason = actor, reason
    booking.save(update_fields=["status", "cancelled_by", "cancel_reason", "updated_at"])
    audit_log(
        actor=actor,
        action="resources.booking.cancel",
        obj=booking,
        changes={"status": [old, "cancelled"], "reason": reason},
    )
    notify(
        recipients=[*selectors.offer_owners(booking.offer), *selectors.booking_requesters(booking)],
        kind="resources.booking.cancelled",
        title=_("Booking of «%(offer)s» cancelled") % {"offer": booking.offer.title},
        body=_("Slot: %(slot)s. Reason: %(reason)s")
        % {"slot": _slot_text(booking), "reason": reason},
        obj=booking,
        url=booking.get_absolute_url(),
        actor=actor,
    )
    return booking


@transaction.atomic
def review_create(*, actor: "User", booking: Booking, side: str, rating: int, text_: str) -> Review:
    if booking.status != Booking.Status.CONFIRMED:
        raise DomainError(_("Only a confirmed booking can be reviewed."))
    if booking.ends_at > timezone.now():
        raise DomainError(_("A review can be left after the slot."))
    if Review.objects.filter(booking=booking, side=side).exists():
        raise DomainError(_("Your side has already reviewed this booking."))
    review = Review(booking=booking, side=side, author=actor, rating=rating, text=text_.strip())
    _full_clean(review)
    review.save()
    audit_log(
        actor=actor,
        action="resources.review.create",
        obj=booking,
        changes={"side": side, "rating": rating},
    )
    other = (
        selectors.offer_owners(booking.offer)
        if side == Review.Side.REQUESTER
        else selectors.booking_requesters(booking)
    )
    notify(
        recipients=other,
        kind="resources.review.created",
        title=_("New review of the booking of «%(offer)s»") % {"offer": booking.offer.title},
        body=review.text[:300],
        obj=booking,
        url=booking.get_absolute_url(),
        actor=actor,
    )
    return review
