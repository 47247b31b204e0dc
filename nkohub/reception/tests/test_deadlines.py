"""The deadline arithmetic of 59-ФЗ on Russia's production calendar: the `holidays` package, the Labour
Code for a year beyond it, and operators' overrides."""

from datetime import date
from typing import Any

import pytest

from nkohub.reception import deadlines, production_calendar
from nkohub.reception.deadlines import KEEP, NEXT_WORKING_DAY
from nkohub.reception.models import CalendarDay
from nkohub.reception.production_calendar import ProductionCalendar

pytestmark = pytest.mark.django_db


def non_working_weekdays(year: int) -> list[str]:
    calendar = ProductionCalendar()
    return [
        item.day.isoformat()
        for item in production_calendar.base_year(year)
        if item.day.weekday() < 5 and not calendar.is_working_day(item.day)
    ]


def working_weekends(year: int) -> list[str]:
    return [
        item.day.isoformat()
        for item in production_calendar.base_year(year)
        if item.day.weekday() >= 5 and item.working
    ]


@pytest.fixture
def package_ends_in_2026(monkeypatch: Any) -> None:
    """A deployment whose `holidays` package predates the Government's decree for 2027."""
    monkeypatch.setattr(production_calendar, "PACKAGE_LAST_YEAR", 2026)


# Calendar days, before the calendar ------------------------------------------------------------
def test_an_answer_is_due_30_calendar_days_after_registration() -> None:
    assert deadlines.last_day(date(2026, 3, 2), 30, rule=KEEP) == date(2026, 4, 1)


def test_registration_on_the_31st_of_january_counts_across_february() -> None:
    assert deadlines.last_day(date(2027, 1, 31), 30, rule=KEEP) == date(2027, 3, 2)


def test_registration_on_the_31st_of_january_in_a_leap_year_ends_on_the_1st_of_march() -> None:
    assert deadlines.last_day(date(2028, 1, 31), 30, rule=KEEP) == date(2028, 3, 1)


def test_a_term_across_the_29th_of_february_is_one_day_shorter_in_dates() -> None:
    assert deadlines.last_day(date(2028, 2, 15), 30, rule=KEEP) == date(2028, 3, 16)
    assert deadlines.last_day(date(2027, 2, 15), 30, rule=KEEP) == date(2027, 3, 17)


def test_registration_on_the_31st_of_a_month_before_a_30_day_month() -> None:
    assert deadlines.answer_due(date(2026, 8, 31)) == date(2026, 9, 30)


# The package's calendars: what the Government's decrees say -------------------------------------
def test_the_2025_and_2026_calendars_match_the_decrees() -> None:
    # Decrees of 04.10.2024 No. 1335 and 24.09.2025 No. 1466, as the hand-typed tables had them.
    assert non_working_weekdays(2026) == [
        "2026-01-01", "2026-01-02", "2026-01-05", "2026-01-06", "2026-01-07", "2026-01-08", "2026-01-09",
        "2026-02-23", "2026-03-09", "2026-05-01", "2026-05-11", "2026-06-12", "2026-11-04", "2026-12-31",
    ]  # fmt: skip
    assert non_working_weekdays(2025) == [
        "2025-01-01", "2025-01-02", "2025-01-03", "2025-01-06", "2025-01-07", "2025-01-08",
        "2025-05-01", "2025-05-02", "2025-05-08", "2025-05-09", "2025-06-12", "2025-06-13",
        "2025-11-03", "2025-11-04", "2025-12-31",
    ]  # fmt: skip
    assert working_weekends(2025) == ["2025-11-01"]
    assert working_weekends(2026) == []


def test_the_2027_calendar_carries_the_governments_transfers() -> None:
    assert production_calendar.package_covers(2027)
    assert non_working_weekdays(2027) == [
        "2027-01-01", "2027-01-04", "2027-01-05", "2027-01-06", "2027-01-07", "2027-01-08",
        "2027-02-22", "2027-02-23", "2027-03-08", "2027-05-03", "2027-05-10", "2027-06-14",
        "2027-11-04", "2027-11-05", "2027-12-31",
    ]  # fmt: skip
    assert working_weekends(2027) == ["2027-02-20"]


