"""Registration with capacity and a waiting list, promotion, cancellation, idempotency."""

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied

from nkohub.core.errors import DomainError
from nkohub.events import services
from nkohub.events.models import Event, Registration
from nkohub.events.services.registrations import waiting_position
from nkohub.events.tests.factories import EventFactory, QuestionFactory, in_days
from nkohub.notifications.models import Notification


def register(event: Event, person: Any, **kwargs: Any) -> Registration:
    return services.registration_create(actor=person, event=event, **kwargs)


def test_the_first_people_get_places_and_the_next_join_the_waiting_list(event, people):
    statuses = [register(event, person).status for person in people[:4]]
    assert statuses == ["confirmed", "confirmed", "waiting", "waiting"]


def test_the_places_taken_never_pass_the_capacity(event, people):
    for person in people:
        register(event, person)
    event.refresh_from_db()
    assert event.seats_taken == 2


def test_waiting_positions_follow_the_order_of_registration(event, people):
    registrations = [register(event, person) for person in people[:5]]
    assert [waiting_position(r) for r in registrations[2:]] == [1, 2, 3]


def test_registering_twice_changes_nothing(event, people):
    first = register(event, people[0])
    second = register(event, people[0])
    assert (second.pk, Registration.objects.filter(event=event).count()) == (first.pk, 1)


def test_a_cancelled_place_goes_to_the_first_waiting_who_is_told(event, people):
    anna, _boris, vera, gleb = (register(event, p) for p in people[:4])
    services.registration_cancel(actor=people[0], registration=anna)
    vera.refresh_from_db()
    gleb.refresh_from_db()
    assert (vera.status, gleb.status) == ("confirmed", "waiting")
    assert Notification.objects.filter(recipient=people[2], kind="events.place_freed").count() == 1


def test_cancelling_twice_promotes_only_once(event, people):
    anna = register(event, people[0])
    register(event, people[1])
    register(event, people[2])
    register(event, people[3])
    services.registration_cancel(actor=people[0], registration=anna)
    services.registration_cancel(actor=people[0], registration=anna)
    assert Registration.objects.filter(event=event, status="confirmed").count() == 2


def test_leaving_the_waiting_list_frees_no_place(event, people):
    for person in people[:3]:
        register(event, person)
    waiting = Registration.objects.get(event=event, user=people[2])
    services.registration_cancel(actor=people[2], registration=waiting)
    event.refresh_from_db()
    assert event.seats_taken == 2


def test_someone_else_cannot_cancel_a_registration(event, people):
    anna = register(event, people[0])
    with pytest.raises(PermissionDenied):
        services.registration_cancel(actor=people[1], registration=anna)


def test_the_101st_person_of_a_100_place_event_gets_the_waiting_list(ngo):
    from nkohub.accounts.tests.factories import UserFactory

    event = EventFactory.create(organizer=ngo, capacity=100)
    Event.objects.filter(pk=event.pk).update(seats_taken=100)
    late = register(event, UserFactory.create())
    assert late.status == "waiting"


def test_a_person_can_register_again_after_cancelling(event, people):
    anna = register(event, people[0])
    services.registration_cancel(actor=people[0], registration=anna)
    again = register(event, people[0])
    assert (again.pk, again.status) == (anna.pk, "confirmed")


def test_a_newcomer_does_not_jump_the_waiting_list(event, people):
    for person in people[:3]:
        register(event, person)
    Event.objects.filter(pk=event.pk).update(seats_taken=1)  # a place freed past the services
    assert register(event, people[3]).status == "waiting"


def test_registration_closed_by_the_organiser_is_refused(event, owner, people):
    services.event_close_registration(actor=owner, event=event)
    with pytest.raises(DomainError, match="закрыта"):
        register(event, people[0])


def test_registration_after_its_window_is_refused(ngo, people):
    event = EventFactory.create(organizer=ngo, registration_closes_at=in_days(-1))
    with pytest.raises(DomainError, match="закрыта"):
        register(event, people[0])


def test_a_cancelled_event_refuses_registration(event, owner, people):
    services.event_cancel(actor=owner, event=event, reason="Зал закрыт на ремонт")
    with pytest.raises(DomainError, match="отменено"):
        register(event, people[0])


def test_a_required_question_must_be_answered(event, people):
    QuestionFactory.create(event=event, text="Ваша организация?", required=True)
    with pytest.raises(DomainError, match="Ваша организация"):
        register(event, people[0], answers={})


def test_answers_are_kept(event, people):
    question = QuestionFactory.create(event=event, text="Что обсудить?")
    registration = register(event, people[0], answers={str(question.pk): "Бюджет"})
    assert registration.answers == {str(question.pk): "Бюджет"}


def test_one_can_come_only_from_ones_own_organisation(event, people, other_ngo):
    with pytest.raises(DomainError, match="состоите"):
        register(event, people[0], organization=other_ngo)


def test_staff_events_are_refused_to_outsiders(ngo, outsider):
    event = EventFactory.create(organizer=ngo, audience=Event.Audience.STAFF)
    with pytest.raises(PermissionDenied):
        register(event, outsider)


def test_more_places_go_to_those_waiting(event, owner, people):
    for person in people[:4]:
        register(event, person)
    services.event_update(actor=owner, event=event, capacity=3)
    assert Registration.objects.filter(event=event, status="confirmed").count() == 3


def test_moving_tells_everyone_registered_and_raises_the_sequence(event, owner, people):
    for person in people[:3]:
        register(event, person)
    start = event.starts_at + dt.timedelta(days=1)
    moved = services.event_move(
        actor=owner, event=event, starts_at=start, ends_at=start + dt.timedelta(hours=2)
    )
    told = Notification.objects.filter(kind="events.changed").count()
    assert (moved.sequence, told) == (1, 3)


def test_cancelling_the_event_tells_everyone_registered(event, owner, people):
    for person in people[:3]:
        register(event, person)
    services.event_cancel(actor=owner, event=event, reason="Лектор заболел")
    assert Notification.objects.filter(kind="events.changed").count() == 3


def test_only_the_organisers_people_manage_the_event(event, member, outsider):
    for person in (member, outsider):
        with pytest.raises(PermissionDenied):
            services.event_close_registration(actor=person, event=event)


def test_registration_before_its_window_says_when_it_opens(ngo, people):
    event = EventFactory.create(organizer=ngo, registration_opens_at=in_days(2, hour=10))
    with pytest.raises(DomainError, match="Регистрация откроется"):
        register(event, people[0])
