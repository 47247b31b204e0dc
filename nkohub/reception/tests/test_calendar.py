"""The operators' page of the production calendar: the year's days with their sources, overrides kept in the
database, the mark of a year entered from its decree, and the warning about a year without a calendar."""

from datetime import date
from typing import Any

import pytest
import time_machine
from django.urls import reverse

from nkohub.core.models import AuditEntry
from nkohub.reception import production_calendar
from nkohub.reception.models import CalendarDay, CalendarYear

pytestmark = pytest.mark.django_db

CALENDAR = reverse("reception:calendar")


def page(client: Any, year: int) -> str:
    response = client.get(CALENDAR, {"year": year})
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def override(operator: Any) -> CalendarDay:
    return CalendarDay.objects.create(
        day=date(2027, 6, 7),
        kind=CalendarDay.Kind.HOLIDAY,
        description="Дополнительный выходной",
        source="Постановление Правительства РФ (пример)",
        updated_by=operator,
    )


def test_the_page_lists_the_packages_days_of_2027_with_their_source(
    client: Any, operator: Any
) -> None:
    client.force_login(operator)
    response = client.get(CALENDAR, {"year": 2027})
    days = [row.day for row in response.context["page"].rows]
    assert date(2027, 2, 22) in days
    assert date(2027, 2, 20) in days  # the working Saturday
    content = response.content.decode()
    assert "Выходной (перенесено с 20.02.2027)" in content
    assert "пакет holidays" in content
    assert "consultant.ru" in content  # the source the package cites for the year


def test_a_year_beyond_the_package_is_counted_by_the_labour_code(
    client: Any, operator: Any
) -> None:
    client.force_login(operator)
    content = page(client, 2028)
    assert "ТК РФ, ст. 112" in content
    assert "День народного единства (выходной, перенесён с 04.11)" in content
    assert reverse("reception:calendar_year_confirm") in content


def test_an_operator_adds_an_override_and_it_is_audited(client: Any, operator: Any) -> None:
    client.force_login(operator)
    response = client.post(
        CALENDAR,
        {
            "day": "2028-01-10",
            "kind": "holiday",
            "description": "Перенос выходного с 8 января",
            "source": "Постановление Правительства РФ",
        },
    )
    assert response.status_code == 302
    entry = CalendarDay.objects.get(day=date(2028, 1, 10))
    assert (entry.kind, entry.updated_by) == (CalendarDay.Kind.HOLIDAY, operator)
    audit = AuditEntry.objects.get(action="reception.calendar.saved")
    assert audit.changes["base"] == "рабочий"
    content = page(client, 2028)
    assert "<strong>поправка оператора</strong>: Постановление Правительства РФ" in content
    assert "Перенос выходного с 8 января" in content


def test_an_override_that_repeats_the_base_calendar_is_refused(client: Any, operator: Any) -> None:
    client.force_login(operator)
    response = client.post(
        CALENDAR, {"day": "2027-05-10", "kind": "holiday", "description": "День Победы"}
    )
    assert response.status_code == 400
    assert "и так нерабочий день" in response.content.decode()
    assert 'value="День Победы"' in response.content.decode()  # what was typed is kept
    assert not CalendarDay.objects.exists()


def test_a_plain_weekday_cannot_be_made_working(client: Any, operator: Any) -> None:
    client.force_login(operator)
    response = client.post(
        CALENDAR, {"day": "2027-12-30", "kind": "working", "description": "Рабочий"}
    )
    assert response.status_code == 400
    assert "и так рабочий день" in response.content.decode()


def test_a_day_off_of_the_package_can_be_made_working(client: Any, operator: Any) -> None:
    client.force_login(operator)
    client.post(
        CALENDAR,
        {"day": "2027-12-31", "kind": "working", "description": "Перенос отменён постановлением"},
    )
    assert CalendarDay.objects.get(day=date(2027, 12, 31)).kind == CalendarDay.Kind.WORKING
    assert "по базовому календарю — нерабочий день" in page(client, 2027)


def test_an_override_needs_a_description(client: Any, operator: Any) -> None:
    client.force_login(operator)
    response = client.post(CALENDAR, {"day": "2027-06-07", "kind": "holiday"})
    assert response.status_code == 400
    assert not CalendarDay.objects.exists()


