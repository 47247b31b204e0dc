"""Feedback after the event: attendees once each; the organiser sees the aggregate, operators all events."""

import pytest
from django.urls import reverse

from nkohub.core.errors import DomainError
from nkohub.events import selectors, services
from nkohub.events.models import Feedback
from nkohub.events.tests.factories import (
    EventFactory,
    FeedbackFactory,
    RegistrationFactory,
    in_days,
)


@pytest.fixture
def past_event(ngo):
    return EventFactory.create(organizer=ngo, starts_at=in_days(-3), ends_at=in_days(-3, hour=14))


@pytest.fixture
def attended(past_event, people):
    return RegistrationFactory.create(event=past_event, user=people[0], attended_at=in_days(-3))


def test_an_attendee_leaves_feedback(client, past_event, attended, people):
    client.force_login(people[0])
    client.post(
        reverse("events:feedback", args=[past_event.pk]),
        {"rating": "4", "useful": "Примеры заявок", "to_change": "Больше времени на вопросы"},
    )
    assert Feedback.objects.get(registration=attended).rating == 4


def test_feedback_is_left_once(past_event, attended, people):
    services.feedback_submit(actor=people[0], registration=attended, rating=5)
    with pytest.raises(DomainError, match="уже оставили"):
        services.feedback_submit(actor=people[0], registration=attended, rating=1)


def test_someone_who_did_not_come_cannot_leave_feedback(client, past_event, people):
    RegistrationFactory.create(event=past_event, user=people[1])
    client.force_login(people[1])
    assert client.get(reverse("events:feedback", args=[past_event.pk])).status_code == 403


def test_feedback_waits_for_the_end_of_the_event(event, people):
    registration = RegistrationFactory.create(event=event, user=people[0], attended_at=in_days(0))
    with pytest.raises(DomainError, match="после окончания"):
        services.feedback_submit(actor=people[0], registration=registration, rating=5)


def test_the_organiser_sees_the_average_and_the_spread(past_event, people):
    for person, rating in zip(people[:3], (5, 4, 3), strict=True):
        FeedbackFactory.create(
            registration__event=past_event, registration__user=person, rating=rating
        )
    summary = selectors.feedback_summary(past_event)
    assert (summary.count, summary.average, summary.by_rating) == (
        3,
        4.0,
        [(5, 1), (4, 1), (3, 1), (2, 0), (1, 0)],
    )


def test_operators_see_feedback_across_events(client, operator, past_event, people):
    FeedbackFactory.create(registration__event=past_event, registration__user=people[0], rating=5)
    client.force_login(operator)
    response = client.get(reverse("events:feedback_overview"))
    assert [e.pk for e in response.context["page"].object_list] == [past_event.pk]


def test_organisers_cannot_see_feedback_across_events(client, owner):
    client.force_login(owner)
    assert client.get(reverse("events:feedback_overview")).status_code == 403
