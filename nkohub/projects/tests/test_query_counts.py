"""Pages that list things make the same number of queries for few and many rows."""

from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from nkohub.accounts.tests.factories import UserFactory
from nkohub.projects import services
from nkohub.projects.models import FairEntry, FairSeason, Project, ProjectNeed
from nkohub.projects.tests.factories import (
    FairEntryFactory,
    PledgeFactory,
    ProjectFactory,
    ProjectNeedFactory,
)

pytestmark = pytest.mark.django_db


def _pledges(project: Project, need: ProjectNeed, editor: Any, count: int) -> None:
    for index in range(count):
        pledge = PledgeFactory.create(
            project=project, need=need, amount=Decimal("100.00"), pledged_by=UserFactory()
        )
        if index % 2:
            partnership = services.pledge_accept(actor=editor, pledge=pledge)
            services.fulfilment_record(
                actor=editor,
                partnership=partnership,
                received_on=timezone.localdate(),
                amount=Decimal("10.00"),
            )


@pytest.mark.parametrize("count", [2, 8])
def test_the_project_page_for_the_team(
    client: Any,
    editor: Any,
    project: Project,
    money_need: ProjectNeed,
    django_assert_num_queries: Any,
    count: int,
) -> None:
    _pledges(project, money_need, editor, count)
    client.force_login(editor)
    client.get(reverse("projects:detail", args=[project.pk]))
    with django_assert_num_queries(18):
        response = client.get(reverse("projects:detail", args=[project.pk]))
    assert len(response.context["pledges"]) == count


@pytest.mark.parametrize("count", [3, 12])
def test_my_projects(
    client: Any, editor: Any, ngo: Any, django_assert_num_queries: Any, count: int
) -> None:
    for _ in range(count):
        project = ProjectFactory.create(organization=ngo)
        PledgeFactory.create(project=project)
    client.force_login(editor)
    client.get(reverse("projects:my_projects"))
    with django_assert_num_queries(7):
        client.get(reverse("projects:my_projects"))


@pytest.mark.parametrize("count", [3, 12])
def test_moderation(
    client: Any, operator: Any, season: FairSeason, django_assert_num_queries: Any, count: int
) -> None:
    for _ in range(count):
        FairEntryFactory.create(season=season, status=FairEntry.Status.SUBMITTED)
    client.force_login(operator)
    client.get(reverse("projects:moderation"))
    with django_assert_num_queries(4):
        client.get(reverse("projects:moderation"))


@pytest.mark.parametrize("count", [2, 8])
def test_the_sponsor_page(
    client: Any,
    sponsor: Any,
    business: Any,
    editor: Any,
    season: FairSeason,
    django_assert_num_queries: Any,
    count: int,
) -> None:
    for _ in range(count):
        project = ProjectFactory.create()
        FairEntryFactory.create(project=project, season=season)
        need = ProjectNeedFactory.create(project=project)
        pledge = PledgeFactory.create(
            project=project, need=need, organization=business, pledged_by=sponsor
        )
        partnership = services.pledge_accept(actor=editor, pledge=pledge)
        services.fulfilment_record(
            actor=editor,
            partnership=partnership,
            received_on=timezone.localdate(),
            amount=Decimal(1),
        )
    client.force_login(sponsor)
    url = reverse("projects:sponsor", args=[business.pk])
    client.get(url)
    with django_assert_num_queries(17):  # 15, and 2 for how far the cards' needs are covered
        client.get(url)
