"""Every write to appeals: one function per use case, transactional, with history, audit and notifications."""

import re
import uuid
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from nkohub.core.audit import audit_log
from nkohub.core.errors import DomainError
from nkohub.core.storage import original_filename
from nkohub.notifications.services import notify
from nkohub.organizations.models import Membership, Organization
from nkohub.organizations.permissions import ACTING_ROLES
from nkohub.reception import deadlines, permissions, workflow
from nkohub.reception.attachments import validate_attachments
from nkohub.reception.models import (
    Appeal,
    AppealAttachment,
    AppealEvent,
    CalendarDay,
    Reminder,
    Topic,
)

REGISTRATION_PREFIX = "ЭО"


# Helpers -------------------------------------------------------------------------------------
def _require(actor: Any, appeal: Appeal, action: str) -> str:
    """The status after `action`; refuses a person without the right and a status that does not allow it."""
    if not permissions.has_role_for(actor, appeal, action):
        raise PermissionDenied
    return workflow.check_transition(appeal, action)


def _url(appeal: Appeal) -> str:
    return reverse("reception:appeal", args=[appeal.pk])


def _record(
    appeal: Appeal,
    kind: str,
    *,
    actor: Any,
    before: str,
    text: str = "",
    data: dict[str, Any] | None = None,
) -> AppealEvent:
    event = AppealEvent.objects.create(
        appeal=appeal,
        kind=kind,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        status_before=before,
        status_after=appeal.status,
        text=text,
        data=data or {},
    )
    changes: dict[str, Any] = {"status": [before, appeal.status]} if before != appeal.status else {}
    changes.update(data or {})
    audit_log(actor=actor, action=f"reception.appeal.{kind}", obj=appeal, changes=changes)
    return event


def _attach(appeal: Appeal, files: Iterable[UploadedFile], *, role: str, actor: Any) -> None:
    files = list(files)
    if not files:
        return
    try:
        validate_attachments(files)
    except Exception as error:  # a ValidationError from a caller that skipped the form
        raise DomainError(
            "; ".join(getattr(error, "messages", [str(error)])), field="files"
        ) from error
    for upload in files:
        AppealAttachment.objects.create(
            appeal=appeal,
            role=role,
            file=upload,
            name=original_filename(upload.name),
            size=upload.size or 0,
            uploaded_by=actor,
        )


def _acting_members(organization: Organization) -> list[Any]:
    """Officials of an authority, or the people acting for an NGO (owners and editors)."""
    memberships = Membership.objects.filter(
        organization=organization, role__in=ACTING_ROLES
    ).select_related("user")
    return [membership.user for membership in memberships]


def _author_side(appeal: Appeal) -> list[Any]:
    if appeal.author is not None:
        return [appeal.author]
    if appeal.organization is not None:
        return _acting_members(appeal.organization)
    return []


def _handlers(appeal: Appeal) -> list[Any]:
    """Who handles the appeal now: the assignee, else the topic's responsible official, else all officials."""
    if appeal.assignee is not None:
        return [appeal.assignee]
    if appeal.topic is not None and appeal.topic.responsible is not None:
        return [appeal.topic.responsible]
    return _acting_members(appeal.authority)


def _tell_author(
    appeal: Appeal, *, event: str, title: str, body: str = "", actor: Any = None
) -> None:
    notify(
        recipients=_author_side(appeal),
        kind=f"reception.appeal.{event}",
        title=title,
        body=body,
        obj=appeal,
        url=_url(appeal),
        actor=actor,
    )


def _tell_officials(
    appeal: Appeal,
    *,
    event: str,
    title: str,
    body: str = "",
    actor: Any = None,
    recipients: Sequence[Any] | None = None,
) -> None:
    notify(
        recipients=recipients if recipients is not None else _handlers(appeal),
        kind=f"reception.appeal.{event}",
        title=title,
        body=body,
        obj=appeal,
        url=_url(appeal),
        actor=actor,
    )


def _check_addressee(*, authority: Organization, topic: Topic | None) -> None:
    if authority.kind != Organization.Kind.AUTHORITY:
        raise DomainError("Обращение можно направить только в орган власти.", field="authority")
    if topic is not None and (topic.authority_id != authority.pk or not topic.is_active):
        raise DomainError("Эта тема не относится к выбранному органу власти.", field="topic")


def _today() -> date:
    return timezone.localdate()


