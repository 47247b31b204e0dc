from typing import Any

import pytest
from django.core.management import call_command

from nkohub.accounts.personal_data import handlers
from nkohub.projects.models import (
    FairEntry,
    FairSeason,
    Fulfilment,
    Partnership,
    Pledge,
    Project,
    TeamMember,
)
from nkohub.projects.personal_data import erase_project_data, export_project_data
from nkohub.projects.tests.factories import PledgeFactory

pytestmark = pytest.mark.django_db


def _counts() -> tuple[int, ...]:
    return tuple(
        m.objects.count() for m in (FairSeason, Project, FairEntry, Pledge, Partnership, Fulfilment)
    )


def test_the_demo_has_a_season_with_every_status_and_loads_twice_without_change() -> None:
    call_command("load_reference", verbosity=0)
    call_command("load_demo", verbosity=0)
    first = _counts()
    season = FairSeason.objects.get(title="Ярмарка социальных проектов 2026")
    assert set(Project.objects.values_list("status", flat=True)) == set(Project.Status.values)
    assert season.entries.filter(status=FairEntry.Status.ACCEPTED).count() >= 3
    assert Partnership.objects.exists()
    assert Fulfilment.objects.exists()
    call_command("load_demo", verbosity=0)
    assert _counts() == first


def test_personal_data_export_and_erase(
    outsider: Any, sponsor: Any, business: Any, project: Project
) -> None:
    assert "projects" in [h.key for h in handlers()]
    personal = PledgeFactory.create(
        project=project, pledged_by=outsider, kind="goods", amount=None, description="Пледы"
    )
    corporate = PledgeFactory.create(project=project, pledged_by=outsider, organization=business)
    TeamMember.objects.create(project=project, user=outsider, full_name="Чарли", role="волонтёр")
    exported = export_project_data(outsider)
    assert len(exported["pledges"]) == 2
    assert exported["team_roles"][0]["role"] == "волонтёр"
    summary = erase_project_data(outsider)
    assert summary["team_roles_deleted"] == 1
    assert not Pledge.objects.filter(pk=personal.pk).exists()
    corporate.refresh_from_db()
    assert corporate.pledged_by is None
