"""Every write of the resource bank: offers, availability, photos, requests, bookings, reviews and matches."""

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from nkohub.core.audit import audit_log, diff_fields
from nkohub.core.errors import DomainError
from nkohub.notifications.background import enqueue_on_commit
from nkohub.notifications.services import notify
from nkohub.organizations.models import Organization
from nkohub.resources import selectors, text
from nkohub.resources.availability import SCHEDULES, hours_text, offer_windows, slot_is_available
from nkohub.resources.models import (
    OFFER_FIELDS,
    REQUEST_FIELDS,
    AvailabilityException,
    AvailabilityRule,
    Booking,
    Match,
    OfferPhoto,
    ResourceOffer,
    ResourceRequest,
    Review,
)

MAX_PHOTOS = 10
MAX_BOOKING_HOURS = 24


class BookingConflict(DomainError):
    """The slot overlaps a booking that holds it."""


def _full_clean(obj: Any, **kwargs: Any) -> None:
    try:
        obj.full_clean(**kwargs)
    except ValidationError as error:
        field, messages = next(iter(error.message_dict.items()))
        raise DomainError(
            " ".join(messages), field=None if field == "__all__" else field
        ) from error


def _refresh_search(obj: ResourceOffer | ResourceRequest, *parts: str) -> None:
    """Lemmas for SQLite and a tsvector for PostgreSQL, written with the object."""
    joined = " ".join(parts)
    obj.search_lemmas = text.lemma_text(joined)
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchVector
        from django.db.models import Value

        type(obj).objects.filter(pk=obj.pk).update(
            search_vector=SearchVector(Value(parts[0]), weight="A", config="russian")
            + SearchVector(Value(" ".join(parts[1:])), weight="B", config="russian")
        )


def refresh_search_of(obj: ResourceOffer | ResourceRequest) -> None:
    """Recompute the search lemmas and vector of an offer or a request written without a service (demo, bench)."""
    if isinstance(obj, ResourceOffer):
        _refresh_search(obj, obj.title, obj.description)
    else:
        _refresh_search(obj, obj.title, obj.purpose)
    type(obj).objects.filter(pk=obj.pk).update(search_lemmas=obj.search_lemmas)


def _enqueue_refresh(*, offer_id: int | None = None, request_id: int | None = None) -> None:
    from nkohub.resources import tasks

    if offer_id is not None:
        enqueue_on_commit(tasks.refresh_offer_matches, offer_id)
    if request_id is not None:
        enqueue_on_commit(tasks.refresh_request_matches, request_id)


# --- offers -----------------------------------------------------------------------------
def _check_offer_period(offer: ResourceOffer) -> None:
    if (
        offer.available_from
        and offer.available_until
        and offer.available_until < offer.available_from
    ):
        raise DomainError(
            _("The end of the period must not be before its start."), field="available_until"
        )


@transaction.atomic
def offer_create(
    *,
    actor: Any,
    organization: Organization | None,
    publish: bool = False,
    schedule: str = "",
    **fields: Any,
) -> ResourceOffer:
    """A new offer; a bookable one gets the weekly `schedule` (a key of availability.SCHEDULES) at
    once, so that it can be booked from the start."""
    offer = ResourceOffer(
        organization=organization,
        created_by=actor,
        **{k: fields.get(k) for k in OFFER_FIELDS if k in fields},
    )
    for name in ("address", "terms_note"):
        if getattr(offer, name) is None:
            setattr(offer, name, "")
    if publish:
        offer.status = ResourceOffer.Status.PUBLISHED
        offer.published_at = timezone.now()
    _check_offer_period(offer)
    _full_clean(offer, exclude=["search_vector"])
    offer.save()
    _refresh_search(offer, offer.title, offer.description)
    offer.save(update_fields=["search_lemmas"])
    changes: dict[str, Any] = {"status": offer.status}
    if schedule and offer.is_bookable:
        _add_schedule(offer, schedule)
        changes["schedule"] = str(SCHEDULES[schedule].label)
    audit_log(actor=actor, action="resources.offer.create", obj=offer, changes=changes)
    _enqueue_refresh(offer_id=offer.pk)
    return offer


@transaction.atomic
def offer_update(*, actor: Any, offer: ResourceOffer, **fields: Any) -> ResourceOffer:
    before = ResourceOffer.objects.get(pk=offer.pk)
    for name in OFFER_FIELDS:
        if name in fields:
            value = fields[name]
            setattr(
                offer, name, "" if value is None and name in ("address", "terms_note") else value
            )
    _check_offer_period(offer)
    _full_clean(offer, exclude=["search_vector"])
    _refresh_search(offer, offer.title, offer.description)
    offer.save()
    changes = diff_fields(before, offer, OFFER_FIELDS)
    if changes:
        audit_log(actor=actor, action="resources.offer.update", obj=offer, changes=changes)
        _enqueue_refresh(offer_id=offer.pk)
    return offer


