"""Working days for deadlines counted in them (a consultation's answer in 5 working days).

The calendar itself is the reception's: Russia's production calendar (the `holidays` package with the
Government's transfers, the Labour Code beyond it, operators' corrections in the database;
`nkohub.reception.production_calendar`). Apps of the reception's own layer may not import it, so the
reception registers it here from its `AppConfig.ready()`, and others ask `working_calendar()`.
Without a registered calendar (the reception not installed) the plain week counts: Monday to Friday.
"""

from collections.abc import Callable
from datetime import date, timedelta
from typing import Protocol


class WorkingCalendar(Protocol):
    def is_working_day(self, day: date) -> bool: ...


class PlainWeek:
    def is_working_day(self, day: date) -> bool:
        return day.weekday() < 5


_factory: Callable[[], WorkingCalendar] = PlainWeek


def register_working_calendar(factory: Callable[[], WorkingCalendar]) -> None:
    global _factory
    _factory = factory


def working_calendar() -> WorkingCalendar:
    """A fresh calendar (it reads operators' corrections once per year it is asked about)."""
    return _factory()


def add_working_days(start: date, days: int, *, calendar: WorkingCalendar | None = None) -> date:
    """The `days`-th working day after `start` (`start` itself is not counted); `start` for 0."""
    calendar = calendar or working_calendar()
    day, left = start, days
    while left > 0:
        day += timedelta(days=1)
        if calendar.is_working_day(day):
            left -= 1
    return day


def working_days_between(start: date, end: date, *, calendar: WorkingCalendar | None = None) -> int:
    """How many working days after `start` up to and including `end` (0 when `end` <= `start`)."""
    calendar = calendar or working_calendar()
    count, day = 0, start
    while day < end:
        day += timedelta(days=1)
        count += calendar.is_working_day(day)
    return count
