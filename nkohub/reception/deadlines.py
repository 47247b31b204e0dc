"""The clock of 59-ФЗ: periods in calendar days from the day after the event (art. 191 of the Civil Code).

Where the last day falls on a non-working day, the rule is a setting
(`RECEPTION_NON_WORKING_LAST_DAY`): "next_working_day" moves it to the next working day (practice by
analogy with art. 193 of the Civil Code), "keep" leaves it. Non-working days are Saturdays and Sundays
unless the production calendar makes them working, plus the calendar's holidays.

These functions compute a date once; services store it on the appeal so that later edits of the
calendar do not move deadlines already given.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings

from nkohub.reception.models import CalendarDay

REGISTRATION_DAYS = 3
REDIRECT_DAYS = 7
ANSWER_DAYS = 30
MAX_EXTENSION_DAYS = 30

NEXT_WORKING_DAY = "next_working_day"
KEEP = "keep"
RULES = (NEXT_WORKING_DAY, KEEP)


@dataclass(frozen=True)
class ProductionCalendar:
    """Exceptions to the plain week between two dates, read from the database once."""

    holidays: frozenset[date]
    working_weekends: frozenset[date]

    @classmethod
    def load(cls, start: date, end: date) -> "ProductionCalendar":
        rows = CalendarDay.objects.filter(day__gte=start, day__lte=end).values_list("day", "kind")
        holidays = {day for day, kind in rows if kind == CalendarDay.Kind.HOLIDAY}
        working = {day for day, kind in rows if kind == CalendarDay.Kind.WORKING}
        return cls(holidays=frozenset(holidays), working_weekends=frozenset(working))

    def is_working_day(self, day: date) -> bool:
        if day in self.working_weekends:
            return True
        if day in self.holidays:
            return False
        return day.weekday() < 5


def non_working_rule() -> str:
    rule = getattr(settings, "RECEPTION_NON_WORKING_LAST_DAY", NEXT_WORKING_DAY)
    if rule not in RULES:
        raise ValueError(f"RECEPTION_NON_WORKING_LAST_DAY must be one of {RULES}, not {rule!r}")
    return rule


def last_day(start: date, days: int, *, rule: str | None = None) -> date:
    """The last day of a period of `days` calendar days counted from the day after `start`."""
    due = start + timedelta(days=days)
    if (rule or non_working_rule()) == KEEP:
        return due
    # Holidays in Russia never run longer than a fortnight; read a month ahead once.
    calendar = ProductionCalendar.load(due, due + timedelta(days=31))
    while not calendar.is_working_day(due):
        due += timedelta(days=1)
    return due


def registration_due(received_on: date) -> date:
    return last_day(received_on, REGISTRATION_DAYS)


def redirect_due(registered_on: date) -> date:
    return last_day(registered_on, REDIRECT_DAYS)


def answer_due(registered_on: date, extension_days: int = 0) -> date:
    """Registration + 30 days, plus the extension when the term was extended, then the rule."""
    return last_day(registered_on, ANSWER_DAYS + extension_days)