def test_saving_an_existing_date_changes_that_override(
    client: Any, operator: Any, override: CalendarDay
) -> None:
    client.force_login(operator)
    client.post(CALENDAR, {"day": "2027-06-07", "kind": "holiday", "description": "Исправлено"})
    assert CalendarDay.objects.get().description == "Исправлено"


def test_an_operator_removes_an_override(client: Any, operator: Any, override: CalendarDay) -> None:
    client.force_login(operator)
    url = reverse("reception:calendar_day_delete", args=[override.pk])
    assert client.post(url).status_code == 302
    assert not CalendarDay.objects.exists()
    assert AuditEntry.objects.filter(action="reception.calendar.deleted").exists()


def test_an_override_the_package_has_caught_up_with_is_marked_redundant(
    client: Any, operator: Any
) -> None:
    # Kept from the hand-typed table by the migration, edited by an operator long ago.
    CalendarDay.objects.create(
        day=date(2026, 12, 31), kind=CalendarDay.Kind.HOLIDAY, description="Перенос с 4 января"
    )
    client.force_login(operator)
    assert "Базовый календарь говорит то же самое" in page(client, 2026)


def test_an_operator_marks_a_year_beyond_the_package_as_entered(client: Any, operator: Any) -> None:
    client.force_login(operator)
    response = client.post(
        reverse("reception:calendar_year_confirm"),
        {"year": 2028, "decree": "Постановление Правительства РФ от 25.09.2027 № 1500"},
    )
    assert response.status_code == 302
    assert CalendarYear.objects.get(year=2028).confirmed_by == operator
    assert production_calendar.year_status(2028).basis == production_calendar.Basis.OPERATORS
    assert AuditEntry.objects.filter(action="reception.calendar.year_confirmed").exists()


def test_marking_a_year_needs_the_decree(client: Any, operator: Any) -> None:
    client.force_login(operator)
    response = client.post(reverse("reception:calendar_year_confirm"), {"year": 2028})
    assert response.status_code == 400
    assert not CalendarYear.objects.exists()


def test_a_year_the_package_covers_cannot_be_marked(client: Any, operator: Any) -> None:
    client.force_login(operator)
    response = client.post(
        reverse("reception:calendar_year_confirm"), {"year": 2027, "decree": "Постановление"}
    )
    assert response.status_code == 400
    assert "уже есть в пакете holidays" in response.content.decode()
    assert not CalendarYear.objects.exists()


def test_an_operator_withdraws_the_mark(client: Any, operator: Any) -> None:
    entry = CalendarYear.objects.create(year=2028, decree="Постановление", confirmed_by=operator)
    client.force_login(operator)
    client.post(reverse("reception:calendar_year_withdraw", args=[entry.pk]))
    assert not CalendarYear.objects.exists()
    assert production_calendar.year_status(2028).missing


# The warning before a year without a calendar ---------------------------------------------------
def test_no_warning_about_2028_on_the_30th_of_september_2027(client: Any, operator: Any) -> None:
    with time_machine.travel("2027-09-30T09:00:00Z", tick=False):
        client.force_login(operator)
        assert client.get(CALENDAR).context["page"].warnings == []


def test_operators_are_warned_about_2028_from_the_1st_of_october_2027(
    client: Any, operator: Any
) -> None:
    with time_machine.travel("2027-10-01T09:00:00Z", tick=False):
        client.force_login(operator)
        response = client.get(CALENDAR)
        cabinet = client.get(reverse("core:cabinet")).content.decode()
    assert [status.year for status in response.context["page"].warnings] == [2028]
    assert "Нет производственного календаря на 2028 год" in response.content.decode()
    assert "Нет производственного календаря на 2028 год" in cabinet


def test_the_warning_stops_once_the_year_is_marked_as_entered(client: Any, operator: Any) -> None:
    CalendarYear.objects.create(year=2028, decree="Постановление", confirmed_by=operator)
    with time_machine.travel("2027-11-15T09:00:00Z", tick=False):
        client.force_login(operator)
        assert client.get(CALENDAR).context["page"].warnings == []


def test_a_year_already_begun_without_a_calendar_is_warned_about(
    client: Any, operator: Any
) -> None:
    with time_machine.travel("2028-01-12T09:00:00Z", tick=False):
        client.force_login(operator)
        warnings = client.get(CALENDAR).context["page"].warnings
    assert [status.year for status in warnings] == [2028]


