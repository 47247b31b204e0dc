"""How many days are left to a due date: counted and said the same way on every page and in every reminder.

A due date is the last day of a 59-ФЗ period (computed once by `deadlines` and stored on the appeal).
The count is in calendar days from today to that last day: 0 means today is the last day, 1 that it is
tomorrow, a negative count that the last day has passed (overdue by as many days). Lists, the desk's
"overdue" filter, the authorities' records and the reminders all use this one rule.
"""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext, pgettext

REGISTRATION = "registration"
ANSWER = "answer"

# A due date this close (in days left) is shown as urgent.
URGENT_DAYS = 2


def days_left(due: date, today: date | None = None) -> int:
    """Calendar days from today to the last day `due`: 0 — today is the last day, negative — overdue."""
    return (due - (today or timezone.localdate())).days


def long_date(day: date) -> str:
    """A date as the pages and notifications say it: «11 января 2027»."""
    return date_format(day, "j E Y")


def left_text(left: int) -> str:
    """«осталось 9 дней», «последний день — сегодня», «просрочено на 2 дня»."""
    if left < 0:
        return ngettext("overdue by %(days)d day", "overdue by %(days)d days", -left) % {
            "days": -left
        }
    if left == 0:
        return gettext("the last day is today")
    return ngettext("%(days)d day left", "%(days)d days left", left) % {"days": left}


@dataclass(frozen=True)
class Countdown:
    """A due date seen from today: what is due (registration or answer), by when, and how many days remain."""

    kind: str
    due: date
    days_left: int

    @classmethod
    def of(cls, kind: str, due: date, today: date | None = None) -> "Countdown":
        return cls(kind=kind, due=due, days_left=days_left(due, today))

    @property
    def overdue(self) -> bool:
        return self.days_left < 0

    @property
    def days_overdue(self) -> int:
        return max(0, -self.days_left)

    @property
    def urgent(self) -> bool:
        return 0 <= self.days_left <= URGENT_DAYS

    @property
    def left_text(self) -> str:
        return left_text(self.days_left)

    @property
    def due_text(self) -> str:
        """«зарегистрировать до 11 января 2027» / «ответ до 10 февраля 2027»."""
        if self.kind == REGISTRATION:
            return pgettext("deadline", "to be registered by %(date)s") % {
                "date": long_date(self.due)
            }
        return pgettext("deadline", "answer due by %(date)s") % {"date": long_date(self.due)}

    def __str__(self) -> str:
        return f"{self.due_text} · {self.left_text}"
