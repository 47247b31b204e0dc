from typing import Any

import pytest
from django.urls import reverse

from nkohub.core.models import AuditEntry
from nkohub.projects.models import FairSeason

pytestmark = pytest.mark.django_db

SEASON_POST = {
    "title": "Ярмарка социальных проектов 2027",
    "slug": "fair-2027",
    "description": "Весенняя ярмарка",
    "submissions_open_on": "2027-02-01",
    "submissions_close_on": "2027-03-15",
    "starts_on": "2027-04-01",
    "ends_on": "2027-04-30",
}


def test_the_operator_creates_and_edits_a_season(client: Any, operator: Any) -> None:
    client.force_login(operator)
    assert client.post(reverse("projects:seasons"), SEASON_POST).status_code == 302
    season = FairSeason.objects.get(slug="fair-2027")
    response = client.post(
        reverse("projects:season_edit", args=[season.pk]), {**SEASON_POST, "ends_on": "2027-05-05"}
    )
    assert response.status_code == 302
    season.refresh_from_db()
    assert str(season.ends_on) == "2027-05-05"
    assert AuditEntry.objects.filter(action="projects.season.update").exists()


def test_submissions_must_close_after_they_open(client: Any, operator: Any) -> None:
    client.force_login(operator)
    response = client.post(
        reverse("projects:seasons"), {**SEASON_POST, "submissions_close_on": "2027-01-01"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["submissions_close_on"] == [
        "Приём проектов не может закончиться раньше, чем начался."
    ]
    assert not FairSeason.objects.exists()


@pytest.mark.parametrize("person", ["editor", "outsider"])
def test_only_operators_manage_seasons(
    client: Any, request: Any, person: str, season: FairSeason
) -> None:
    client.force_login(request.getfixturevalue(person))
    assert client.get(reverse("projects:seasons")).status_code == 403
    assert client.post(reverse("projects:seasons"), SEASON_POST).status_code == 403
    assert (
        client.post(reverse("projects:season_edit", args=[season.pk]), SEASON_POST).status_code
        == 403
    )
    assert FairSeason.objects.count() == 1
