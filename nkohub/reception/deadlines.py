"""The clock of 59-ФЗ: periods in calendar days from the day after the event (art. 191 of the Civil Code).

Where the last day falls on a non-working day, the rule is a setting
(`RECEPTION_NON_WORKING_LAST_DAY`): "next_working_day" moves it to the next working day (practice by
analogy with art. 193 of the Civil Code), "keep" leaves it. Which days are working is Russia's production
calendar (`production_calendar`: the `holidays` package, the Labour Code for a year beyond it, and the
operators' overrides).

These functions compute a date once; services store it on the appeal so that later edits of the
calendar do not move deadlines already given. `expected_due_dates` says what an open appeal's due dates
would be by today's calendar, so that operators can review and apply a change explicitly.
"""

from datetime import date, datetime, timedelta

from django.conf import settings
from django.utils import timezone

from nkohub.reception.models import Appeal
from nkohub.reception.production_calendar import ProductionCalendar

REGISTRATION_DAYS = 3
REDIRECT_DAYS = 7
ANSWER_DAYS = 30
MAX_EXTENSION_DAYS = 30

NEXT_WORKING_DAY = "next_working_day"
KEEP = "keep"
RULES = (NEXT_WORKING_DAY, KEEP)


def non_working_rule() -> str:
    rule = getattr(settings, "RECEPTION_NON_WORKING_LAST_DAY", NEXT_WORKING_DAY)
    if rule not in RULES:
        raise ValueError(f"RECEPTION_NON_WORKING_LAST_DAY must be one of {RULES}, not {rule!r}")
    return rule


def last_day(
    start: date,
    days: int,
    *,
    rule: str | None = None,
    calendar: ProductionCalendar | None = None,
) -> date:
    """The last day of a period of `days` calendar days counted from the day after `start`."""
    due = start + timedelta(days=days)
    if (rule or non_working_rule()) == KEEP:
        return due
    return (calendar or ProductionCalendar()).next_working_day(due)


def registration_due(received_on: date, *, calendar: ProductionCalendar | None = None) -> date:
    return last_day(received_on, REGISTRATION_DAYS, calendar=calendar)


def redirect_due(registered_on: date, *, calendar: ProductionCalendar | None = None) -> date:
    return last_day(registered_on, REDIRECT_DAYS, calendar=calendar)


def answer_due(
    registered_on: date, extension_days: int = 0, *, calendar: ProductionCalendar | None = None
) -> date:
    """Registration + 30 days, plus the extension when the term was extended, then the rule."""
    return last_day(registered_on, ANSWER_DAYS + extension_days, calendar=calendar)


# The due dates an appeal carries while it is open, in the order pages list them.
DUE_DATE_FIELDS = ("registration_due", "redirect_due", "answer_due")


def expected_due_dates(
    *,
    status: str,
    received_at: datetime | None,
    registered_on: date | None,
    extension_days: int,
    calendar: ProductionCalendar | None = None,
) -> dict[str, date]:
    """The due dates an open appeal would get today, from the same events as when they were set:
    receipt for registration (while it waits for it), registration and the extension for the others."""
    if status == Appeal.Status.SUBMITTED and received_at is not None:
        received_on = timezone.localdate(received_at)
        return {"registration_due": registration_due(received_on, calendar=calendar)}
    if status in Appeal.OPEN_STATUSES and registered_on is not None:
        return {
            "redirect_due": redirect_due(registered_on, calendar=calendar),
            "answer_due": answer_due(registered_on, extension_days, calendar=calendar),
        }
    return {}