# Author's side -------------------------------------------------------------------------------
@transaction.atomic
def appeal_create(
    *,
    actor: Any,
    authority: Organization,
    subject: str,
    text: str,
    kind: str = Appeal.Kind.QUESTION,
    topic: Topic | None = None,
    organization: Organization | None = None,
    publish_consent: bool = False,
    idempotency_key: uuid.UUID | None = None,
    files: Iterable[UploadedFile] = (),
    submit: bool = False,
) -> tuple[Appeal, bool]:
    """Create a draft (and submit it when `submit`). The same key twice gives the appeal made the first time.

    Returns (appeal, created). A double click or a retried request carries the key of the form it came
    from, so it finds the appeal made by the first request instead of making a second one.
    """
    if not actor.is_authenticated:
        raise PermissionDenied
    key = idempotency_key or uuid.uuid4()
    existing = Appeal.objects.filter(author=actor, idempotency_key=key).first()
    if existing is not None:
        if submit and existing.status == Appeal.Status.DRAFT:
            appeal_submit(actor=actor, appeal=existing)
        return existing, False
    if not permissions.can_submit_on_behalf(actor, organization):
        raise DomainError("Вы не можете писать от имени этой организации.", field="organization")
    _check_addressee(authority=authority, topic=topic)
    appeal = Appeal(
        author=actor,
        authority=authority,
        topic=topic,
        organization=organization,
        kind=kind,
        subject=subject.strip(),
        text=text.strip(),
        publish_consent=publish_consent,
        idempotency_key=key,
    )
    appeal.full_clean()
    try:
        with transaction.atomic():
            appeal.save()
    except IntegrityError:
        # The same key raced in from a parallel request: that request's appeal is the one.
        return Appeal.objects.get(author=actor, idempotency_key=key), False
    _attach(appeal, files, role=AppealAttachment.Role.APPEAL, actor=actor)
    _record(appeal, AppealEvent.Kind.CREATED, actor=actor, before="")
    if submit:
        appeal_submit(actor=actor, appeal=appeal)
    return appeal, True


DRAFT_FIELDS = ("authority", "topic", "organization", "kind", "subject", "text", "publish_consent")


@transaction.atomic
def appeal_update_draft(
    *, actor: Any, appeal: Appeal, files: Iterable[UploadedFile] = (), **fields: Any
) -> Appeal:
    _require(actor, appeal, "edit")
    unknown = set(fields) - set(DRAFT_FIELDS)
    if unknown:
        raise TypeError(f"Not editable: {sorted(unknown)}")
    if "organization" in fields and not permissions.can_submit_on_behalf(
        actor, fields["organization"]
    ):
        raise DomainError("Вы не можете писать от имени этой организации.", field="organization")
    changes: dict[str, Any] = {}
    for name, value in fields.items():
        if isinstance(value, str):
            value = value.strip()
        if getattr(appeal, name) != value:
            changes[name] = [str(getattr(appeal, name)), str(value)]
            setattr(appeal, name, value)
    _check_addressee(authority=appeal.authority, topic=appeal.topic)
    appeal.full_clean()
    appeal.save()
    _attach(appeal, files, role=AppealAttachment.Role.APPEAL, actor=actor)
    if changes or files:
        _record(
            appeal,
            AppealEvent.Kind.EDITED,
            actor=actor,
            before=appeal.status,
            data={"fields": sorted(changes)},
        )
    return appeal


@transaction.atomic
def appeal_submit(*, actor: Any, appeal: Appeal) -> Appeal:
    Appeal.objects.select_for_update().filter(pk=appeal.pk).first()
    appeal.refresh_from_db()
    before = appeal.status
    target = _require(actor, appeal, "submit")
    _check_addressee(authority=appeal.authority, topic=appeal.topic)
    appeal.submitted_at = timezone.now()
    appeal.registration_due = deadlines.registration_due(timezone.localdate(appeal.submitted_at))
    appeal.status = target
    appeal.full_clean()
    appeal.save()
    _record(
        appeal,
        AppealEvent.Kind.SUBMITTED,
        actor=actor,
        before=before,
        data={"registration_due": appeal.registration_due.isoformat()},
    )
    _tell_officials(
        appeal,
        event="submitted",
        title=f"Новое обращение: {appeal.subject}",
        body=f"От: {appeal.author_label}. Зарегистрировать до {appeal.registration_due:%d.%m.%Y}.",
        actor=actor,
    )
    return appeal


