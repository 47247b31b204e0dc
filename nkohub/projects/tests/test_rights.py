"""Every write on a project refuses people without the right: an outsider does not learn that a
project not shown at the fair exists (404); a member of its organisation who is not an editor gets 403."""

from typing import Any

import pytest
from django.urls import reverse

from nkohub.core.models import AuditEntry
from nkohub.projects.models import FairSeason, Project

pytestmark = pytest.mark.django_db


def _writes(project: Project, season: FairSeason) -> list[tuple[str, dict[str, Any]]]:
    need = project.needs.get()
    return [
        (reverse("projects:edit", args=[project.pk]), {"title": "Чужое"}),
        (reverse("projects:status", args=[project.pk]), {"status": "preparing"}),
        (
            reverse("projects:manage", args=[project.pk]),
            {"part": "team", "team-full_name": "X", "team-role": "Y"},
        ),
        (reverse("projects:part_delete", args=[project.pk, "need", need.pk]), {}),
        (reverse("projects:results", args=[project.pk]), {"outcome_story": "Чужой отчёт"}),
        (reverse("projects:submit", args=[project.pk]), {"season": season.pk}),
    ]


def test_an_outsider_gets_404_on_every_write(
    client: Any, outsider: Any, draft: Project, season: FairSeason
) -> None:
    client.force_login(outsider)
    for url, data in _writes(draft, season):
        assert client.post(url, data).status_code == 404, url
    assert not AuditEntry.objects.filter(action__startswith="projects.").exists()


def test_a_plain_member_gets_403_on_every_write(
    client: Any, member: Any, draft: Project, season: FairSeason
) -> None:
    client.force_login(member)
    for url, data in _writes(draft, season):
        assert client.post(url, data).status_code == 403, url
    assert not AuditEntry.objects.filter(action__startswith="projects.").exists()


def test_a_guest_is_sent_to_log_in_on_every_write(
    client: Any, draft: Project, season: FairSeason
) -> None:
    for url, data in _writes(draft, season):
        response = client.post(url, data)
        assert response.status_code == 302, url
        assert "/accounts/login/" in response["Location"]
    draft.refresh_from_db()
    assert draft.status == Project.Status.IDEA


def test_an_operator_may_edit_but_does_not_act_for_the_team(
    client: Any, operator: Any, draft: Project
) -> None:
    client.force_login(operator)
    form_page = client.get(reverse("projects:edit", args=[draft.pk]))
    assert form_page.status_code == 200
    assert "<h1>Редактирование проекта</h1>" in form_page.content.decode()
    assert f'value="{draft.title}"' in form_page.content.decode()
    assert (
        client.post(
            reverse("projects:status", args=[draft.pk]), {"status": "preparing"}
        ).status_code
        == 403
    )