def test_the_package_cites_its_source_for_2027() -> None:
    assert "consultant.ru" in production_calendar.package_source_url(2027)


def test_the_default_rule_is_the_next_working_day() -> None:
    assert deadlines.non_working_rule() == NEXT_WORKING_DAY


# Realistic dates ---------------------------------------------------------------------------------
def test_an_appeal_received_on_the_31st_of_december_2026_is_registered_after_the_new_year_holidays() -> (
    None
):
    # 31.12.2026 + 3 = Sunday 03.01.2027; 4–8 January are holidays, 9–10 a weekend.
    assert deadlines.registration_due(date(2026, 12, 31)) == date(2027, 1, 11)


def test_an_appeal_registered_on_the_31st_of_december_2026_is_answered_on_monday_1_february() -> (
    None
):
    assert deadlines.answer_due(date(2026, 12, 31)) == date(2027, 2, 1)  # 30.01 is a Saturday
    assert deadlines.redirect_due(date(2026, 12, 31)) == date(2027, 1, 11)  # 07.01 is Christmas


def test_an_appeal_received_on_the_7th_of_may_2027_is_registered_after_the_day_off_for_9_may() -> (
    None
):
    # 07.05.2027 + 3 = Monday 10.05.2027, the day off for Victory Day on a Sunday.
    assert deadlines.registration_due(date(2027, 5, 7)) == date(2027, 5, 11)


def test_an_appeal_registered_on_the_7th_of_may_2027_is_answered_on_monday_7_june() -> None:
    assert deadlines.answer_due(date(2027, 5, 7)) == date(2027, 6, 7)  # 06.06 is a Sunday
    assert deadlines.redirect_due(date(2027, 5, 7)) == date(2027, 5, 14)


def test_a_last_day_on_the_day_off_for_russia_day_2027_moves_to_tuesday() -> None:
    # 14.05.2027 + 30 = Sunday 13.06.2027; Monday 14.06 is the day off for 12 June.
    assert deadlines.answer_due(date(2027, 5, 14)) == date(2027, 6, 15)


def test_a_transferred_day_off_in_february_2027_moves_the_last_day() -> None:
    # 19.02.2027 + 3 = Monday 22.02.2027, a day off transferred from Saturday 20.02; 23.02 the holiday.
    assert deadlines.registration_due(date(2027, 2, 19)) == date(2027, 2, 24)


def test_a_working_saturday_in_2027_is_a_working_last_day() -> None:
    assert deadlines.answer_due(date(2027, 1, 21)) == date(2027, 2, 20)


def test_a_last_day_on_sunday_moves_to_monday() -> None:
    assert deadlines.answer_due(date(2026, 5, 1)) == date(2026, 6, 1)


def test_a_last_day_in_the_new_year_holidays_of_2026_moves_past_them() -> None:
    assert deadlines.answer_due(date(2025, 12, 8)) == date(2026, 1, 12)


def test_a_transferred_working_saturday_of_2025_is_a_working_last_day() -> None:
    assert deadlines.answer_due(date(2025, 10, 2)) == date(2025, 11, 1)


def test_an_extension_adds_its_days_to_the_30() -> None:
    # 02.03.2026 + 30 + 30 = 01.05.2026 (holiday), then the weekend: Monday 04.05.2026.
    assert deadlines.answer_due(date(2026, 3, 2), 30) == date(2026, 5, 4)
    assert deadlines.answer_due(date(2026, 3, 2), 10) == date(2026, 4, 13)


def test_the_keep_rule_leaves_a_last_day_on_a_holiday(settings: Any) -> None:
    settings.RECEPTION_NON_WORKING_LAST_DAY = KEEP
    assert deadlines.registration_due(date(2026, 12, 31)) == date(2027, 1, 3)


