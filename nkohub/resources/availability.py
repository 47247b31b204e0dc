"""When a bookable offer can be booked: the weekly schedule, with exceptions for particular dates.

An exception for a date replaces that day's schedule: either closed all day or open only in its hours.
Times are local (the site's TIME_ZONE); a booking lies within one day and within one window.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from nkohub.resources.models import AvailabilityException, AvailabilityRule, ResourceOffer


@dataclass(frozen=True)
class Schedule:
    """A weekly schedule an owner takes in one click instead of adding windows one by one."""

    label: str | Promise
    weekdays: tuple[int, ...]
    start: dt.time
    end: dt.time


# A new premise, piece of equipment or vehicle is bookable from the start: working days by default.
SCHEDULES: dict[str, Schedule] = {
    "weekdays": Schedule(_("Weekdays, 9:00–18:00"), (0, 1, 2, 3, 4), dt.time(9), dt.time(18)),
    "every_day": Schedule(_("Every day, 9:00–21:00"), tuple(range(7)), dt.time(9), dt.time(21)),
}
DEFAULT_SCHEDULE = "weekdays"


@dataclass(frozen=True)
class Window:
    start: dt.datetime
    end: dt.datetime

    def contains(self, starts_at: dt.datetime, ends_at: dt.datetime) -> bool:
        return self.start <= starts_at and ends_at <= self.end


def _local(day: dt.date, at: dt.time) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, at), timezone.get_current_timezone())


def windows_by_day(
    rules: Iterable[AvailabilityRule],
    exceptions: Iterable[AvailabilityException],
    first: dt.date,
    last: dt.date,
) -> dict[dt.date, list[Window]]:
    """Open windows for every day from `first` to `last` inclusive, from rules and exceptions already fetched."""
    weekly: dict[int, list[AvailabilityRule]] = defaultdict(list)
    for rule in rules:
        weekly[rule.weekday].append(rule)
    special: dict[dt.date, list[AvailabilityException]] = defaultdict(list)
    for exception in exceptions:
        special[exception.date].append(exception)
    result: dict[dt.date, list[Window]] = {}
    day = first
    while day <= last:
        if day in special:
            result[day] = [
                Window(_local(day, e.start_time), _local(day, e.end_time))
                for e in special[day]
                if not e.is_closed and e.start_time and e.end_time
            ]
            if any(e.is_closed for e in special[day]):
                result[day] = []
        else:
            result[day] = [
                Window(_local(day, r.start_time), _local(day, r.end_time))
                for r in weekly[day.weekday()]
            ]
        result[day].sort(key=lambda window: window.start)
        day += dt.timedelta(days=1)
    return result


def offer_windows(
    offer: ResourceOffer, first: dt.date, last: dt.date
) -> dict[dt.date, list[Window]]:
    rules = list(offer.availability_rules.all())
    exceptions = [e for e in offer.availability_exceptions.all() if first <= e.date <= last]
    windows = windows_by_day(rules, exceptions, first, last)
    for day in windows:
        if (offer.available_from and day < offer.available_from) or (
            offer.available_until and day > offer.available_until
        ):
            windows[day] = []
    return windows


def hours_text(windows: Iterable[Window]) -> str:
    """ "09:00–13:00, 14:00–18:00": a day's windows as people write opening hours."""
    return ", ".join(
        f"{timezone.localtime(w.start):%H:%M}–{timezone.localtime(w.end):%H:%M}" for w in windows
    )


def slot_is_available(offer: ResourceOffer, starts_at: dt.datetime, ends_at: dt.datetime) -> bool:
    """Whether the slot lies within one open window of the offer's availability."""
    first = timezone.localtime(starts_at).date()
    last = timezone.localtime(ends_at).date()
    if first != last:
        return False
    return any(
        window.contains(starts_at, ends_at) for window in offer_windows(offer, first, last)[first]
    )
