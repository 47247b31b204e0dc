"""The periodic job: a reminder a day before, a feedback request after; each goes once."""

import datetime as dt

import time_machine
from django.core.management import call_command
from django.utils import timezone

from nkohub.events import services
from nkohub.events.jobs import send_reminders
from nkohub.events.tests.factories import EventFactory, RegistrationFactory, in_days
from nkohub.notifications.models import Notification
from nkohub.notifications.scheduling import get_periodic_job


def soon() -> dt.datetime:
    return timezone.now().replace(microsecond=0) + dt.timedelta(hours=12)


def test_the_job_is_registered_with_the_scheduler():
    assert get_periodic_job("events.reminders").run is send_reminders


def test_a_confirmed_person_is_reminded_once_a_day_before(ngo, people):
    event = EventFactory.create(
        organizer=ngo, starts_at=soon(), ends_at=soon() + dt.timedelta(hours=2)
    )
    RegistrationFactory.create(event=event, user=people[0])
    RegistrationFactory.create(event=event, user=people[1], status="waiting", confirmed_at=None)
    send_reminders()
    call_command("send_event_reminders", verbosity=0)
    assert list(
        Notification.objects.filter(kind="events.reminder").values_list("recipient", flat=True)
    ) == [people[0].pk]


def test_an_event_a_week_away_is_not_reminded_yet(event, people):
    RegistrationFactory.create(event=event, user=people[0])
    send_reminders()
    assert Notification.objects.filter(kind="events.reminder").count() == 0


def test_a_moved_event_is_reminded_again(ngo, owner, people):
    event = EventFactory.create(
        organizer=ngo, starts_at=soon(), ends_at=soon() + dt.timedelta(hours=2)
    )
    RegistrationFactory.create(event=event, user=people[0])
    send_reminders()
    start = event.starts_at + dt.timedelta(hours=3)
    services.event_move(
        actor=owner, event=event, starts_at=start, ends_at=start + dt.timedelta(hours=1)
    )
    send_reminders()
    assert Notification.objects.filter(kind="events.reminder").count() == 2


def test_after_the_event_those_who_came_are_asked_for_feedback_once(ngo, people):
    event = EventFactory.create(organizer=ngo, starts_at=in_days(1), ends_at=in_days(1, hour=14))
    RegistrationFactory.create(event=event, user=people[0], attended_at=in_days(1))
    RegistrationFactory.create(event=event, user=people[1])
    with time_machine.travel(in_days(2), tick=False):
        send_reminders()
        send_reminders()
    assert list(
        Notification.objects.filter(kind="events.feedback").values_list("recipient", flat=True)
    ) == [people[0].pk]