@transaction.atomic
def appeal_clarify(
    *, actor: Any, appeal: Appeal, text: str, files: Iterable[UploadedFile] = ()
) -> AppealEvent:
    _require(actor, appeal, "clarify")
    text = text.strip()
    if not text:
        raise DomainError("Напишите текст уточнения.", field="text")
    _attach(appeal, files, role=AppealAttachment.Role.CLARIFICATION, actor=actor)
    event = _record(
        appeal, AppealEvent.Kind.CLARIFIED, actor=actor, before=appeal.status, text=text
    )
    _tell_officials(
        appeal,
        event="clarified",
        title=f"Уточнение к обращению «{appeal.subject}»",
        body=text[:500],
        actor=actor,
    )
    return event


@transaction.atomic
def appeal_rate(*, actor: Any, appeal: Appeal, rating: int, comment: str = "") -> Appeal:
    _require(actor, appeal, "rate")
    if appeal.rated_at is not None:
        raise DomainError("Ответ уже оценён.", field="rating")
    if not 1 <= rating <= 5:
        raise DomainError("Оценка — от 1 до 5.", field="rating")
    appeal.rating = rating
    appeal.rating_comment = comment.strip()
    appeal.rated_at = timezone.now()
    appeal.full_clean()
    appeal.save()
    _record(
        appeal,
        AppealEvent.Kind.RATED,
        actor=actor,
        before=appeal.status,
        text=appeal.rating_comment,
        data={"rating": rating},
    )
    _tell_officials(
        appeal,
        event="rated",
        title=f"Автор оценил ответ: {rating} из 5",
        body=appeal.rating_comment,
        actor=actor,
        recipients=[appeal.answered_by] if appeal.answered_by else None,
    )
    return appeal


# Officials' side -----------------------------------------------------------------------------
def _next_registration_number(authority: Organization, year: int) -> str:
    prefix = f"{REGISTRATION_PREFIX}-{year}-"
    numbers = Appeal.objects.filter(
        authority=authority, registration_number__startswith=prefix
    ).values_list("registration_number", flat=True)
    highest = max(
        (int(m.group(1)) for n in numbers if (m := re.fullmatch(re.escape(prefix) + r"(\d+)", n))),
        default=0,
    )
    return f"{prefix}{highest + 1:05d}"


@transaction.atomic
def appeal_register(
    *, actor: Any, appeal: Appeal, registration_number: str = "", registered_on: date | None = None
) -> Appeal:
    # Lock the authority: registration numbers are handed out one at a time.
    Organization.objects.select_for_update().filter(pk=appeal.authority_id).first()
    appeal.refresh_from_db()
    before = appeal.status
    target = _require(actor, appeal, "register")
    today = _today()
    registered_on = registered_on or today
    assert appeal.submitted_at is not None
    if registered_on > today:
        raise DomainError("Дата регистрации не может быть в будущем.", field="registered_on")
    if registered_on < timezone.localdate(appeal.submitted_at):
        raise DomainError(
            "Дата регистрации не может быть раньше даты поступления.", field="registered_on"
        )
    number = registration_number.strip() or _next_registration_number(
        appeal.authority, registered_on.year
    )
    if (
        Appeal.objects.filter(authority=appeal.authority, registration_number=number)
        .exclude(pk=appeal.pk)
        .exists()
    ):
        raise DomainError(
            f"Номер {number} уже присвоен другому обращению.", field="registration_number"
        )
    appeal.registration_number = number
    appeal.registered_on = registered_on
    appeal.registered_by = actor
    appeal.redirect_due = deadlines.redirect_due(registered_on)
    appeal.answer_due = deadlines.answer_due(registered_on)
    if (
        appeal.assignee is None
        and appeal.topic is not None
        and appeal.topic.responsible is not None
    ):
        appeal.assignee = appeal.topic.responsible
    appeal.status = target
    appeal.full_clean()
    appeal.save()
    _record(
        appeal,
        AppealEvent.Kind.REGISTERED,
        actor=actor,
        before=before,
        data={
            "registration_number": number,
            "registered_on": registered_on.isoformat(),
            "answer_due": appeal.answer_due.isoformat(),
            "late": registered_on > (appeal.registration_due or registered_on),
        },
    )
    _tell_author(
        appeal,
        event="registered",
        title=f"Обращение зарегистрировано: № {number}",
        body=f"Дата регистрации {registered_on:%d.%m.%Y}. Ответ — не позднее {appeal.answer_due:%d.%m.%Y}.",
        actor=actor,
    )
    return appeal


