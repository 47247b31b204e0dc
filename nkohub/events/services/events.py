"""The organiser's writes: create and change an event, its questions; close registration, move, cancel."""

from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from nkohub.accounts.models import User
from nkohub.core.audit import audit_log
from nkohub.core.errors import DomainError, full_clean_or_raise
from nkohub.events import permissions
from nkohub.events.models import Event, EventQuestion, Registration
from nkohub.organizations.models import Organization

from ._shared import EVENT_FIELDS, require_manager, tell
from .registrations import locked, promote_waiting


def _people_of(event: Event) -> list[Any]:
    return [
        registration.user
        for registration in Registration.objects.filter(
            event=event, status__in=Registration.ACTIVE
        ).select_related("user")
    ]


@transaction.atomic
def event_create(
    *,
    actor: User,
    organizer: Organization,
    starts_at: datetime,
    ends_at: datetime,
    questions: list[str] | None = None,
    **fields: Any,
) -> Event:
    if not permissions.can_create_event_for(actor, organizer):
        raise PermissionDenied(
            _("Only the organisation's owners and editors may create its events.")
        )
    unknown = set(fields) - set(EVENT_FIELDS)
    if unknown:
        raise TypeError(f"Unknown event fields: {sorted(unknown)}")
    event = Event(
        organizer=organizer, starts_at=starts_at, ends_at=ends_at, created_by=actor, **fields
    )
    full_clean_or_raise(event)
    event.save()
    for position, text in enumerate(q for q in (questions or []) if q.strip()):
        EventQuestion.objects.create(event=event, text=text.strip()[:300], position=position + 1)
    audit_log(
        actor=actor,
        action="events.event.create",
        obj=event,
        changes={"title": event.title, "starts_at": event.starts_at.isoformat()},
    )
    return event


@transaction.atomic
def event_update(*, actor: User, event: Event, **fields: Any) -> Event:
    """Change what the event is (times change only by moving it); more places go to those waiting."""
    require_manager(actor, event)
    unknown = set(fields) - set(EVENT_FIELDS)
    if unknown:
        raise TypeError(f"Unknown event fields: {sorted(unknown)}")
    event = locked(event)
    if event.is_cancelled:
        raise DomainError(_("The event has been cancelled."))
    changes = {}
    for name, value in fields.items():
        before = getattr(event, name)
        if before != value:
            changes[name] = [str(before), str(value)]
            setattr(event, name, value)
    if not changes:
        return event
    full_clean_or_raise(event)
    if {"title", "summary", "description", "address", "online_url", "is_online"} & set(changes):
        event.sequence += 1  # calendars that hold the event take the new version
    event.save()
    audit_log(actor=actor, action="events.event.update", obj=event, changes=changes)
    promote_waiting(event, actor=actor)
    return event


@transaction.atomic
def event_question_add(
    *, actor: User, event: Event, text: str, required: bool = False
) -> EventQuestion:
    require_manager(actor, event)
    position = event.questions.count() + 1
    question = EventQuestion(event=event, text=text.strip(), required=required, position=position)
    full_clean_or_raise(question)
    question.save()
    audit_log(
        actor=actor, action="events.question.create", obj=event, changes={"question": question.text}
    )
    return question


@transaction.atomic
def event_close_registration(*, actor: User, event: Event) -> Event:
    require_manager(actor, event)
    event = locked(event)
    if event.registration_closed:
        return event
    event.registration_closed = True
    event.save(update_fields=["registration_closed", "updated_at"])
    audit_log(actor=actor, action="events.event.close", obj=event, changes={})
    return event


@transaction.atomic
def event_reopen_registration(*, actor: User, event: Event) -> Event:
    require_manager(actor, event)
    event = locked(event)
    if event.is_cancelled:
        raise DomainError(_("The event has been cancelled."))
    if not event.registration_closed:
        return event
    event.registration_closed = False
    event.save(update_fields=["registration_closed", "updated_at"])
    audit_log(actor=actor, action="events.event.reopen", obj=event, changes={})
    return event


@transaction.atomic
def event_move(*, actor: User, event: Event, starts_at: datetime, ends_at: datetime) -> Event:
    """New times: the calendar UID stays, SEQUENCE goes up, and everyone registered is told."""
    require_manager(actor, event)
    event = locked(event)
    if event.is_cancelled:
        raise DomainError(_("The event has been cancelled."))
    if (event.starts_at, event.ends_at) == (starts_at, ends_at):
        return event
    before = event.starts_at
    event.starts_at, event.ends_at = starts_at, ends_at
    full_clean_or_raise(event)
    event.sequence += 1
    Registration.objects.filter(event=event).update(reminded_at=None)
    event.save()
    audit_log(
        actor=actor,
        action="events.event.move",
        obj=event,
        changes={"starts_at": [before.isoformat(), starts_at.isoformat()]},
    )
    local = event.local_start
    tell(
        _people_of(event),
        kind="events.changed",
        title=_("The event has moved: %(event)s") % {"event": event.title},
        body=_("«%(event)s» now starts on %(date)s at %(time)s (%(zone)s).")
        % {
            "event": event.title,
            "date": local.strftime("%d.%m.%Y"),
            "time": local.strftime("%H:%M"),
            "zone": event.time_zone,
        },
        event=event,
        actor=actor,
    )
    return event


@transaction.atomic
def event_cancel(*, actor: User, event: Event, reason: str) -> Event:
    require_manager(actor, event)
    event = locked(event)
    if event.is_cancelled:
        return event
    if not reason.strip():
        raise DomainError(_("Say why the event is cancelled."), field="reason")
    event.status = Event.Status.CANCELLED
    event.cancel_reason = reason.strip()
    event.sequence += 1
    full_clean_or_raise(event)
    event.save()
    audit_log(
        actor=actor,
        action="events.event.cancel",
        obj=event,
        changes={"reason": event.cancel_reason},
    )
    tell(
        _people_of(event),
        kind="events.changed",
        title=_("The event is cancelled: %(event)s") % {"event": event.title},
        body=event.cancel_reason,
        event=event,
        actor=actor,
    )
    return event
