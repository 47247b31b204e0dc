"""The scheduled reminders: 7 and 2 days before the answer is due, when it has passed; idempotent."""

from datetime import date
from io import StringIO
from typing import Any

import pytest
import time_machine
from django.core.management import call_command

from nkohub.notifications.models import Notification
from nkohub.reception import services
from nkohub.reception.models import Appeal, Reminder

pytestmark = pytest.mark.django_db


@pytest.fixture
def appeal(make_appeal: Any) -> Appeal:
    with time_machine.travel("2026-03-02T09:00:00Z", tick=False):
        return make_appeal(Appeal.Status.IN_WORK)  # answer due 01.04.2026


def reminders_to(user: Any) -> list[str]:
    return list(
        Notification.objects.filter(recipient=user, kind__startswith="reception.appeal.reminder")
        .order_by("id")
        .values_list("kind", flat=True)
    )


def test_nothing_is_sent_while_the_deadline_is_far(appeal: Appeal, official: Any) -> None:
    assert services.appeals_send_reminders(today=date(2026, 3, 20)) == 0


def test_officials_are_reminded_7_and_2_days_before_and_when_overdue(
    appeal: Appeal, official: Any, editor: Any
) -> None:
    for day in (
        date(2026, 3, 25),
        date(2026, 3, 26),
        date(2026, 3, 30),
        date(2026, 4, 2),
        date(2026, 4, 5),
    ):
        services.appeals_send_reminders(today=day)
    assert reminders_to(official) == [
        "reception.appeal.reminder.days_7",
        "reception.appeal.reminder.days_2",
        "reception.appeal.reminder.overdue",
    ]
    assert (
        Notification.objects.filter(recipient=editor, kind="reception.appeal.overdue").count() == 1
    )


def test_running_the_job_twice_sends_nothing_new(appeal: Appeal, official: Any) -> None:
    assert services.appeals_send_reminders(today=date(2026, 3, 30)) == 1
    assert services.appeals_send_reminders(today=date(2026, 3, 30)) == 0
    assert Reminder.objects.count() == 1


def test_an_extension_starts_a_new_series(appeal: Appeal, official: Any) -> None:
    services.appeals_send_reminders(today=date(2026, 3, 30))
    with time_machine.travel("2026-03-30T09:00:00Z", tick=False):
        services.appeal_extend(actor=official, appeal=appeal, days=10, reason="Запрос")
    assert (
        services.appeals_send_reminders(today=date(2026, 4, 9)) == 1
    )  # due 13.04 (11.04 is Saturday): 4 days left


def test_an_answered_appeal_is_not_reminded_of(appeal: Appeal, official: Any) -> None:
    services.appeal_answer(actor=official, appeal=appeal, text="Ответ")
    assert services.appeals_send_reminders(today=date(2026, 4, 5)) == 0


def test_an_unregistered_appeal_past_3_days_is_reminded_of_once(
    make_appeal: Any, official: Any
) -> None:
    with time_machine.travel("2026-11-02T09:00:00Z", tick=False):
        make_appeal()
    assert services.appeals_send_reminders(today=date(2026, 11, 10)) == 1
    assert services.appeals_send_reminders(today=date(2026, 11, 11)) == 0
    assert reminders_to(official) == ["reception.appeal.reminder.registration_overdue"]


def test_the_reminder_goes_to_the_assignee_only(
    make_appeal: Any, official: Any, colleague: Any
) -> None:
    with time_machine.travel("2026-03-02T09:00:00Z", tick=False):
        appeal = make_appeal(Appeal.Status.REGISTERED)
        services.appeal_assign(actor=official, appeal=appeal, assignee=colleague)
    services.appeals_send_reminders(today=date(2026, 3, 30))
    assert reminders_to(colleague) == ["reception.appeal.reminder.days_2"]
    assert reminders_to(official) == []


def test_the_management_command_runs_the_job(appeal: Appeal) -> None:
    out = StringIO()
    call_command("send_reception_reminders", "--date", "2026-03-30", stdout=out)
    assert "Reminders sent: 1" in out.getvalue()


def test_the_job_is_registered_with_the_scheduler() -> None:
    scheduling = pytest.importorskip("nkohub.notifications.scheduling")
    job = scheduling.get_periodic_job("reception.deadline_reminders")
    assert job.daily_at is not None
