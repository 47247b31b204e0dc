from typing import Any

import pytest
from django.urls import reverse

from nkohub.projects import selectors
from nkohub.projects.cabinet import projects_cabinet_context
from nkohub.projects.models import Project, ProjectTask
from nkohub.projects.tests.factories import PlannedResultFactory, PledgeFactory

pytestmark = pytest.mark.django_db


def test_the_cabinet_shows_projects_and_offers_awaiting_an_answer(
    client: Any, editor: Any, project: Project
) -> None:
    PledgeFactory.create(project=project)
    client.force_login(editor)
    body = client.get(reverse("core:cabinet")).content.decode()
    assert project.title in body
    assert "1 предложение поддержки ждёт вашего ответа" in body


def test_the_cabinet_block_is_hidden_for_people_without_organisations(outsider: Any) -> None:
    assert projects_cabinet_context(outsider) is None


def test_a_sponsor_gets_the_link_to_the_sponsor_page(client: Any, sponsor: Any) -> None:
    client.force_login(sponsor)
    assert reverse("projects:sponsor_home") in client.get(reverse("core:cabinet")).content.decode()


def test_the_project_with_its_parts_for_the_application_builder(
    editor: Any, project: Project, django_assert_num_queries: Any
) -> None:
    ProjectTask.objects.create(project=project, position=2, text="Вторая")
    ProjectTask.objects.create(project=project, position=1, text="Первая")
    PlannedResultFactory.create(project=project, position=1)
    assert project in selectors.projects_user_manages(editor)
    with django_assert_num_queries(7):
        loaded = selectors.project_with_parts(project.pk)
        assert loaded is not None
        assert [t.text for t in loaded.tasks.all()] == ["Первая", "Вторая"]
        assert loaded.planned_results.all()[0].planned_value == 100