@transaction.atomic
def appeal_assign(*, actor: Any, appeal: Appeal, assignee: Any) -> Appeal:
    before = appeal.status
    target = _require(actor, appeal, "assign")
    if not permissions.is_official(assignee, appeal.authority):
        raise DomainError(
            "Назначить можно только сотрудника этого органа власти.", field="assignee"
        )
    previous = appeal.assignee
    appeal.assignee = assignee
    appeal.status = target
    appeal.full_clean()
    appeal.save()
    _record(
        appeal,
        AppealEvent.Kind.ASSIGNED,
        actor=actor,
        before=before,
        data={"assignee": [str(previous or ""), str(assignee)]},
    )
    _tell_officials(
        appeal,
        event="assigned",
        title=f"Вам поручено обращение № {appeal.registration_number}",
        body=f"Ответ — не позднее {appeal.answer_due:%d.%m.%Y}.",
        actor=actor,
        recipients=[assignee],
    )
    return appeal


@transaction.atomic
def appeal_extend(*, actor: Any, appeal: Appeal, days: int, reason: str) -> Appeal:
    before = appeal.status
    target = _require(actor, appeal, "extend")
    if appeal.extension_days:
        raise DomainError(
            "Срок рассмотрения уже продлевался: закон разрешает продлить его один раз.",
            field="days",
        )
    if not 1 <= days <= deadlines.MAX_EXTENSION_DAYS:
        raise DomainError("Срок можно продлить не более чем на 30 дней.", field="days")
    reason = reason.strip()
    if not reason:
        raise DomainError("Укажите причину продления — её увидит автор.", field="reason")
    today = _today()
    if appeal.answer_due and appeal.answer_due < today:
        raise DomainError(
            "Срок ответа уже истёк: продлить можно только до его окончания.", field="days"
        )
    assert appeal.registered_on is not None
    old_due = appeal.answer_due
    appeal.extension_days = days
    appeal.extension_reason = reason
    appeal.answer_due = deadlines.answer_due(appeal.registered_on, days)
    appeal.status = target
    appeal.full_clean()
    appeal.save()
    _record(
        appeal,
        AppealEvent.Kind.EXTENDED,
        actor=actor,
        before=before,
        text=reason,
        data={
            "days": days,
            "answer_due": [old_due.isoformat() if old_due else "", appeal.answer_due.isoformat()],
        },
    )
    _tell_author(
        appeal,
        event="extended",
        title=f"Срок ответа продлён до {appeal.answer_due:%d.%m.%Y}",
        body=f"Причина: {reason}",
        actor=actor,
    )
    return appeal


@transaction.atomic
def appeal_answer(
    *, actor: Any, appeal: Appeal, text: str, files: Iterable[UploadedFile] = ()
) -> Appeal:
    before = appeal.status
    target = _require(actor, appeal, "answer")
    text = text.strip()
    if not text:
        raise DomainError("Напишите ответ.", field="text")
    appeal.answer_text = text
    appeal.answered_on = _today()
    appeal.answered_by = actor
    appeal.status = target
    appeal.full_clean()
    appeal.save()
    _attach(appeal, files, role=AppealAttachment.Role.ANSWER, actor=actor)
    _record(
        appeal,
        AppealEvent.Kind.ANSWERED,
        actor=actor,
        before=before,
        data={"in_time": bool(appeal.answered_in_time)},
    )
    _tell_author(
        appeal,
        event="answered",
        title=f"Получен ответ на обращение «{appeal.subject}»",
        body=text[:500],
        actor=actor,
    )
    return appeal