@transaction.atomic
def offer_set_status(*, actor: Any, offer: ResourceOffer, status: str) -> ResourceOffer:
    if status not in ResourceOffer.TRANSITIONS.get(offer.status, ()):
        raise DomainError(
            _("An offer in this status cannot be moved to the one asked for."), field="status"
        )
    old = offer.status
    offer.status = status
    if status == ResourceOffer.Status.PUBLISHED and offer.published_at is None:
        offer.published_at = timezone.now()
    offer.save(update_fields=["status", "published_at", "updated_at"])
    audit_log(
        actor=actor, action="resources.offer.status", obj=offer, changes={"status": [old, status]}
    )
    _enqueue_refresh(offer_id=offer.pk)
    return offer


def sync_weekdays(offer: ResourceOffer) -> None:
    """Keep the offer's weekday mask (used by matching) equal to the days of its weekly schedule."""
    mask = 0
    for weekday in AvailabilityRule.objects.filter(offer=offer).values_list("weekday", flat=True):
        mask |= 1 << weekday
    offer.weekdays = mask
    ResourceOffer.objects.filter(pk=offer.pk).update(weekdays=mask)


def _add_schedule(offer: ResourceOffer, schedule: str) -> list[AvailabilityRule]:
    if schedule not in SCHEDULES:
        raise DomainError(_("Choose one of the proposed schedules."), field="schedule")
    if offer.availability_rules.exists():
        raise DomainError(_("The offer already has windows; add or remove them one by one."))
    chosen = SCHEDULES[schedule]
    rules = [
        AvailabilityRule(offer=offer, weekday=day, start_time=chosen.start, end_time=chosen.end)
        for day in chosen.weekdays
    ]
    for rule in rules:
        _full_clean(rule)
    created = AvailabilityRule.objects.bulk_create(rules)
    sync_weekdays(offer)
    return created


@transaction.atomic
def availability_schedule_add(
    *, actor: Any, offer: ResourceOffer, schedule: str
) -> list[AvailabilityRule]:
    """Give an offer without windows one of the usual weekly schedules in one step."""
    rules = _add_schedule(offer, schedule)
    audit_log(
        actor=actor,
        action="resources.availability.add",
        obj=offer,
        changes={"schedule": str(SCHEDULES[schedule].label)},
    )
    _enqueue_refresh(offer_id=offer.pk)
    return rules


@transaction.atomic
def availability_rule_add(
    *, actor: Any, offer: ResourceOffer, weekday: int, start_time: dt.time, end_time: dt.time
) -> AvailabilityRule:
    if end_time <= start_time:
        raise DomainError(_("The window must end after it starts."), field="end_time")
    overlapping = offer.availability_rules.filter(
        weekday=weekday, start_time__lt=end_time, end_time__gt=start_time
    )
    if overlapping.exists():
        raise DomainError(
            _("This window overlaps another window of the same day."), field="start_time"
        )
    rule = AvailabilityRule(offer=offer, weekday=weekday, start_time=start_time, end_time=end_time)
    _full_clean(rule)
    rule.save()
    sync_weekdays(offer)  # matching reads the weekday mask
    audit_log(
        actor=actor, action="resources.availability.add", obj=offer, changes={"rule": str(rule)}
    )
    _enqueue_refresh(offer_id=offer.pk)
    return rule


@transaction.atomic
def availability_rule_remove(*, actor: Any, rule: AvailabilityRule) -> None:
    offer = rule.offer
    audit_log(
        actor=actor, action="resources.availability.remove", obj=offer, changes={"rule": str(rule)}
    )
    rule.delete()
    sync_weekdays(offer)
    _enqueue_refresh(offer_id=offer.pk)


@transaction.atomic
def availability_exception_add(
    *,
    actor: Any,
    offer: ResourceOffer,
    date: dt.date,
    is_closed: bool,
    start_time: dt.time | None = None,
    end_time: dt.time | None = None,
    note: str = "",
) -> AvailabilityException:
    if is_closed:
        start_time = end_time = None
    elif not (start_time and end_time):
        raise DomainError(
            _("Give the hours of that day, or mark it closed all day."), field="start_time"
        )
    elif end_time <= start_time:
        raise DomainError(_("The window must end after it starts."), field="end_time")
    exception = AvailabilityException(
        offer=offer,
        date=date,
        is_closed=is_closed,
        start_time=start_time,
        end_time=end_time,
        note=note,
    )
    _full_clean(exception)
    exception.save()
    audit_log(
        actor=actor,
        action="resources.exception.add",
        obj=offer,
        changes={"date": str(date), "closed": is_closed},
    )
    return exception


