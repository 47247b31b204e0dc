import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from nkohub.grants.models import Application, Competition, Funder
from nkohub.organizations.tests.factories import OrganizationFactory


class FunderFactory(factory.django.DjangoModelFactory[Funder]):
    class Meta:
        model = Funder
        django_get_or_create = ("code",)

    code = "pfg"
    name = "Фонд президентских грантов"
    short_name = "ФПГ"
    kind = Funder.Kind.FEDERAL_FUND


class CompetitionFactory(factory.django.DjangoModelFactory[Competition]):
    class Meta:
        model = Competition

    funder = factory.SubFactory(FunderFactory)
    title = factory.Sequence(lambda n: f"Конкурс №{n}")
    applications_open_on = factory.LazyFunction(
        lambda: timezone.localdate() - datetime.timedelta(days=10)
    )
    applications_close_on = factory.LazyFunction(
        lambda: timezone.localdate() + datetime.timedelta(days=30)
    )
    implementation_starts_from = datetime.date(2027, 3, 1)
    implementation_ends_by = datetime.date(2028, 6, 30)
    min_amount = Decimal("500000.00")
    max_amount = Decimal("10000000.00")
    cofinancing_min_percent = Decimal("15")


class ApplicationFactory(factory.django.DjangoModelFactory[Application]):
    class Meta:
        model = Application

    organization = factory.SubFactory(OrganizationFactory)
    competition = factory.SubFactory(CompetitionFactory)
    funder = factory.LazyAttribute(lambda a: a.competition.funder if a.competition else None)
    competition_title = factory.LazyAttribute(
        lambda a: a.competition.title if a.competition else ""
    )
    title = factory.Sequence(lambda n: f"Заявка №{n}")
    requested_amount = Decimal("1000000.00")