@transaction.atomic
def appeal_redirect(*, actor: Any, appeal: Appeal, to_authority: Organization, note: str) -> Appeal:
    """Send the appeal to the competent authority (within 7 days of registration); it arrives there as new."""
    before = appeal.status
    target = _require(actor, appeal, "redirect")
    if to_authority.kind != Organization.Kind.AUTHORITY or to_authority.pk == appeal.authority_id:
        raise DomainError(
            "Выберите другой орган власти, к компетенции которого относится вопрос.",
            field="to_authority",
        )
    if appeal.redirect_due and _today() > appeal.redirect_due:
        raise DomainError(
            f"Переадресовать можно было до {appeal.redirect_due:%d.%m.%Y} (7 дней с регистрации). Ответьте по существу.",
            field="to_authority",
        )
    note = note.strip()
    if not note:
        raise DomainError("Объясните автору, почему обращение переадресовано.", field="note")
    appeal.redirect_authority = to_authority
    appeal.closing_note = note
    appeal.closed_on = _today()
    appeal.status = target
    appeal.full_clean()
    appeal.save()
    now = timezone.now()
    forwarded = Appeal.objects.create(
        authority=to_authority,
        author=appeal.author,
        organization=appeal.organization,
        kind=appeal.kind,
        subject=appeal.subject,
        text=appeal.text,
        publish_consent=appeal.publish_consent,
        status=Appeal.Status.SUBMITTED,
        redirected_from=appeal,
        submitted_at=now,
        registration_due=deadlines.registration_due(timezone.localdate(now)),
    )
    for attachment in appeal.attachments.filter(
        role__in=[AppealAttachment.Role.APPEAL, AppealAttachment.Role.CLARIFICATION]
    ):
        AppealAttachment.objects.create(
            appeal=forwarded,
            role=attachment.role,
            file=attachment.file.name,
            name=attachment.name,
            size=attachment.size,
            uploaded_by=attachment.uploaded_by,
        )
    _record(
        appeal,
        AppealEvent.Kind.REDIRECTED,
        actor=actor,
        before=before,
        text=note,
        data={"to": str(to_authority), "appeal": forwarded.pk},
    )
    _record(
        forwarded,
        AppealEvent.Kind.RECEIVED_BY_REDIRECT,
        actor=actor,
        before="",
        text=note,
        data={"from": str(appeal.authority), "number": appeal.registration_number},
    )
    _tell_author(
        appeal,
        event="redirected",
        title=f"Обращение переадресовано: {to_authority}",
        body=f"{appeal.authority} направил обращение по компетенции. {note}",
        actor=actor,
    )
    _tell_officials(
        forwarded,
        event="submitted",
        title=f"Переадресованное обращение: {forwarded.subject}",
        body=f"Из: {appeal.authority}. Зарегистрировать до {forwarded.registration_due:%d.%m.%Y}.",
        actor=actor,
    )
    return forwarded


@transaction.atomic
def appeal_close(*, actor: Any, appeal: Appeal, ground: str, note: str) -> Appeal:
    """Leave the appeal without an answer on the merits on a ground the law names; the author is told why."""
    before = appeal.status
    target = _require(actor, appeal, "close")
    if ground not in Appeal.NoAnswerGround.values:
        raise DomainError("Выберите основание из перечисленных в законе.", field="ground")
    note = note.strip()
    if not note:
        raise DomainError(
            "Объясните автору, почему обращение оставлено без ответа по существу.", field="note"
        )
    appeal.no_answer_ground = ground
    appeal.closing_note = note
    appeal.closed_on = _today()
    appeal.status = target
    appeal.full_clean()
    appeal.save()
    _record(
        appeal,
        AppealEvent.Kind.CLOSED,
        actor=actor,
        before=before,
        text=note,
        data={"ground": ground},
    )
    _tell_author(
        appeal,
        event="closed",
        title="Обращение оставлено без ответа по существу",
        body=f"Основание: {appeal.get_no_answer_ground_display()}. {note}",
        actor=actor,
    )
    return appeal


# Topics --------------------------------------------------------------------------------------
@transaction.atomic
def topic_save(
    *,
    actor: Any,
    authority: Organization,
    name: str,
    responsible: Any = None,
    is_active: bool = True,
    topic: Topic | None = None,
) -> Topic:
    if not permissions.can_manage_topics(actor, authority):
        raise PermissionDenied
    if responsible is not None and not permissions.is_official(responsible, authority):
        raise DomainError(
            "Ответственным может быть только сотрудник этого органа власти.", field="responsible"
        )
    created = topic is None
    topic = topic or Topic(authority=authority)
    if topic.authority_id != authority.pk:
        raise PermissionDenied
    topic.name = name.strip()
    topic.responsible = responsible
    topic.is_active = is_active
    topic.full_clean()
    topic.save()
    audit_log(
        actor=actor,
        action="reception.topic.created" if created else "reception.topic.updated",
        obj=topic,
        changes={"name": topic.name, "responsible": str(responsible or ""), "is_active": is_active},
    )
    return topic


