"""The scheduled reminders of appeal deadlines: idempotent, one per appeal, kind and due date."""

from datetime import date, timedelta

from django.db import transaction

from nkohub.reception.countdown import ANSWER, REGISTRATION, Countdown, days_left, long_date
from nkohub.reception.models import (
    Appeal,
    Reminder,
)
from nkohub.reception.services._shared import (
    _acting_members,
    _handlers,
    _tell_author,
    _tell_officials,
    _today,
)


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
    Reminder.Kind.DAYS_7: "Срок ответа приближается: № {number}",
    Reminder.Kind.DAYS_2: "Срок ответа на исходе: № {number}",
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
        kind = _reminder_kind(days_left(appeal.answer_due, today))
        if kind is not None:
            sent += _send_reminder(appeal, kind, appeal.answer_due, today=today)
    for appeal in unregistered.select_related(
        "authority", "assignee", "topic__responsible", "author", "organization"
    ):
        assert appeal.registration_due is not None
        sent += _send_reminder(
            appeal, Reminder.Kind.REGISTRATION_OVERDUE, appeal.registration_due, today=today
        )
    return sent


@transaction.atomic
def _send_reminder(appeal: Appeal, kind: str, due: date, *, today: date) -> int:
    _, created = Reminder.objects.get_or_create(appeal=appeal, kind=kind, due=due)
    if not created:
        return 0
    title = REMINDER_TITLES[kind].format(number=appeal.registration_number, subject=appeal.subject)
    countdown = Countdown.of(
        REGISTRATION if kind == Reminder.Kind.REGISTRATION_OVERDUE else ANSWER, due, today
    )
    body = f"{str(countdown).capitalize()}. {appeal.subject}"
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
            body=f"{appeal.authority} должен был ответить не позднее {long_date(due)}.",
        )
    return 1
