"""Registration with capacity and a waiting list, cancellation, promotion, attendance and check-in.

The last place goes to exactly one person: every writer of an event first locks the event's row (on
PostgreSQL `SELECT … FOR UPDATE`; SQLite runs write transactions one at a time, `IMMEDIATE`), and a place is
taken by one conditional UPDATE that the database's check constraint backs (`seats_taken <= capacity`).
Every write here is idempotent: a second click or a retried request finds the work done and changes nothing.
"""

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from nkohub.accounts.models import User
from nkohub.core.audit import audit_log
from nkohub.core.errors import DomainError, full_clean_or_raise
from nkohub.events import permissions
from nkohub.events.models import Event, EventQuestion, Registration, normalise_code
from nkohub.organizations.models import Organization
from nkohub.organizations.permissions import is_member

from ._shared import require_manager, tell


def locked(event: Event) -> Event:
    """The event re-read under its row lock: writers of one event take turns."""
    return Event.objects.select_for_update().select_related("organizer").get(pk=event.pk)


def _take_place(event: Event) -> bool:
    taken = Event.objects.filter(pk=event.pk, seats_taken__lt=F("capacity")).update(
        seats_taken=F("seats_taken") + 1
    )
    if taken:
        event.seats_taken += 1
    return bool(taken)


def free_place(event: Event) -> None:
    Event.objects.filter(pk=event.pk, seats_taken__gt=0).update(seats_taken=F("seats_taken") - 1)
    event.seats_taken = max(0, event.seats_taken - 1)


def _clean_answers(event: Event, answers: dict[str, str] | None) -> dict[str, str]:
    answers = answers or {}
    cleaned: dict[str, str] = {}
    for question in EventQuestion.objects.filter(event=event):
        text = str(answers.get(str(question.pk), "")).strip()[:1000]
        if question.required and not text:
            raise DomainError(
                _("Answer the question «%(question)s».") % {"question": question.text},
                field=f"q{question.pk}",
            )
        if text:
            cleaned[str(question.pk)] = text
    return cleaned


def waiting_position(registration: Registration) -> int:
    """1 for the first on the waiting list."""
    return (
        Registration.objects.filter(
            event_id=registration.event_id,
            status=Registration.Status.WAITING,
            registered_at__lte=registration.registered_at,
        )
        .exclude(registered_at=registration.registered_at, pk__gt=registration.pk)
        .count()
    )


@transaction.atomic
def registration_create(
    *,
    actor: User,
    event: Event,
    organization: Organization | None = None,
    answers: dict[str, str] | None = None,
) -> Registration:
    """A confirmed place while there is one and nobody waits, else a place on the waiting list.
    Registering again while registered returns the registration as it is."""
    event = locked(event)
    existing = Registration.objects.filter(event=event, user=actor).first()
    if existing is not None and existing.is_active:
        return existing
    if not permissions.can_view_event(actor, event):
        raise PermissionDenied
    decision = permissions.can_register(actor, event, existing)
    if not decision:
        raise DomainError(decision.reason)
    if organization is not None and not is_member(actor, organization):
        raise DomainError(
            _("You can come only on behalf of an organisation you are a member of."),
            field="organization",
        )
    cleaned = _clean_answers(event, answers)
    someone_waits = Registration.objects.filter(
        event=event, status=Registration.Status.WAITING
    ).exists()
    confirmed = not someone_waits and _take_place(event)
    now = timezone.now()
    registration = existing or Registration(event=event, user=actor)
    registration.organization = organization
    registration.answers = cleaned
    registration.status = (
        Registration.Status.CONFIRMED if confirmed else Registration.Status.WAITING
    )
    registration.registered_at = now
    registration.confirmed_at = now if confirmed else None
    registration.cancelled_at = None
    registration.attended_at = None
    registration.reminded_at = None
    full_clean_or_raise(registration, exclude=["event", "user", "checkin_code"])
    try:
        with transaction.atomic():
            registration.save()
    except IntegrityError as error:  # the same person's request, retried past the lock
        raise DomainError(_("You are already registered for this event.")) from error
    audit_log(
        actor=actor,
        action="events.registration.create",
        obj=event,
        changes={"status": registration.status, "organization": str(organization or "")},
    )
    return registration


