"""Consultation slots: an expert publishes them (never overlapping), a member books one, either cancels."""

import datetime as dt
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from nkohub.consultations.models import Competence, Expert, Slot
from nkohub.core import intervals
from nkohub.core.audit import audit_log
from nkohub.core.errors import DomainError
from nkohub.notifications.services import notify
from nkohub.organizations.models import Organization

from ._shared import _full_clean

if TYPE_CHECKING:
    from nkohub.accounts.models import User

# Namespace of the PostgreSQL advisory locks that queue the writers of one expert's slots.
SLOT_LOCK_NAMESPACE = 0x534C  # "SL"
MAX_SLOT_HOURS = 4


class SlotConflict(DomainError):
    """The slot overlaps another of the expert's slots."""


def _slot_text(slot: Slot) -> str:
    start, end = timezone.localtime(slot.starts_at), timezone.localtime(slot.ends_at)
    return f"{start:%d.%m.%Y %H:%M}–{end:%H:%M}"


@transaction.atomic
def slot_create(
    *,
    actor: "User",
    expert: Expert,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    place: str,
    competence: Competence | None = None,
) -> Slot:
    if ends_at <= starts_at:
        raise DomainError(_("The slot must end after it starts."), field="ends_at")
    if starts_at <= timezone.now():
        raise DomainError(_("The slot must be in the future."), field="starts_at")
    if ends_at - starts_at > dt.timedelta(hours=MAX_SLOT_HOURS):
        raise DomainError(_("A slot is at most four hours long."), field="ends_at")
    slot = Slot(
        expert=expert, starts_at=starts_at, ends_at=ends_at, place=place, competence=competence
    )
    _full_clean(slot, validate_constraints=False)
    intervals.save_without_overlap(
        slot,
        holding=Slot.objects.filter(expert=expert, status__in=Slot.HOLDING_STATUSES),
        lock=(SLOT_LOCK_NAMESPACE, expert.pk),
        constraint="consultations_slot_no_overlap",
        conflict=lambda: SlotConflict(
            _("You already have a slot at this time."), field="starts_at"
        ),
    )
    audit_log(
        actor=actor,
        action="consultations.slot.create",
        obj=slot,
        changes={"starts_at": starts_at.isoformat(), "ends_at": ends_at.isoformat()},
    )
    return slot


@transaction.atomic
def slot_book(
    *, actor: "User", slot: Slot, organization: Organization, topic_note: str = ""
) -> Slot:
    """Book a free slot. Of two people booking at once one wins (a conditional update of a free slot);
    booking one's own slot again changes nothing."""
    if slot.starts_at <= timezone.now():
        raise DomainError(_("This slot has already begun."))
    booked = Slot.objects.filter(pk=slot.pk, status=Slot.Status.OPEN).update(
        status=Slot.Status.BOOKED,
        booked_by=actor,
        organization=organization,
        topic_note=topic_note.strip()[:500],
        booked_at=timezone.now(),
    )
    slot = Slot.objects.select_related("expert__user").get(pk=slot.pk)
    if not booked:
        if slot.status == Slot.Status.BOOKED and slot.booked_by_id == actor.pk:
            return slot
        raise DomainError(_("Someone has just booked this slot. Choose another one."))
    audit_log(
        actor=actor,
        action="consultations.slot.book",
        obj=slot,
        changes={"status": ["open", "booked"], "organization": organization.display_name},
    )
    notify(
        recipients=[slot.expert.user],
        kind="consultations.slot.booked",
        title=_("%(organization)s booked your consultation on %(slot)s")
        % {"organization": organization.display_name, "slot": _slot_text(slot)},
        body=slot.topic_note,
        obj=slot,
        url="",
        actor=actor,
    )
    return slot


@transaction.atomic
def slot_cancel_booking(*, actor: "User", slot: Slot) -> Slot:
    """The person who booked (or the expert) frees the slot again."""
    slot = (
        Slot.objects.select_for_update(of=("self",))
        .select_related("expert__user", "booked_by")
        .get(pk=slot.pk)
    )
    if slot.status != Slot.Status.BOOKED:
        raise DomainError(_("This slot is not booked."))
    booked_by = slot.booked_by
    slot.status, slot.booked_by, slot.organization = Slot.Status.OPEN, None, None
    slot.topic_note, slot.booked_at = "", None
    slot.save(update_fields=["status", "booked_by", "organization", "topic_note", "booked_at"])
    audit_log(
        actor=actor,
        action="consultations.slot.unbook",
        obj=slot,
        changes={"status": ["booked", "open"]},
    )
    notify(
        recipients=[slot.expert.user, booked_by],
        kind="consultations.slot.cancelled",
        title=_("The booking of the consultation on %(slot)s is cancelled")
        % {"slot": _slot_text(slot)},
        obj=slot,
        actor=actor,
    )
    return slot


@transaction.atomic
def slot_withdraw(*, actor: "User", slot: Slot) -> Slot:
    """The expert takes a free slot back."""
    slot = Slot.objects.select_for_update().get(pk=slot.pk)
    if slot.status != Slot.Status.OPEN:
        raise DomainError(_("Only a free slot can be withdrawn; cancel the booking first."))
    slot.status = Slot.Status.CANCELLED
    slot.save(update_fields=["status"])
    audit_log(
        actor=actor,
        action="consultations.slot.withdraw",
        obj=slot,
        changes={"status": ["open", "cancelled"]},
    )
    return slot
