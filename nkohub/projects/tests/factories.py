import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from nkohub.organizations.tests.factories import OrganizationFactory
from nkohub.projects.models import (
    FairEntry,
    FairSeason,
    PlannedResult,
    Pledge,
    Project,
    ProjectNeed,
    normalize_search,
)


class FairSeasonFactory(factory.django.DjangoModelFactory):
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


class ProjectFactory(factory.django.DjangoModelFactory):
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


class ProjectNeedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProjectNeed

    project = factory.SubFactory(ProjectFactory)
    kind = ProjectNeed.Kind.MONEY
    description = "Продуктовые наборы"
    quantity = Decimal("300000.00")
    unit = "₽"


class PlannedResultFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlannedResult

    project = factory.SubFactory(ProjectFactory)
    position = factory.Sequence(lambda n: n + 1)
    name = "Получили помощь"
    unit = "чел."
    planned_value = Decimal("100")


class FairEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FairEntry

    season = factory.SubFactory(FairSeasonFactory)
    project = factory.SubFactory(ProjectFactory)
    status = FairEntry.Status.ACCEPTED


class PledgeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pledge

    project = factory.SubFactory(ProjectFactory)
    pledged_by = factory.SubFactory("nkohub.accounts.tests.factories.UserFactory")
    kind = Pledge.Kind.MONEY
    amount = Decimal("120000.00")
    description = "На продуктовые наборы"