def promote_waiting(event: Event, *, actor: Any) -> list[Registration]:
    """Give the free places to the first on the waiting list, and tell each of them.
    The caller holds the event's lock."""
    promoted: list[Registration] = []
    if event.is_cancelled:
        return promoted
    while event.places_left > 0:
        first = (
            Registration.objects.select_for_update()
            .select_related("user")
            .filter(event=event, status=Registration.Status.WAITING)
            .order_by("registered_at", "pk")
            .first()
        )
        if first is None or not _take_place(event):
            break
        first.status = Registration.Status.CONFIRMED
        first.confirmed_at = timezone.now()
        first.save(update_fields=["status", "confirmed_at"])
        audit_log(
            actor=actor,
            action="events.registration.promote",
            obj=event,
            changes={"participant": str(first.user)},
        )
        tell(
            [first.user],
            kind="events.place_freed",
            title=_("A place is yours: %(event)s") % {"event": event.title},
            body=_(
                "A place at «%(event)s» has freed up and it is yours. If you cannot come, cancel "
                "your registration so that the next person on the waiting list gets it."
            )
            % {"event": event.title},
            event=event,
            actor=None,
        )
        promoted.append(first)
    return promoted


@transaction.atomic
def registration_cancel(*, actor: User, registration: Registration) -> Registration:
    """The person gives up their place (or leaves the waiting list); the first waiting gets the place.
    Cancelling a cancelled registration changes nothing."""
    if not permissions.can_cancel_registration(actor, registration):
        raise PermissionDenied
    event = locked(registration.event)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if not registration.is_active:
        return registration
    if event.has_ended:
        raise DomainError(_("The event is over."))
    was_confirmed = registration.is_confirmed
    registration.status = Registration.Status.CANCELLED
    registration.cancelled_at = timezone.now()
    registration.save(update_fields=["status", "cancelled_at"])
    audit_log(
        actor=actor,
        action="events.registration.cancel",
        obj=event,
        changes={
            "status": [
                Registration.Status.CONFIRMED if was_confirmed else Registration.Status.WAITING,
                registration.status,
            ]
        },
    )
    if was_confirmed:
        free_place(event)
        promote_waiting(event, actor=actor)
    return registration


# --- attendance -------------------------------------------------------------------------------
def _set_attended(registration: Registration, attended: bool) -> bool:
    """True when it changed."""
    if attended == (registration.attended_at is not None):
        return False
    registration.attended_at = timezone.now() if attended else None
    registration.save(update_fields=["attended_at"])
    return True


@transaction.atomic
def attendance_set(*, actor: User, event: Event, present: Iterable[int]) -> int:
    """The organiser's list: those ticked came, the other confirmed people did not. How many changed."""
    require_manager(actor, event)
    if event.is_cancelled:
        raise DomainError(_("The event has been cancelled."))
    present_ids = {int(pk) for pk in present}
    changed = 0
    for registration in Registration.objects.select_for_update().filter(
        event=event, status=Registration.Status.CONFIRMED
    ):
        changed += _set_attended(registration, registration.pk in present_ids)
    if changed:
        audit_log(
            actor=actor,
            action="events.attendance.set",
            obj=event,
            changes={"attended": len(present_ids), "changed": changed},
        )
    return changed


@transaction.atomic
def attendance_mark(*, actor: User, registration: Registration, attended: bool) -> Registration:
    require_manager(actor, registration.event)
    registration = (
        Registration.objects.select_for_update().select_related("user").get(pk=registration.pk)
    )
    if not registration.is_confirmed:
        raise DomainError(_("Only people with a confirmed place can be marked as present."))
    if _set_attended(registration, attended):
        audit_log(
            actor=actor,
            action="events.attendance.mark",
            obj=registration.event,
            changes={"participant": str(registration.user), "attended": attended},
        )
    return registration


@transaction.atomic
def checkin_by_code(*, actor: User, event: Event, code: str) -> tuple[Registration, bool]:
    """Check in the holder of a code (scanned or typed). Returns the registration and whether it was
    already checked in: a code scanned twice, or synced again after being offline, counts once."""
    require_manager(actor, event)
    if event.is_cancelled:
        raise DomainError(_("The event has been cancelled."))
    normal = normalise_code(code)
    registration = (
        Registration.objects.select_for_update()
        .select_related("user")
        .filter(event=event, checkin_code=normal)
        .first()
        if normal
        else None
    )
    if registration is None:
        raise DomainError(_("No registration for this event has this code."), field="code")
    if not registration.is_confirmed:
        raise DomainError(
            _("%(person)s has no confirmed place.") % {"person": registration.user}, field="code"
        )
    already = not _set_attended(registration, True)
    if not already:
        audit_log(
            actor=actor,
            action="events.attendance.checkin",
            obj=event,
            changes={"participant": str(registration.user)},
        )
    return registration, already
