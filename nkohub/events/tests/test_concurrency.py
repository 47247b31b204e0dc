"""The race for the last place: real threads against the real database (SQLite file or PostgreSQL)."""

from typing import Any

import pytest
from django.db import connection

from nkohub.accounts.tests.factories import UserFactory
from nkohub.core.tests.concurrency import race
from nkohub.events import services
from nkohub.events.models import Event, Registration
from nkohub.events.tests.factories import EventFactory


def _require_shared_database() -> None:
    name = str(connection.settings_dict["NAME"])
    if connection.vendor == "sqlite" and ("memory" in name or name == ""):
        pytest.fail("the concurrency tests need a file SQLite database (see the root conftest.py)")


@pytest.mark.django_db(transaction=True)
def test_twenty_people_at_once_for_the_last_place_exactly_one_gets_it(ngo: Any) -> None:
    _require_shared_database()
    event = EventFactory.create(organizer=ngo, capacity=5)
    Event.objects.filter(pk=event.pk).update(seats_taken=4)
    people = [UserFactory.create() for _ in range(20)]
    outcomes = race(20, lambda i: services.registration_create(actor=people[i], event=event).status)
    assert outcomes.raised == {}, outcomes.report()
    assert sorted(outcomes.results.values()).count("confirmed") == 1, outcomes.report()
    event.refresh_from_db()
    assert event.seats_taken == 5


@pytest.mark.django_db(transaction=True)
def test_the_same_person_clicking_ten_times_at_once_registers_once(ngo: Any) -> None:
    _require_shared_database()
    event = EventFactory.create(organizer=ngo, capacity=5)
    person = UserFactory.create()
    outcomes = race(10, lambda i: services.registration_create(actor=person, event=event).pk)
    assert outcomes.raised == {}, outcomes.report()
    assert Registration.objects.filter(event=event).count() == 1
    event.refresh_from_db()
    assert event.seats_taken == 1


@pytest.mark.django_db(transaction=True)
def test_a_cancellation_racing_new_registrations_gives_the_place_to_the_first_waiting(
    ngo: Any,
) -> None:
    _require_shared_database()
    event = EventFactory.create(organizer=ngo, capacity=1)
    holder, first_waiting = UserFactory.create(), UserFactory.create()
    held = services.registration_create(actor=holder, event=event)
    services.registration_create(actor=first_waiting, event=event)
    newcomers = [UserFactory.create() for _ in range(8)]

    def attempt(i: int) -> str:
        if i == 0:
            return services.registration_cancel(actor=holder, registration=held).status
        return services.registration_create(actor=newcomers[i - 1], event=event).status

    outcomes = race(9, attempt)
    assert outcomes.raised == {}, outcomes.report()
    confirmed = Registration.objects.get(event=event, status="confirmed")
    assert confirmed.user_id == first_waiting.pk
