import random

import factory

from nkohub.core.identifiers import make_inn_legal, make_ogrn
from nkohub.organizations.models import LegalForm, Membership, Organization, Sphere
from nkohub.territories.tests.factories import MunicipalityFactory

_rng = random.Random(4040)


class SphereFactory(factory.django.DjangoModelFactory[Sphere]):
    class Meta:
        model = Sphere
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"sphere-{n}")
    name = factory.Sequence(lambda n: f"Сфера {n}")


class LegalFormFactory(factory.django.DjangoModelFactory[LegalForm]):
    class Meta:
        model = LegalForm
        django_get_or_create = ("name",)

    name = "Автономная некоммерческая организация"
    short_name = "АНО"


class OrganizationFactory(factory.django.DjangoModelFactory[Organization]):
    class Meta:
        model = Organization

    kind = Organization.Kind.NGO
    full_name = factory.Sequence(lambda n: f"Автономная некоммерческая организация «Тестовая {n}»")
    short_name = factory.Sequence(lambda n: f"АНО «Тестовая {n}»")
    legal_form = factory.SubFactory(LegalFormFactory)
    inn = factory.LazyFunction(lambda: make_inn_legal(_rng))
    ogrn = factory.LazyFunction(lambda: make_ogrn(_rng))
    municipality = factory.SubFactory(MunicipalityFactory)


class MembershipFactory(factory.django.DjangoModelFactory[Membership]):
    class Meta:
        model = Membership

    user = factory.SubFactory("nkohub.accounts.tests.factories.UserFactory")
    organization = factory.SubFactory(OrganizationFactory)
    role = Membership.Role.MEMBER
