import datetime as dt

import factory
from django.utils import timezone

from nkohub.accounts.tests.factories import UserFactory
from nkohub.organizations.tests.factories import OrganizationFactory
from nkohub.territories.tests.factories import MunicipalityFactory
from nkohub.volunteering import reference
from nkohub.volunteering.models import (
    Alliance,
    Coalition,
    CoalitionMember,
    Internship,
    InternshipRequest,
    Skill,
    VolunteerCall,
    VolunteerResponse,
)


def skill(slug: str = "elderly") -> Skill:
    return reference.skill(slug)


class VolunteerCallFactory(factory.django.DjangoModelFactory[VolunteerCall]):
    class Meta:
        model = VolunteerCall

    organization = factory.SubFactory(OrganizationFactory)
    created_by = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Помощь на благотворительной ярмарке №{n}")
    description = "Расставить столы, встретить гостей, помочь с упаковкой подарков."
    starts_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=7))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + dt.timedelta(hours=4))
    municipality = factory.SubFactory(MunicipalityFactory, name="Калуга")
    address = "ул. Ленина, д. 1"
    places = 5


class VolunteerResponseFactory(factory.django.DjangoModelFactory[VolunteerResponse]):
    class Meta:
        model = VolunteerResponse

    call = factory.SubFactory(VolunteerCallFactory)
    user = factory.SubFactory(UserFactory)
    message = "Могу прийти на весь день."


class AllianceFactory(factory.django.DjangoModelFactory[Alliance]):
    class Meta:
        model = Alliance

    proposer = factory.SubFactory(OrganizationFactory)
    partner = factory.SubFactory(OrganizationFactory)
    description = "Совместные акции для пожилых людей."
    created_by = factory.SubFactory(UserFactory)


class CoalitionFactory(factory.django.DjangoModelFactory[Coalition]):
    class Meta:
        model = Coalition

    title = factory.Sequence(lambda n: f"Коалиция «Старшее поколение» {n}")
    description = "НКО, которые помогают пожилым людям региона."
    founder = factory.SubFactory(OrganizationFactory)
    created_by = factory.SubFactory(UserFactory)


def coalition(**kwargs: object) -> Coalition:
    """A coalition with its founder as its first member, as the service makes it."""
    made = CoalitionFactory.create(**kwargs)
    CoalitionMember.objects.create(
        coalition=made, organization=made.founder, status=CoalitionMember.Status.MEMBER
    )
    return made


class InternshipFactory(factory.django.DjangoModelFactory[Internship]):
    class Meta:
        model = Internship

    host = factory.SubFactory(OrganizationFactory)
    created_by = factory.SubFactory(UserFactory)
    topic = factory.Sequence(lambda n: f"Как устроена служба сиделок, поток {n}")
    description = "Неделя в нашей команде: выезды, учёт, работа с семьями."
    starts_on = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=14))
    ends_on = factory.LazyAttribute(lambda o: o.starts_on + dt.timedelta(days=5))
    places = 2


class InternshipRequestFactory(factory.django.DjangoModelFactory[InternshipRequest]):
    class Meta:
        model = InternshipRequest

    internship = factory.SubFactory(InternshipFactory)
    user = factory.SubFactory(UserFactory)
    organization = factory.SubFactory(OrganizationFactory)
