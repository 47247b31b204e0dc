"""The demo: open PFG and PFCI competitions and applications of ngo and ngo2 in every state."""

from typing import Any

import pytest
from django.core.management import call_command

from nkohub.grants.models import Application, ApplicationVersion, Competition, RegionComparison

pytestmark = pytest.mark.django_db


def counts() -> tuple[int, ...]:
    return (
        Competition.objects.count(),
        Application.objects.count(),
        ApplicationVersion.objects.count(),
        RegionComparison.objects.count(),
    )


def test_the_demo_loads_every_state_and_a_second_run_changes_nothing(settings: Any) -> None:
    call_command("load_demo", "--quiet-logins")
    first = counts()
    call_command("load_demo", "--quiet-logins")
    assert counts() == first
    for name in ("АНО «Добрые соседи»", "Фонд «Калужский край»"):
        states = set(
            Application.objects.filter(organization__short_name=name).values_list(
                "status", flat=True
            )
        )
        assert states == {s.value for s in Application.Status}
    open_now = Competition.objects.filter(
        applications_open_on__lte="2026-11-23", applications_close_on__gte="2026-11-23"
    )
    assert set(open_now.values_list("funder__code", flat=True)) >= {"pfg", "pfci"}
    assert RegionComparison.objects.get(year_from=2017, year_to=2021).applications == 1378
