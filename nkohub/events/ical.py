"""iCalendar (RFC 5545) for events, written with the `icalendar` package.

Each event keeps one UID for life and a SEQUENCE that goes up when it moves or changes, so a calendar
that holds it updates it instead of adding a second one; a cancelled event goes out as STATUS:CANCELLED.
Times carry their zone (TZID) with its VTIMEZONE; two reminders (VALARM) a day and an hour before.
The join link of an online event goes only into the calendars of people whose place is confirmed.
"""

from collections.abc import Iterable
from datetime import timedelta

import icalendar
from django.utils import timezone
from django.utils.translation import gettext as _

from nkohub.events.models import Event

PRODID = "-//NKO-Klaster//Events//RU"
REMINDERS = (timedelta(days=1), timedelta(hours=1))


def _vevent(event: Event, *, base_url: str, with_link: bool) -> icalendar.Event:
    item = icalendar.Event()
    item.add("uid", event.uid)
    item.add("sequence", event.sequence)
    item.add("dtstamp", timezone.now())
    item.add("last-modified", event.updated_at)
    item.add("dtstart", event.local_start)
    item.add("dtend", event.local_end)
    item.add("summary", event.title)
    url = base_url + event.get_absolute_url()
    description = [event.summary, "", url]
    if event.is_online:
        item.add("location", event.online_url if with_link else _("Online"))
        if with_link:
            description.insert(1, _("Link to join: %(url)s") % {"url": event.online_url})
    else:
        place = event.address
        if event.municipality_id:
            place = f"{place}, {event.municipality}"
        item.add("location", place)
    item.add("description", "\n".join(description))
    item.add("url", url)
    item.add(
        "organizer",
        f"mailto:noreply@{base_url.split('//')[-1].split('/')[0] or 'localhost'}",
        parameters={"cn": str(event.organizer)},
    )
    item.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
    if not event.is_cancelled:
        for before in REMINDERS:
            alarm = icalendar.Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", event.title)
            alarm.add("trigger", -before)
            item.add_component(alarm)
    return item


def calendar(
    events: Iterable[Event], *, base_url: str, name: str, with_links: Iterable[int] = ()
) -> bytes:
    """A VCALENDAR of `events`; those whose pk is in `with_links` carry their join link."""
    linked = set(with_links)
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    for event in events:
        cal.add_component(_vevent(event, base_url=base_url, with_link=event.pk in linked))
    cal.add_missing_timezones()
    return bytes(cal.to_ical())