def test_an_unknown_rule_is_a_configuration_error(settings: Any) -> None:
    settings.RECEPTION_NON_WORKING_LAST_DAY = "whenever"
    with pytest.raises(ValueError, match="RECEPTION_NON_WORKING_LAST_DAY"):
        deadlines.answer_due(date(2026, 1, 1))


# A year beyond the package: the Labour Code ---------------------------------------------------
def test_the_labour_code_gives_the_fixed_holidays_and_the_day_off_for_one_on_a_weekend() -> None:
    days = {
        item.day.isoformat(): item.description
        for item in production_calendar.labour_code_year(2028)
    }
    assert sorted(days) == [
        "2028-01-01", "2028-01-02", "2028-01-03", "2028-01-04", "2028-01-05", "2028-01-06",
        "2028-01-07", "2028-01-08", "2028-02-23", "2028-03-08", "2028-05-01", "2028-05-09",
        "2028-06-12", "2028-11-04", "2028-11-06",
    ]  # fmt: skip
    assert "04.11" in days["2028-11-06"]  # Unity Day on a Saturday gives Monday off


def test_the_labour_code_agrees_with_the_package_but_for_the_decrees_transfers() -> None:
    for year, transfers in {
        2026: {date(2026, 1, 9), date(2026, 12, 31)},
        2027: {date(2027, 2, 22), date(2027, 11, 5), date(2027, 12, 31)},
    }.items():
        package = {item.day for item in production_calendar.base_year(year) if not item.working}
        labour_code = {item.day for item in production_calendar.labour_code_year(year)}
        assert package - labour_code == transfers
        assert labour_code <= package


def test_a_year_beyond_the_package_counts_by_the_labour_code() -> None:
    assert not production_calendar.package_covers(2028)
    # 02.11.2028 + 3 = Sunday 05.11; Monday 06.11 is the day off for 4 November on a Saturday.
    assert deadlines.registration_due(date(2028, 11, 2)) == date(2028, 11, 7)


def test_a_new_year_holiday_on_a_weekend_gives_no_day_off_by_the_labour_code() -> None:
    # 8 January 2028 is a Saturday: only the Government's decree could move it, so Monday 10.01 works.
    assert deadlines.registration_due(date(2028, 1, 4)) == date(2028, 1, 10)


def test_without_the_package_the_31st_of_december_2026_still_waits_out_the_january_holidays(
    package_ends_in_2026: None,
) -> None:
    assert production_calendar.year_status(2027).missing
    assert deadlines.registration_due(date(2026, 12, 31)) == date(2027, 1, 11)
    # …but the transferred day off of 22 February is unknown to the Labour Code.
    assert deadlines.registration_due(date(2027, 2, 19)) == date(2027, 2, 22)


# Operators' overrides ----------------------------------------------------------------------------
def test_an_override_makes_a_day_non_working() -> None:
    CalendarDay.objects.create(
        day=date(2027, 6, 7), kind=CalendarDay.Kind.HOLIDAY, description="Дополнительный выходной"
    )
    assert deadlines.answer_due(date(2027, 5, 7)) == date(2027, 6, 8)


def test_an_override_makes_a_day_of_the_package_working() -> None:
    CalendarDay.objects.create(
        day=date(2027, 12, 31), kind=CalendarDay.Kind.WORKING, description="Перенос отменён"
    )
    assert deadlines.last_day(date(2027, 12, 30), 1) == date(2027, 12, 31)


def test_the_overrides_of_a_year_are_read_once(django_assert_num_queries: Any) -> None:
    calendar = ProductionCalendar()
    with django_assert_num_queries(1):
        for day in range(1, 29):
            deadlines.registration_due(date(2027, 2, day), calendar=calendar)


def test_the_working_weekends_are_those_the_package_itself_counts_as_working() -> None:
    import holidays

    for year in range(2005, production_calendar.PACKAGE_LAST_YEAR + 1):
        package = holidays.country_holidays("RU", years=year)
        ours = {item.day for item in production_calendar.base_year(year) if item.working}
        assert ours == {day for day in package.weekend_workdays if day.year == year}, year