def test_other_people_see_no_calendar_warning_in_their_cabinet(client: Any, editor: Any) -> None:
    with time_machine.travel("2027-10-01T09:00:00Z", tick=False):
        client.force_login(editor)
        cabinet = client.get(reverse("core:cabinet")).content.decode()
    assert "производственного календаря" not in cabinet


# Rights and query counts --------------------------------------------------------------------------
@pytest.mark.parametrize("person", ["official", "editor", "outsider"])
def test_only_operators_keep_the_calendar(
    client: Any, request: Any, person: str, override: CalendarDay
) -> None:
    entry = CalendarYear.objects.create(year=2028, decree="Постановление")
    client.force_login(request.getfixturevalue(person))
    assert client.get(CALENDAR).status_code == 403
    assert (
        client.post(
            CALENDAR, {"day": "2027-12-30", "kind": "holiday", "description": "x"}
        ).status_code
        == 403
    )
    delete = reverse("reception:calendar_day_delete", args=[override.pk])
    assert client.post(delete).status_code == 403
    confirm = reverse("reception:calendar_year_confirm")
    assert client.post(confirm, {"year": 2029, "decree": "x"}).status_code == 403
    withdraw = reverse("reception:calendar_year_withdraw", args=[entry.pk])
    assert client.post(withdraw).status_code == 403
    assert CalendarDay.objects.count() == 1
    assert list(CalendarYear.objects.values_list("year", flat=True)) == [2028]


def test_a_guest_is_sent_to_log_in(client: Any) -> None:
    response = client.get(CALENDAR)
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_the_calendar_page_costs_the_same_queries_with_more_overrides(
    client: Any, operator: Any, django_assert_num_queries: Any
) -> None:
    client.force_login(operator)
    client.get(CALENDAR, {"year": 2027})  # warm the session and the content types
    with django_assert_num_queries(QUERIES) as few:
        client.get(CALENDAR, {"year": 2027})
    for day in range(1, 20):
        CalendarDay.objects.create(
            day=date(2027, 7, day),
            kind=CalendarDay.Kind.HOLIDAY if date(2027, 7, day).weekday() < 5 else "working",
            description="Поправка",
            updated_by=operator,
        )
    with django_assert_num_queries(len(few.captured_queries)):
        client.get(CALENDAR, {"year": 2027})


QUERIES = 4  # session, user, the year's overrides, the open appeals for the review


# The migration from the hand-typed tables ----------------------------------------------------------
def test_the_migration_drops_the_shipped_rows_and_keeps_the_operators() -> None:
    import importlib

    from django.apps import apps

    migration = importlib.import_module(
        "nkohub.reception.migrations.0004_drop_shipped_calendar_days"
    )
    migration.restore_shipped_days(apps, None)  # the state of a deployment before it
    assert CalendarDay.objects.count() == 38
    CalendarDay.objects.filter(day=date(2026, 12, 31)).update(description="Исправлено оператором")
    CalendarDay.objects.create(day=date(2026, 12, 30), kind="holiday", description="Добавлен")
    migration.drop_shipped_days(apps, None)
    assert sorted(CalendarDay.objects.values_list("day", "description")) == [
        (date(2026, 12, 30), "Добавлен"),
        (date(2026, 12, 31), "Исправлено оператором"),
    ]


# The daily job that tells operators -----------------------------------------------------------------
def test_operators_are_told_once_on_the_1st_of_october_about_next_year(operator: Any) -> None:
    from django.core.management import call_command

    from nkohub.notifications.models import Notification
    from nkohub.reception import services

    assert services.calendar_warnings_send(today=date(2027, 9, 30)) == 0
    call_command("warn_about_missing_calendar", "--date", "2027-10-01", verbosity=0)
    assert services.calendar_warnings_send(today=date(2027, 10, 2)) == 0
    (told,) = Notification.objects.filter(kind="reception.calendar.missing")
    assert told.recipient == operator
    assert told.title == "Нет производственного календаря на 2028 год"
    assert told.url == f"{CALENDAR}?year=2028"


def test_no_one_is_told_about_a_year_operators_have_entered(operator: Any) -> None:
    from nkohub.reception import services

    CalendarYear.objects.create(year=2028, decree="Постановление", confirmed_by=operator)
    assert services.calendar_warnings_send(today=date(2027, 10, 1)) == 0
