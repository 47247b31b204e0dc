"""Offers of resources: their period, availability rules and exceptions, photos."""

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from nkohub.core.audit import audit_log, diff_fields
from nkohub.core.errors import DomainError
from nkohub.core.images import strip_metadata
from nkohub.organizations.models import Organization
from nkohub.resources.availability import SCHEDULES
from nkohub.resources.models import (
    OFFER_FIELDS,
    AvailabilityException,
    AvailabilityRule,
    OfferPhoto,
    ResourceOffer,
)

from ._shared import MAX_PHOTOS, _enqueue_refresh, _full_clean, _refresh_search

if TYPE_CHECKING:
    from nkohub.accounts.models import User


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
    actor: "User",
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
def offer_update(*, actor: "User", offer: ResourceOffer, **fields: Any) -> ResourceOffer:
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
def offer_set_status(*, actor: "User", offer: ResourceOffer, status: str) -> ResourceOffer:
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
    *, actor: "User", offer: ResourceOffer, schedule: str
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
    *, actor: "User", offer: ResourceOffer, weekday: int, start_time: dt.time, end_time: dt.time
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
def availability_rule_remove(*, actor: "User", rule: AvailabilityRule) -> None:
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
    actor: "User",
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
def availability_exception_remove(*, actor: "User", exception: AvailabilityException) -> None:
    audit_log(
        actor=actor,
        action="resources.exception.remove",
        obj=exception.offer,
        changes={"date": str(exception.date)},
    )
    exception.delete()


@transaction.atomic
def offer_photo_add(
    *, actor: "User", offer: ResourceOffer, image: UploadedFile, caption: str
) -> OfferPhoto:
    if offer.photos.count() >= MAX_PHOTOS:
        raise DomainError(_("An offer can have at most 10 photos."), field="image")
    photo = OfferPhoto(
        offer=offer, image=image, caption=caption, uploaded_by=actor, position=offer.photos.count()
    )
    _full_clean(photo)  # checks type and size before the file is stored
    photo.image = strip_metadata(image)  # stored without EXIF (GPS) and other metadata
    photo.save()
    audit_log(actor=actor, action="resources.photo.add", obj=offer, changes={"photo": caption})
    return photo


@transaction.atomic
def offer_photo_remove(*, actor: "User", photo: OfferPhoto) -> None:
    audit_log(
        actor=actor,
        action="resources.photo.remove",
        obj=photo.offer,
        changes={"photo": photo.caption},
    )
    storage, name = photo.image.storage, photo.image.name
    photo.delete()
    transaction.on_commit(lambda: storage.delete(name) if name else None)
