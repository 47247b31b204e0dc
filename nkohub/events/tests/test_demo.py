"""The demo: upcoming and past events, a full one with a waiting list, feedback; a second run changes nothing."""

from typing import Any

import pytest
from django.core.management import call_command

from nkohub.events.models import Event, Feedback, Registration

pytestmark = pytest.mark.django_db


def counts() -> tuple[int, ...]:
    return tuple(m.objects.count() for m in (Event, Registration, Feedback))


def test_the_demo_has_past_and_future_events_a_waiting_list_and_feedback(client: Any) -> None:
    call_command("load_demo", "--quiet-logins")
    first = counts()
    call_command("load_demo", "--quiet-logins")
    full = Event.objects.get(title__startswith="Стратегическая сессия")
    waiting = Registration.objects.filter(event=full, status="waiting").count()
    assert (counts(), full.is_full, waiting, Feedback.objects.count()) == (first, True, 2, 9)