# Production calendar -------------------------------------------------------------------------
@transaction.atomic
def calendar_day_save(
    *, actor: Any, day: date, kind: str, description: str = "", source: str = ""
) -> CalendarDay:
    """Add or change a day of the production calendar. Deadlines already stored on appeals stay as they are;
    the change applies to deadlines set from now on."""
    if not permissions.can_manage_calendar(actor):
        raise PermissionDenied
    if kind == CalendarDay.Kind.WORKING and day.weekday() < 5:
        raise DomainError(
            "Рабочим днём по переносу может быть только суббота или воскресенье.", field="kind"
        )
    entry = CalendarDay.objects.filter(day=day).first() or CalendarDay(day=day)
    before = {"kind": entry.kind, "description": entry.description} if entry.pk else {}
    entry.kind, entry.description, entry.source = kind, description.strip(), source.strip()
    entry.full_clean()
    entry.save()
    audit_log(
        actor=actor,
        action="reception.calendar.saved",
        obj=entry,
        changes={
            "day": day.isoformat(),
            "before": before,
            "kind": kind,
            "description": entry.description,
        },
    )
    return entry


@transaction.atomic
def calendar_day_delete(*, actor: Any, entry: CalendarDay) -> None:
    if not permissions.can_manage_calendar(actor):
        raise PermissionDenied
    audit_log(
        actor=actor,
        action="reception.calendar.deleted",
        obj=entry,
        changes={
            "day": entry.day.isoformat(),
            "kind": entry.kind,
            "description": entry.description,
        },
    )
    entry.delete()


# Reminders -----------------------------------------------------------------------------------
def _reminder_kind(days_left: int) -> str | None:
    if days_left < 0:
        return Reminder.Kind.OVERDUE
    if days_left <= 2:
        return Reminder.Kind.DAYS_2
    if days_left <= 7:
        return Reminder.Kind.DAYS_7
    return None


REMINDER_TITLES: dict[str, str] = {
    Reminder.Kind.DAYS_7: "Неделя до срока ответа: № {number}",
    Reminder.Kind.DAYS_2: "Два дня до срока ответа: № {number}",
    Reminder.Kind.OVERDUE: "Срок ответа истёк: № {number}",
    Reminder.Kind.REGISTRATION_OVERDUE: "Обращение не зарегистрировано в срок: «{subject}»",
}


def appeals_send_reminders(*, today: date | None = None) -> int:
    """Remind officials 7 and 2 days before the answer is due and when it has passed; tell the author when
    it has passed. Each reminder goes once per appeal and deadline (an extension starts a new series), so
    the job may run as often as it likes."""
    today = today or _today()
    sent = 0
    open_appeals = Appeal.objects.filter(
        status__in=Appeal.OPEN_STATUSES, answer_due__lte=today + timedelta(days=7)
    )
    unregistered = Appeal.objects.filter(status=Appeal.Status.SUBMITTED, registration_due__lt=today)
    for appeal in open_appeals.select_related(
        "authority", "assignee", "topic__responsible", "author", "organization"
    ):
        assert appeal.answer_due is not None
        kind = _reminder_kind((appeal.answer_due - today).days)
        if kind is not None:
            sent += _send_reminder(appeal, kind, appeal.answer_due)
    for appeal in unregistered.select_related(
        "authority", "assignee", "topic__responsible", "author", "organization"
    ):
        assert appeal.registration_due is not None
        sent += _send_reminder(appeal, Reminder.Kind.REGISTRATION_OVERDUE, appeal.registration_due)
    return sent


@transaction.atomic
def _send_reminder(appeal: Appeal, kind: str, due: date) -> int:
    _, created = Reminder.objects.get_or_create(appeal=appeal, kind=kind, due=due)
    if not created:
        return 0
    title = REMINDER_TITLES[kind].format(number=appeal.registration_number, subject=appeal.subject)
    body = f"Срок: {due:%d.%m.%Y}. {appeal.subject}"
    recipients = (
        _acting_members(appeal.authority)
        if kind == Reminder.Kind.REGISTRATION_OVERDUE
        else _handlers(appeal)
    )
    _tell_officials(appeal, event=f"reminder.{kind}", title=title, body=body, recipients=recipients)
    if kind == Reminder.Kind.OVERDUE:
        _tell_author(
            appeal,
            event="overdue",
            title=f"Срок ответа на обращение «{appeal.subject}» истёк",
            body=f"{appeal.authority} должен был ответить до {due:%d.%m.%Y}.",
        )
    return 1
