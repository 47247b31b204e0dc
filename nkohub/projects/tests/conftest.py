"""People and things of the fair: a business with its sponsor, a season open for submissions, and
`project` of `ngo` shown at the fair with a money need."""

from typing import Any

import pytest

from nkohub.organizations.models import Membership, Organization
from nkohub.organizations.tests.factories import MembershipFactory
from nkohub.projects.models import FairSeason, Project, ProjectNeed
from nkohub.projects.tests.factories import (
    FairEntryFactory,
    FairSeasonFactory,
    ProjectFactory,
    ProjectNeedFactory,
    make_organization,
)


@pytest.fixture
def business(db: Any) -> Organization:
    return make_organization(
        kind=Organization.Kind.BUSINESS,
        full_name="Общество с ограниченной ответственностью «Калужская строительная компания»",
        short_name="ООО «КСК»",
    )


@pytest.fixture
def sponsor(business: Organization) -> Any:
    return MembershipFactory(
        organization=business, role=Membership.Role.OWNER, user__email="sam@example.org"
    ).user


@pytest.fixture
def sponsor_member(business: Organization) -> Any:
    return MembershipFactory(
        organization=business, role=Membership.Role.MEMBER, user__email="sue@example.org"
    ).user


@pytest.fixture
def season(db: Any) -> FairSeason:
    return FairSeasonFactory.create(title="Ярмарка социальных проектов 2026", slug="fair-2026")


@pytest.fixture
def draft(ngo: Organization) -> Project:
    """A project of `ngo` not yet at the fair."""
    project = ProjectFactory.create(
        organization=ngo, title="Огород добрых соседей", status=Project.Status.IDEA
    )
    ProjectNeedFactory.create(
        project=project,
        kind=ProjectNeed.Kind.EQUIPMENT,
        description="Лопаты",
        quantity=15,
        unit="шт.",
    )
    return project


@pytest.fixture
def project(ngo: Organization, season: FairSeason) -> Project:
    project = ProjectFactory.create(organization=ngo, title="Тёплый дом")
    FairEntryFactory.create(season=season, project=project)
    return project


@pytest.fixture
def money_need(project: Project) -> ProjectNeed:
    return ProjectNeedFactory.create(project=project)
