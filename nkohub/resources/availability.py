"""When a bookable offer can be booked: the weekly schedule, with exceptions for particular dates.

An exception for a date replaces that day's schedule: either closed all day or open only in its hours.
Times are local (the site's TIME_ZONE); a booking lies within one day and within one window.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils import timezone

from nkohub.resources.models import AvailabilityException, AvailabilityRule, ResourceOffer


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


def slot_is_available(offer: ResourceOffer, starts_at: dt.datetime, ends_at: dt.datetime) -> bool:
    """Whether the slot lies within one open window of the offer's availability."""
    first = timezone.localtime(starts_at).date()
    last = timezone.localtime(ends_at).date()
    if first != last:
        return False
    return any(
        window.contains(starts_at, ends_at) for window in offer_windows(offer, first, last)[first]
    )