@transaction.atomic
def availability_exception_remove(*, actor: Any, exception: AvailabilityException) -> None:
    audit_log(
        actor=actor,
        action="resources.exception.remove",
        obj=exception.offer,
        changes={"date": str(exception.date)},
    )
    exception.delete()


@transaction.atomic
def offer_photo_add(
    *, actor: Any, offer: ResourceOffer, image: UploadedFile, caption: str
) -> OfferPhoto:
    if offer.photos.count() >= MAX_PHOTOS:
        raise DomainError(_("An offer can have at most 10 photos."), field="image")
    photo = OfferPhoto(
        offer=offer, image=image, caption=caption, uploaded_by=actor, position=offer.photos.count()
    )
    _full_clean(photo)  # checks type and size before the file is stored
    photo.save()
    audit_log(actor=actor, action="resources.photo.add", obj=offer, changes={"photo": caption})
    return photo


@transaction.atomic
def offer_photo_remove(*, actor: Any, photo: OfferPhoto) -> None:
    audit_log(
        actor=actor,
        action="resources.photo.remove",
        obj=photo.offer,
        changes={"photo": photo.caption},
    )
    storage, name = photo.image.storage, photo.image.name
    photo.delete()
    transaction.on_commit(lambda: storage.delete(name) if name else None)


# --- requests ---------------------------------------------------------------------------
def _check_request_period(resource_request: ResourceRequest, *, creating: bool) -> None:
    if resource_request.needed_until < resource_request.needed_from:
        raise DomainError(
            _("The end of the period must not be before its start."), field="needed_until"
        )
    if creating and resource_request.needed_until < timezone.localdate():
        raise DomainError(_("The period is already over."), field="needed_until")


@transaction.atomic
def request_create(*, actor: Any, organization: Organization, **fields: Any) -> ResourceRequest:
    resource_request = ResourceRequest(
        organization=organization,
        created_by=actor,
        **{k: fields.get(k) for k in REQUEST_FIELDS if k in fields},
    )
    if resource_request.needed_from and not resource_request.needed_until:
        resource_request.needed_until = resource_request.needed_from
    _check_request_period(resource_request, creating=True)
    _full_clean(resource_request, exclude=["search_vector"])
    resource_request.save()
    _refresh_search(resource_request, resource_request.title, resource_request.purpose)
    resource_request.save(update_fields=["search_lemmas"])
    audit_log(actor=actor, action="resources.request.create", obj=resource_request)
    _enqueue_refresh(request_id=resource_request.pk)
    return resource_request


@transaction.atomic
def request_update(
    *, actor: Any, resource_request: ResourceRequest, **fields: Any
) -> ResourceRequest:
    before = ResourceRequest.objects.get(pk=resource_request.pk)
    for name in REQUEST_FIELDS:
        if name in fields:
            setattr(resource_request, name, fields[name])
    _check_request_period(resource_request, creating=False)
    _full_clean(resource_request, exclude=["search_vector"])
    _refresh_search(resource_request, resource_request.title, resource_request.purpose)
    resource_request.save()
    changes = diff_fields(before, resource_request, REQUEST_FIELDS)
    if changes:
        audit_log(
            actor=actor, action="resources.request.update", obj=resource_request, changes=changes
        )
        _enqueue_refresh(request_id=resource_request.pk)
    return resource_request


@transaction.atomic
def request_set_status(
    *, actor: Any, resource_request: ResourceRequest, status: str
) -> ResourceRequest:
    if status not in ResourceRequest.TRANSITIONS.get(resource_request.status, ()):
        raise DomainError(
            _("A request in this status cannot be moved to the one asked for."), field="status"
        )
    old = resource_request.status
    resource_request.status = status
    resource_request.save(update_fields=["status", "updated_at"])
    audit_log(
        actor=actor,
        action="resources.request.status",
        obj=resource_request,
        changes={"status": [old, status]},
    )
    _enqueue_refresh(request_id=resource_request.pk)
    return resource_request


# --- bookings ---------------------------------------------------------------------------
def _overlapping(offer_id: int, starts_at: dt.datetime, ends_at: dt.datetime) -> bool:
    return Booking.objects.filter(
        offer_id=offer_id,
        status__in=Booking.HOLDING_STATUSES,
        starts_at__lt=ends_at,
        ends_at__gt=starts_at,
    ).exists()


# Namespace of the PostgreSQL advisory locks that queue the writers of one offer's bookings.
BOOKING_LOCK_NAMESPACE = 0x424B  # "BK"


