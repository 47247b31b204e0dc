"""The officials' side of an appeal (registration, assignment, extension, answer, redirect, closing)
and the authorities' topics."""

import re
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from nkohub.core.audit import audit_log
from nkohub.core.errors import DomainError
from nkohub.organizations.models import Organization
from nkohub.reception import deadlines, permissions
from nkohub.reception.countdown import long_date
from nkohub.reception.models import (
    Appeal,
    AppealAttachment,
    AppealEvent,
    Topic,
)
from nkohub.reception.services._shared import (
    _attach,
    _record,
    _require,
    _tell_author,
    _tell_officials,
    _today,
)

if TYPE_CHECKING:
    from nkohub.accounts.models import User

REGISTRATION_PREFIX = "ЭО"


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
    *,
    actor: "User",
    appeal: Appeal,
    registration_number: str = "",
    registered_on: date | None = None,
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
        raise DomainError(
            _("The registration date cannot be in the future."), field="registered_on"
        )
    if registered_on < timezone.localdate(appeal.submitted_at):
        raise DomainError(
            _("The registration date cannot be earlier than the date of receipt."),
            field="registered_on",
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
            _("The number %(number)s is already given to another appeal.") % {"number": number},
            field="registration_number",
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
        body=f"Дата регистрации {long_date(registered_on)}. Ответ — не позднее {long_date(appeal.answer_due)}.",
        actor=actor,
    )
    return appeal


@transaction.atomic
def appeal_assign(*, actor: "User", appeal: Appeal, assignee: Any) -> Appeal:
    before = appeal.status
    target = _require(actor, appeal, "assign")
    if not permissions.is_official(assignee, appeal.authority):
        raise DomainError(
            _("Only an employee of this authority can be assigned."), field="assignee"
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
    assert appeal.answer_due is not None  # a registered appeal has it (a database constraint)
    _tell_officials(
        appeal,
        event="assigned",
        title=f"Вам поручено обращение № {appeal.registration_number}",
        body=f"Ответ — не позднее {long_date(appeal.answer_due)}.",
        actor=actor,
        recipients=[assignee],
    )
    return appeal


@transaction.atomic
def appeal_extend(*, actor: "User", appeal: Appeal, days: int, reason: str) -> Appeal:
    before = appeal.status
    target = _require(actor, appeal, "extend")
    if appeal.extension_days:
        raise DomainError(
            _("The deadline was already extended: the law allows extending it once."),
            field="days",
        )
    if not 1 <= days <= deadlines.MAX_EXTENSION_DAYS:
        raise DomainError(_("The deadline can be extended by at most 30 days."), field="days")
    reason = reason.strip()
    if not reason:
        raise DomainError(
            _("Give the reason of the extension — the author will see it."), field="reason"
        )
    today = _today()
    if appeal.answer_due and appeal.answer_due < today:
        raise DomainError(
            _("The deadline for the answer has passed: it can be extended only before it ends."),
            field="days",
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
        title=f"Срок ответа продлён: ответ не позднее {long_date(appeal.answer_due)}",
        body=f"Причина: {reason}",
        actor=actor,
    )
    return appeal


@transaction.atomic
def appeal_answer(
    *, actor: "User", appeal: Appeal, text: str, files: Iterable[UploadedFile] = ()
) -> Appeal:
    before = appeal.status
    target = _require(actor, appeal, "answer")
    text = text.strip()
    if not text:
        raise DomainError(_("Write the answer."), field="text")
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
def appeal_redirect(
    *, actor: "User", appeal: Appeal, to_authority: Organization, note: str
) -> Appeal:
    """Send the appeal to the competent authority (within 7 days of registration); it arrives there as new."""
    before = appeal.status
    target = _require(actor, appeal, "redirect")
    if to_authority.kind != Organization.Kind.AUTHORITY or to_authority.pk == appeal.authority_id:
        raise DomainError(
            _("Choose another authority whose competence covers the question."),
            field="to_authority",
        )
    if appeal.redirect_due and _today() > appeal.redirect_due:
        raise DomainError(
            _(
                "The appeal could be redirected no later than %(due)s (7 days from "
                "registration). Answer it on the merits."
            )
            % {"due": long_date(appeal.redirect_due)},
            field="to_authority",
        )
    note = note.strip()
    if not note:
        raise DomainError(_("Explain to the author why the appeal is redirected."), field="note")
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
    assert forwarded.registration_due is not None
    _tell_officials(
        forwarded,
        event="submitted",
        title=f"Переадресованное обращение: {forwarded.subject}",
        body=f"Из: {appeal.authority}. Зарегистрировать не позднее {long_date(forwarded.registration_due)}.",
        actor=actor,
    )
    return forwarded


@transaction.atomic
def appeal_close(*, actor: "User", appeal: Appeal, ground: str, note: str) -> Appeal:
    """Leave the appeal without an answer on the merits on a ground the law names; the author is told why."""
    before = appeal.status
    target = _require(actor, appeal, "close")
    if ground not in Appeal.NoAnswerGround.values:
        raise DomainError(_("Choose a ground among those the law lists."), field="ground")
    note = note.strip()
    if not note:
        raise DomainError(
            _("Explain to the author why the appeal is left without an answer on the merits."),
            field="note",
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
    actor: "User",
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
            _("Only an employee of this authority can be responsible."), field="responsible"
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
