"""The deadline arithmetic of 59-ФЗ with Russia's production calendar."""

from datetime import date
from typing import Any

import pytest

from nkohub.reception import deadlines
from nkohub.reception.deadlines import KEEP, NEXT_WORKING_DAY
from nkohub.reception.models import CalendarDay

pytestmark = pytest.mark.django_db


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


def test_a_last_day_on_sunday_moves_to_monday(calendar: None) -> None:
    # 01.05.2026 + 30 = Sunday 31.05.2026.
    assert date(2026, 5, 31).weekday() == 6
    assert deadlines.answer_due(date(2026, 5, 1)) == date(2026, 6, 1)


def test_a_last_day_in_the_new_year_holidays_moves_past_them(calendar: None) -> None:
    # 08.12.2025 + 30 = 07.01.2026 (Christmas); 8–9 January are holidays, 10–11 a weekend.
    assert deadlines.answer_due(date(2025, 12, 8)) == date(2026, 1, 12)


def test_a_transferred_working_saturday_is_a_working_last_day(calendar: None) -> None:
    # 02.10.2025 + 30 = Saturday 01.11.2025, a working day by the 2025 decree.
    assert deadlines.answer_due(date(2025, 10, 2)) == date(2025, 11, 1)


def test_a_transferred_day_off_on_a_weekday_moves_the_last_day(calendar: None) -> None:
    # 04.10.2025 + 30 = Monday 03.11.2025, a day off (from 1 November); 04.11 is the holiday itself.
    assert deadlines.answer_due(date(2025, 10, 4)) == date(2025, 11, 5)


def test_an_extension_adds_its_days_to_the_30(calendar: None) -> None:
    # 02.03.2026 + 30 + 30 = 01.05.2026 (holiday), then the weekend: Monday 04.05.2026.
    assert deadlines.answer_due(date(2026, 3, 2), 30) == date(2026, 5, 4)
    assert deadlines.answer_due(date(2026, 3, 2), 10) == date(2026, 4, 13)  # 11.04 is a Saturday


def test_registration_is_due_within_3_days(calendar: None) -> None:
    assert deadlines.registration_due(date(2026, 11, 20)) == date(2026, 11, 23)


def test_a_redirect_is_due_within_7_days(calendar: None) -> None:
    # 04.05.2026 + 7 = Monday 11.05.2026 — the day off for 9 May — so Tuesday 12.05.
    assert deadlines.redirect_due(date(2026, 5, 4)) == date(2026, 5, 12)


def test_the_keep_rule_leaves_a_last_day_on_a_holiday(calendar: None, settings: Any) -> None:
    settings.RECEPTION_NON_WORKING_LAST_DAY = KEEP
    assert deadlines.answer_due(date(2025, 12, 8)) == date(2026, 1, 7)


def test_an_unknown_rule_is_a_configuration_error(settings: Any) -> None:
    settings.RECEPTION_NON_WORKING_LAST_DAY = "whenever"
    with pytest.raises(ValueError, match="RECEPTION_NON_WORKING_LAST_DAY"):
        deadlines.answer_due(date(2026, 1, 1))


def test_the_shipped_calendars_match_the_decrees(calendar: None) -> None:
    cal = deadlines.ProductionCalendar.load(date(2025, 1, 1), date(2026, 12, 31))
    non_working_weekdays = sorted(day for day in cal.holidays if day.weekday() < 5)
    assert [d.isoformat() for d in non_working_weekdays if d.year == 2026] == [
        "2026-01-01", "2026-01-02", "2026-01-05", "2026-01-06", "2026-01-07", "2026-01-08", "2026-01-09",
        "2026-02-23", "2026-03-09", "2026-05-01", "2026-05-11", "2026-06-12", "2026-11-04", "2026-12-31",
    ]  # fmt: skip
    assert [d.isoformat() for d in non_working_weekdays if d.year == 2025] == [
        "2025-01-01", "2025-01-02", "2025-01-03", "2025-01-06", "2025-01-07", "2025-01-08",
        "2025-05-01", "2025-05-02", "2025-05-08", "2025-05-09", "2025-06-12", "2025-06-13",
        "2025-11-03", "2025-11-04", "2025-12-31",
    ]  # fmt: skip
    assert cal.working_weekends == {date(2025, 11, 1)}
    assert deadlines.non_working_rule() == NEXT_WORKING_DAY


def test_the_reference_load_keeps_an_operators_edit(calendar: None) -> None:
    from nkohub.reception import reference

    CalendarDay.objects.filter(day=date(2026, 12, 31)).update(
        kind=CalendarDay.Kind.WORKING, description="правка"
    )
    reference.load()
    assert CalendarDay.objects.get(day=date(2026, 12, 31)).description == "правка"
