"""The demo: calls past and future with responses and confirmed hours, a public record, a partnership,
a coalition with members and announcements, internships with requests; a second run changes nothing."""

from typing import Any

import pytest
from django.core.management import call_command
from django.urls import reverse

from nkohub.volunteering.models import (
    Alliance,
    CoalitionAnnouncement,
    CoalitionMember,
    InternshipRequest,
    VolunteerCall,
    VolunteerResponse,
)

pytestmark = pytest.mark.django_db

MODELS = (
    VolunteerCall,
    VolunteerResponse,
    Alliance,
    CoalitionMember,
    CoalitionAnnouncement,
    InternshipRequest,
)


def counts() -> tuple[int, ...]:
    return tuple(m.objects.count() for m in MODELS)


def test_the_demo_is_complete_and_a_second_run_changes_nothing(client: Any) -> None:
    call_command("load_demo", "--quiet-logins")
    first = counts()
    call_command("load_demo", "--quiet-logins")
    assert counts() == first
    assert first == (5, 7, 1, 3, 2, 2)
    confirmed = VolunteerResponse.objects.filter(hours_status="confirmed")
    member = confirmed.get(hours=4, user__email="member@demo.nko-cluster.ru").user
    page = client.get(reverse("volunteering:record", args=[member.pk])).content.decode()
    assert "Подтверждённых волонтёрских часов: 4<" in page
