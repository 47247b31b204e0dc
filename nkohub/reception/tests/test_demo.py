"""The demo data: every state, two authorities with different records, and a second run changes nothing."""

from datetime import date, timedelta
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone

from nkohub.reception import selectors
from nkohub.reception.models import Appeal, AppealEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db: Any) -> None:
    call_command("load_reference", verbosity=0)
    call_command("load_demo", verbosity=0)


def test_the_demo_has_appeals_in_every_state_and_runs_twice_without_change(demo: None) -> None:
    assert set(Appeal.objects.values_list("status", flat=True)) == set(Appeal.Status.values)
    counts = (Appeal.objects.count(), AppealEvent.objects.count())
    call_command("load_demo", verbosity=0)
    assert (Appeal.objects.count(), AppealEvent.objects.count()) == counts


def test_the_two_demo_authorities_have_different_records(demo: None) -> None:
    today = timezone.localdate()
    records = {
        r.authority.short_name: r
        for r in selectors.authority_records(today - timedelta(days=365), today)
    }
    ministry, city = records["Минтруд Калужской области"], records["Управа г. Калуги"]
    assert ministry.in_time_percent == 100
    assert ministry.overdue_now == 0
    assert city.in_time_percent == 50
    assert (
        city.overdue_now == 3
    )  # one in work, one unregistered, one redirected to it and not registered
    assert ministry.median_days != city.median_days
    assert isinstance(today, date)
