"""Pages say the due date, and count the days left to it the same way everywhere: the appeal's page, the
lists, the desk's overdue filter and the reminders."""

from datetime import date
from typing import Any

import pytest
from django.urls import reverse

from nkohub.notifications.models import Notification
from nkohub.reception import selectors, services
from nkohub.reception.countdown import ANSWER, REGISTRATION, Countdown, left_text
from nkohub.reception.models import Appeal
from nkohub.reception.tests.clock import at

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("left", "text"),
    [
        (1, "остался 1 день"),
        (3, "осталось 3 дня"),
        (11, "осталось 11 дней"),
        (21, "остался 21 день"),
        (0, "последний день — сегодня"),
        (-1, "просрочено на 1 день"),
        (-2, "просрочено на 2 дня"),
    ],
)
def test_days_left_are_said_in_russian(left: int, text: str) -> None:
    assert left_text(left) == text


def test_a_countdown_says_the_date_and_the_days() -> None:
    countdown = Countdown.of(REGISTRATION, date(2027, 1, 11), today=date(2026, 12, 31))
    assert str(countdown) == "зарегистрировать не позднее 11 января 2027 · осталось 11 дней"
    answer = Countdown.of(ANSWER, date(2027, 6, 7), today=date(2027, 6, 7))
    assert str(answer) == "ответ не позднее 7 июня 2027 · последний день — сегодня"


def test_the_appeal_sent_on_31_december_2026_says_its_registration_date_everywhere(
    client: Any, editor: Any, authority: Any
) -> None:
    with at("2026-12-31"):
        client.force_login(editor)
        response = client.post(
            reverse("reception:appeal_create"),
            {
                "authority": authority.pk,
                "kind": "question",
                "subject": "Компенсация поставщику социальных услуг",
                "text": "Просим разъяснить порядок выплаты компенсации.",
                "idempotency_key": "6f7d2f4e-8c1b-4e55-9a3c-2d4b5e6f7a81",
                "submit": "1",
            },
            follow=True,
        )
    content = response.content.decode()
    assert "Орган власти должен зарегистрировать его не позднее 11 января 2027" in content
    assert "зарегистрировать не позднее 11 января 2027 · осталось 11 дней" in content
    assert "в течение 3 дней" not in content


def test_the_appeal_form_says_the_date_an_appeal_sent_today_is_registered_by(
    client: Any, editor: Any
) -> None:
    with at("2027-05-07"):
        client.force_login(editor)
        content = client.get(reverse("reception:appeal_create")).content.decode()
    assert "не позднее 11 мая 2027" in content


def test_on_the_last_day_it_is_neither_overdue_nor_counted_as_a_day_left(
    client: Any, sent_on_new_years_eve: Appeal, editor: Any, authority: Any
) -> None:
    appeal = sent_on_new_years_eve
    with at("2027-01-11"):
        client.force_login(editor)
        content = client.get(reverse("reception:appeal", args=[appeal.pk])).content.decode()
        assert not appeal.is_overdue()
        assert not selectors.desk_appeals(
            authority, selectors.DeskFilters(overdue=True), user=editor
        ).exists()
    assert "последний день — сегодня" in content


def test_the_day_after_it_is_overdue_on_the_page_and_in_the_desk_filter(
    client: Any, sent_on_new_years_eve: Appeal, official: Any
) -> None:
    appeal = sent_on_new_years_eve
    with at("2027-01-13"):
        client.force_login(official)
        desk = client.get(reverse("reception:desk"), {"overdue": "on"}).content.decode()
        page = client.get(reverse("reception:appeal", args=[appeal.pk])).content.decode()
    for content in (desk, page):
        assert "зарегистрировать не позднее 11 января 2027 · просрочено на 2 дня" in content


def test_the_reminder_counts_the_days_as_the_appeal_page_does(
    client: Any, make_appeal: Any, official: Any
) -> None:
    with at("2027-05-07"):
        appeal = make_appeal(Appeal.Status.REGISTERED, registered_on=date(2027, 5, 7))
    with at("2027-06-05"):
        services.appeals_send_reminders()
        client.force_login(official)
        page = client.get(reverse("reception:appeal", args=[appeal.pk])).content.decode()
    reminder = Notification.objects.get(recipient=official, kind="reception.appeal.reminder.days_2")
    assert "Ответ не позднее 7 июня 2027 · осталось 2 дня" in reminder.body
    assert "ответ не позднее 7 июня 2027 · осталось 2 дня" in page
