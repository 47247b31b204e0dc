"""The production calendar kept by operators: edits apply to new deadlines, never to stored ones."""

from datetime import date
from typing import Any

import pytest
from django.urls import reverse

from nkohub.core.models import AuditEntry
from nkohub.reception.models import Appeal, CalendarDay

pytestmark = pytest.mark.django_db


def test_an_operator_sees_the_years_calendar(client: Any, operator: Any, calendar: None) -> None:
    client.force_login(operator)
    response = client.get(reverse("reception:calendar"), {"year": 2026})
    assert response.status_code == 200
    assert len(response.context["days"]) == 18
    assert "Перенесённый выходной (с 3 января)" in response.content.decode()


def test_an_operator_adds_a_day_and_it_is_audited(client: Any, operator: Any) -> None:
    client.force_login(operator)
    response = client.post(
        reverse("reception:calendar"),
        {
            "day": "2027-01-01",
            "kind": "holiday",
            "description": "Новогодние каникулы",
            "source": "ТК РФ ст. 112",
        },
    )
    assert response.status_code == 302
    assert CalendarDay.objects.get(day=date(2027, 1, 1)).kind == "holiday"
    assert AuditEntry.objects.filter(action="reception.calendar.saved").exists()


def test_saving_an_existing_date_changes_that_day(
    client: Any, operator: Any, calendar: None
) -> None:
    client.force_login(operator)
    client.post(
        reverse("reception:calendar"),
        {"day": "2026-12-31", "kind": "holiday", "description": "Исправлено"},
    )
    assert CalendarDay.objects.get(day=date(2026, 12, 31)).description == "Исправлено"


def test_a_weekday_cannot_be_a_transferred_working_day(client: Any, operator: Any) -> None:
    client.force_login(operator)
    response = client.post(reverse("reception:calendar"), {"day": "2026-12-30", "kind": "working"})
    assert response.status_code == 200
    assert "только суббота или воскресенье" in response.content.decode()
    assert not CalendarDay.objects.exists()


def test_an_operator_removes_a_day(client: Any, operator: Any, calendar: None) -> None:
    entry = CalendarDay.objects.get(day=date(2026, 12, 31))
    client.force_login(operator)
    assert client.post(reverse("reception:calendar_day_delete", args=[entry.pk])).status_code == 302
    assert not CalendarDay.objects.filter(pk=entry.pk).exists()


@pytest.mark.parametrize("person", ["official", "editor", "outsider"])
def test_only_operators_edit_the_calendar(
    client: Any, request: Any, person: str, calendar: None
) -> None:
    client.force_login(request.getfixturevalue(person))
    entry = CalendarDay.objects.order_by("day").first()
    assert entry is not None
    assert client.get(reverse("reception:calendar")).status_code == 403
    assert (
        client.post(
            reverse("reception:calendar"), {"day": "2026-12-30", "kind": "holiday"}
        ).status_code
        == 403
    )
    assert client.post(reverse("reception:calendar_day_delete", args=[entry.pk])).status_code == 403
    assert CalendarDay.objects.count() == 38


def test_an_edit_through_the_page_does_not_move_a_stored_deadline(
    client: Any, operator: Any, make_appeal: Any, calendar: None
) -> None:
    import time_machine

    with time_machine.travel("2026-03-02T09:00:00Z", tick=False):
        appeal = make_appeal(Appeal.Status.REGISTERED)
    client.force_login(operator)
    client.post(
        reverse("reception:calendar"),
        {"day": "2026-04-01", "kind": "holiday", "description": "Новый выходной"},
    )
    appeal.refresh_from_db()
    assert appeal.answer_due == date(2026, 4, 1)
