"""iCalendar: parsed back with the icalendar package."""

import datetime as dt
from typing import Any

import icalendar
from django.urls import reverse

from nkohub.events import services
from nkohub.events.models import Event
from nkohub.events.tests.factories import EventFactory, RegistrationFactory


def parse(response: Any) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(response.content)


def vevents(calendar: icalendar.Calendar) -> list[Any]:
    return list(calendar.walk("VEVENT"))


def test_an_events_ics_carries_its_uid_times_in_its_zone_and_the_vtimezone(client, event):
    calendar = parse(client.get(reverse("events:ics", args=[event.pk])))
    item = vevents(calendar)[0]
    zones = [str(z["TZID"]) for z in calendar.walk("VTIMEZONE")]
    assert (str(item["UID"]), item["DTSTART"].dt, item["DTSTART"].params["TZID"], zones) == (
        event.uid,
        event.starts_at,
        "Europe/Moscow",
        ["Europe/Moscow"],
    )


def test_an_event_in_another_zone_is_written_in_that_zone(client, ngo):
    event = EventFactory.create(organizer=ngo, time_zone="Asia/Yekaterinburg")
    item = vevents(parse(client.get(reverse("events:ics", args=[event.pk]))))[0]
    assert item["DTSTART"].params["TZID"] == "Asia/Yekaterinburg"


def test_reminders_a_day_and_an_hour_before(client, event):
    item = vevents(parse(client.get(reverse("events:ics", args=[event.pk]))))[0]
    triggers = sorted(alarm["TRIGGER"].dt for alarm in item.walk("VALARM"))
    assert triggers == [-dt.timedelta(days=1), -dt.timedelta(hours=1)]


def test_a_moved_event_keeps_its_uid_and_raises_its_sequence(client, event, owner):
    start = event.starts_at + dt.timedelta(days=2)
    services.event_move(
        actor=owner, event=event, starts_at=start, ends_at=start + dt.timedelta(hours=3)
    )
    item = vevents(parse(client.get(reverse("events:ics", args=[event.pk]))))[0]
    assert (str(item["UID"]), item["SEQUENCE"], item["DTSTART"].dt) == (event.uid, 1, start)


def test_a_cancelled_event_goes_out_cancelled(client, event, owner):
    services.event_cancel(actor=owner, event=event, reason="Перенос на весну")
    item = vevents(parse(client.get(reverse("events:ics", args=[event.pk]))))[0]
    assert str(item["STATUS"]) == "CANCELLED"


def test_the_join_link_goes_only_to_confirmed_people(client, ngo, people):
    event = EventFactory.create(
        organizer=ngo, is_online=True, online_url="https://meet.example.org/x"
    )
    client.force_login(people[0])
    guest_view = vevents(parse(client.get(reverse("events:ics", args=[event.pk]))))[0]
    RegistrationFactory.create(event=event, user=people[0])
    registered_view = vevents(parse(client.get(reverse("events:ics", args=[event.pk]))))[0]
    assert (
        "meet.example.org" in str(guest_view["DESCRIPTION"]),
        str(registered_view["LOCATION"]),
    ) == (
        False,
        "https://meet.example.org/x",
    )


def test_the_personal_feed_lists_ones_registrations(client, ngo, people):
    mine = EventFactory.create(organizer=ngo)
    EventFactory.create(organizer=ngo)
    RegistrationFactory.create(event=mine, user=people[0])
    feed = services.feed_for(people[0])
    calendar = parse(client.get(reverse("events:person_feed", args=[feed.token])))
    assert [str(item["UID"]) for item in vevents(calendar)] == [mine.uid]


def test_a_new_feed_address_revokes_the_old_one(client, people):
    old = services.feed_for(people[0]).token
    services.feed_reset(actor=people[0])
    assert client.get(reverse("events:person_feed", args=[old])).status_code == 404


def test_the_organisations_feed_has_its_public_events_only(client, ngo):
    public = EventFactory.create(organizer=ngo)
    EventFactory.create(organizer=ngo, audience=Event.Audience.STAFF)
    calendar = parse(client.get(reverse("events:organization_feed", args=[ngo.pk])))
    assert [str(item["UID"]) for item in vevents(calendar)] == [public.uid]