def _queue_writers_of(offer_id: int) -> None:
    """PostgreSQL: writers of one offer's bookings take turns until their transaction ends.

    The exclusion constraint inserts first and looks for conflicts second, so two concurrent inserts of
    the same slot can each find the other's uncommitted row and wait for each other: PostgreSQL then
    breaks the cycle by failing one with "deadlock detected" (a 500, seen as a flaky 20-way race test under
    load). With this lock the second writer waits for the first to finish, then its overlap check sees the
    committed booking. Bookings of different offers never wait for each other; the constraint stays the
    authority.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_advisory_xact_lock(%s, %s)",
                [BOOKING_LOCK_NAMESPACE, offer_id % 2_147_483_647],
            )


def _save_holding(booking: Booking) -> None:
    """Save a booking that holds its slot; the overlap check and the insert are one serialised step.

    SQLite: the surrounding transaction began IMMEDIATE, holding the write lock, so no other writer can insert
    between our check and our insert. PostgreSQL: writers of the offer queue on an advisory lock (see
    `_queue_writers_of`), and the exclusion constraint still refuses any overlap that reaches the table;
    we turn its error into the same message.
    """
    _queue_writers_of(booking.offer_id)
    if _overlapping(booking.offer_id, booking.starts_at, booking.ends_at):
        raise BookingConflict(
            _("This time is already taken. Choose another slot."), field="starts_at"
        )
    try:
        with transaction.atomic():
            booking.save()
    except IntegrityError as error:
        if "resources_booking_no_overlap" in str(error):
            raise BookingConflict(
                _("This time is already taken. Choose another slot."), field="starts_at"
            ) from error
        raise


@transaction.atomic
def booking_create(
    *,
    actor: Any,
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
def booking_confirm(*, actor: Any, booking: Booking, note: str = "") -> Booking:
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
def booking_decline(*, actor: Any, booking: Booking, note: str = "") -> Booking:
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
def booking_cancel(*, actor: Any, booking: Booking, reason: str) -> Booking:
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
def review_create(*, actor: Any, booking: Booking, side: str, rating: int, text_: str) -> Review:
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


# --- matches ----------------------------------------------------------------------------
def _store_matches(
    pairs: list[tuple[ResourceOffer, ResourceRequest, float]], *, keep: dict[str, Any]
) -> list[Match]:
    """Replace the not-yet-notified matches of one side (`keep` filters it) with `pairs`; tell owners once."""
    wanted = {(offer.pk, req.pk) for offer, req, _score in pairs}
    stale = Match.objects.filter(notified_at__isnull=True, **keep)
    stale.exclude(pk__in=[m.pk for m in stale if (m.offer_id, m.request_id) in wanted]).delete()
    stored = []
    for offer, req, score in pairs:
        match, _created = Match.objects.update_or_create(
            offer=offer, request=req, defaults={"score": round(score, 2)}
        )
        stored.append(match)
        if score >= selectors.GOOD_MATCH and match.notified_at is None:
            _tell_about_match(match, offer, req)
    return stored


def _tell_about_match(match: Match, offer: ResourceOffer, req: ResourceRequest) -> None:
    # The row is claimed first, so two refreshes running at once do not both notify.
    claimed = Match.objects.filter(pk=match.pk, notified_at__isnull=True).update(
        notified_at=timezone.now()
    )
    if not claimed:
        return
    notify(
        recipients=selectors.request_owners(req),
        kind="resources.match.found",
        title=_("An offer may suit your request «%(request)s»") % {"request": req.title},
        body=_("«%(offer)s» from %(owner)s.") % {"offer": offer.title, "owner": offer.offered_by},
        obj=offer,
        url=offer.get_absolute_url(),
    )
    notify(
        recipients=selectors.offer_owners(offer),
        kind="resources.match.found",
        title=_("Your offer «%(offer)s» may suit a request") % {"offer": offer.title},
        body=_("%(organization)s needs: «%(request)s».")
        % {"organization": req.organization.display_name, "request": req.title},
        obj=req,
        url=req.get_absolute_url(),
    )


@transaction.atomic
def matches_refresh_for_request(*, request_id: int) -> list[Match]:
    resource_request = selectors.request_with_details(request_id)
    if resource_request is None:
        return []
    if not resource_request.is_active:
        Match.objects.filter(request=resource_request, notified_at__isnull=True).delete()
        return []
    suggestions = selectors.suggested_offers(resource_request)
    return _store_matches(
        [(s.obj, resource_request, s.score) for s in suggestions],
        keep={"request": resource_request},
    )


@transaction.atomic
def matches_refresh_for_offer(*, offer_id: int) -> list[Match]:
    offer = selectors.offer_with_details(offer_id)
    if offer is None:
        return []
    if offer.status != ResourceOffer.Status.PUBLISHED:
        Match.objects.filter(offer=offer, notified_at__isnull=True).delete()
        return []
    suggestions = selectors.suggested_requests(offer)
    return _store_matches([(offer, s.obj, s.score) for s in suggestions], keep={"offer": offer})
