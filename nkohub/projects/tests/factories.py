import datetime
from decimal import Decimal
from typing import Any, cast

import factory
from django.utils import timezone

from nkohub.organizations.models import Organization, Sphere
from nkohub.organizations.tests.factories import OrganizationFactory, SphereFactory
from nkohub.projects.models import (
    FairEntry,
    FairSeason,
    PlannedResult,
    Pledge,
    Project,
    ProjectNeed,
    normalize_search,
)
from nkohub.territories.models import Municipality
from nkohub.territories.tests.factories import MunicipalityFactory


class FairSeasonFactory(factory.django.DjangoModelFactory[FairSeason]):
    class Meta:
        model = FairSeason

    title = factory.Sequence(lambda n: f"Ярмарка социальных проектов {2026 + n}")
    slug = factory.Sequence(lambda n: f"fair-{n}")
    submissions_open_on = factory.LazyFunction(
        lambda: timezone.localdate() - datetime.timedelta(days=30)
    )
    submissions_close_on = factory.LazyFunction(
        lambda: timezone.localdate() + datetime.timedelta(days=30)
    )
    starts_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=5))
    ends_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=40))


class ProjectFactory(factory.django.DjangoModelFactory[Project]):
    class Meta:
        model = Project

    organization = factory.SubFactory(OrganizationFactory)
    title = factory.Sequence(lambda n: f"Проект помощи №{n}")
    summary = "Помогаем пожилым людям с продуктами и лекарствами."
    goal = "Поддержать 100 пожилых людей."
    covers_whole_region = True
    budget_total = Decimal("500000.00")
    own_contribution = Decimal("50000.00")
    cofinancing = Decimal("0.00")
    status = Project.Status.SEEKING_PARTNERS
    search_text = factory.LazyAttribute(lambda p: normalize_search(f"{p.title} {p.summary}"))


class ProjectNeedFactory(factory.django.DjangoModelFactory[ProjectNeed]):
    class Meta:
        model = ProjectNeed

    project = factory.SubFactory(ProjectFactory)
    kind = ProjectNeed.Kind.MONEY
    description = "Продуктовые наборы"
    quantity = Decimal("300000.00")
    unit = "₽"


class PlannedResultFactory(factory.django.DjangoModelFactory[PlannedResult]):
    class Meta:
        model = PlannedResult

    project = factory.SubFactory(ProjectFactory)
    position = factory.Sequence(lambda n: n + 1)
    name = "Получили помощь"
    unit = "чел."
    planned_value = Decimal("100")


class FairEntryFactory(factory.django.DjangoModelFactory[FairEntry]):
    class Meta:
        model = FairEntry

    season = factory.SubFactory(FairSeasonFactory)
    project = factory.SubFactory(ProjectFactory)
    status = FairEntry.Status.ACCEPTED


class PledgeFactory(factory.django.DjangoModelFactory[Pledge]):
    class Meta:
        model = Pledge

    project = factory.SubFactory(ProjectFactory)
    pledged_by = factory.SubFactory("nkohub.accounts.tests.factories.UserFactory")
    kind = Pledge.Kind.MONEY
    amount = Decimal("120000.00")
    description = "На продуктовые наборы"


# Typed wrappers of other apps' factories (theirs are not generic, so mypy sees the factory class).
def make_sphere(**kwargs: Any) -> Sphere:
    return cast(Sphere, SphereFactory(**kwargs))


def make_municipality(**kwargs: Any) -> Municipality:
    return cast(Municipality, MunicipalityFactory(**kwargs))


def make_organization(**kwargs: Any) -> Organization:
    return cast(Organization, OrganizationFactory(**kwargs))
