import datetime as dt
from typing import Any

import factory
from django.db.models import F
from django.utils import timezone

from nkohub.events.models import Event, EventQuestion, Feedback, Registration
from nkohub.organizations.tests.factories import OrganizationFactory


def in_days(days: float, hour: int = 11) -> dt.datetime:
    moment = timezone.localtime() + dt.timedelta(days=days)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)


class EventFactory(factory.django.DjangoModelFactory[Event]):
    class Meta:
        model = Event

    organizer = factory.SubFactory(OrganizationFactory)
    title = factory.Sequence(lambda n: f"Вебинар «Как написать заявку на грант», часть {n}")
    kind = Event.Kind.WEBINAR
    summary = "Разбираем заявку в Фонд президентских грантов по разделам."
    starts_at = factory.LazyFunction(lambda: in_days(7))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + dt.timedelta(hours=2))
    is_online = False
    address = "Калуга, ул. Ленина, 74, конференц-зал"
    municipality = factory.LazyAttribute(lambda o: o.organizer.municipality)
    capacity = 30


class QuestionFactory(factory.django.DjangoModelFactory[EventQuestion]):
    class Meta:
        model = EventQuestion

    event = factory.SubFactory(EventFactory)
    text = "Какой вопрос вы хотите разобрать?"
    position = factory.Sequence(lambda n: n + 1)


class RegistrationFactory(factory.django.DjangoModelFactory[Registration]):
    """A confirmed place (the event's count of places taken goes up with it)."""

    class Meta:
        model = Registration

    event = factory.SubFactory(EventFactory)
    user = factory.SubFactory("nkohub.accounts.tests.factories.UserFactory")
    status = Registration.Status.CONFIRMED
    confirmed_at = factory.LazyFunction(timezone.now)

    @classmethod
    def _create(cls, model_class: Any, *args: Any, **kwargs: Any) -> Registration:
        registration = super()._create(model_class, *args, **kwargs)
        if registration.status == Registration.Status.CONFIRMED:
            Event.objects.filter(pk=registration.event_id).update(seats_taken=F("seats_taken") + 1)
            registration.event.seats_taken += 1
        return registration


class FeedbackFactory(factory.django.DjangoModelFactory[Feedback]):
    class Meta:
        model = Feedback

    registration = factory.SubFactory(RegistrationFactory)
    rating = 5
    useful = "Разобрали бюджет проекта по строкам."
