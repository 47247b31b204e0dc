from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse

from nkohub.core.errors import DomainError
from nkohub.core.models import AuditEntry
from nkohub.projects import services
from nkohub.projects.models import PlannedResult, Project, ProjectNeed, TeamMember
from nkohub.projects.tests.factories import ProjectFactory, ProjectNeedFactory, make_municipality

pytestmark = pytest.mark.django_db

PROJECT_POST = {
    "organization": "",
    "title": "Школа заботы",
    "summary": "Занятия для родственников людей с деменцией.",
    "goal": "Научить 60 семей безопасному уходу.",
    "tasks": "Провести 12 занятий\n\n  Открыть группу поддержки  \n",
    "social_significance": "Семьи остаются без поддержки.",
    "covers_whole_region": "on",
    "target_groups": "Родственники\n- Сиделки",
    "starts_on": "2026-09-01",
    "ends_on": "2027-05-31",
    "budget_total": "280 000,50",
    "own_contribution": "30000",
    "cofinancing": "0",
}


def test_an_editor_creates_a_project_with_ordered_tasks_and_exact_money(
    client: Any, editor: Any, ngo: Any
) -> None:
    client.force_login(editor)
    response = client.post(reverse("projects:create"), {**PROJECT_POST, "organization": ngo.pk})
    project = Project.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("projects:manage", args=[project.pk])
    assert project.organization == ngo
    assert project.status == Project.Status.IDEA
    assert [(t.position, t.text) for t in project.tasks.all()] == [
        (1, "Провести 12 занятий"),
        (2, "Открыть группу поддержки"),
    ]
    assert project.budget_total == Decimal("280000.50")
    assert project.target_group_list == ["Родственники", "Сиделки"]
    assert AuditEntry.objects.filter(action="projects.project.create").exists()


def test_a_plain_member_cannot_create_a_project(client: Any, member: Any) -> None:
    client.force_login(member)
    assert client.get(reverse("projects:create")).status_code == 403


def test_an_editor_cannot_create_a_project_for_another_organisation(
    client: Any, editor: Any, other_ngo: Any
) -> None:
    client.force_login(editor)
    response = client.post(
        reverse("projects:create"), {**PROJECT_POST, "organization": other_ngo.pk}
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "Выберите корректный вариант. Вашего варианта нет среди допустимых значений." in content
    assert other_ngo.display_name not in content
    assert not Project.objects.exists()


def test_geography_is_required(client: Any, editor: Any, ngo: Any) -> None:
    client.force_login(editor)
    data = {**PROJECT_POST, "organization": ngo.pk}
    del data["covers_whole_region"]
    response = client.post(reverse("projects:create"), data)
    assert response.status_code == 200
    assert response.context["form"].errors["municipalities"] == [
        "Выберите муниципалитеты или отметьте «вся область»."
    ]


def test_own_contribution_and_cofinancing_cannot_exceed_the_budget(ngo: Any, editor: Any) -> None:
    with pytest.raises(DomainError) as error:
        services.project_create(
            actor=editor,
            organization=ngo,
            data={
                "title": "Проект",
                "summary": "Описание",
                "covers_whole_region": True,
                "budget_total": Decimal("100"),
                "own_contribution": Decimal("60"),
                "cofinancing": Decimal("40.01"),
            },
        )
    assert error.value.field == "cofinancing"


def test_an_editor_edits_the_project_and_tasks_are_renumbered(
    client: Any, editor: Any, ngo: Any
) -> None:
    project = ProjectFactory.create(organization=ngo)
    client.force_login(editor)
    data = {**PROJECT_POST, "tasks": "Вторая\nПервая", "title": "Новое название"}
    response = client.post(reverse("projects:edit", args=[project.pk]), data)
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.title == "Новое название"
    assert list(project.tasks.values_list("text", flat=True)) == ["Вторая", "Первая"]


def test_an_outsider_cannot_see_or_edit_a_project_not_at_the_fair(
    client: Any, outsider: Any, draft: Project
) -> None:
    client.force_login(outsider)
    assert client.get(reverse("projects:detail", args=[draft.pk])).status_code == 404
    assert client.post(reverse("projects:edit", args=[draft.pk]), PROJECT_POST).status_code == 404
    assert client.get(reverse("projects:detail", args=[draft.pk])).status_code == 404


def test_a_member_sees_the_draft_but_cannot_edit_it(
    client: Any, member: Any, draft: Project
) -> None:
    client.force_login(member)
    page = client.get(reverse("projects:detail", args=[draft.pk]))
    assert page.status_code == 200
    assert f"<h1>{draft.title}</h1>" in page.content.decode()
    assert "Проект пока не показан на ярмарке" in page.content.decode()
    assert reverse("projects:edit", args=[draft.pk]) not in page.content.decode()
    assert client.post(reverse("projects:edit", args=[draft.pk]), PROJECT_POST).status_code == 403
    draft.refresh_from_db()
    assert draft.title == "Огород добрых соседей"


def test_an_outsider_cannot_edit_a_project_shown_at_the_fair(
    client: Any, outsider: Any, project: Project
) -> None:
    client.force_login(outsider)
    page = client.get(reverse("projects:detail", args=[project.pk]))
    assert page.status_code == 200
    assert f"<h1>{project.title}</h1>" in page.content.decode()
    assert reverse("projects:edit", args=[project.pk]) not in page.content.decode()
    assert client.post(reverse("projects:edit", args=[project.pk]), PROJECT_POST).status_code == 403


def test_statuses_follow_the_allowed_transitions(editor: Any, draft: Project) -> None:
    services.project_change_status(
        actor=editor, project=draft, status=Project.Status.SEEKING_PARTNERS
    )
    services.project_change_status(actor=editor, project=draft, status=Project.Status.RUNNING)
    with pytest.raises(DomainError, match="нельзя перевести"):
        services.project_change_status(actor=editor, project=draft, status=Project.Status.IDEA)
    services.project_change_status(actor=editor, project=draft, status=Project.Status.COMPLETED)
    draft.refresh_from_db()
    assert draft.status == Project.Status.COMPLETED
    assert draft.next_statuses == []


def test_status_change_through_the_page(
    client: Any, editor: Any, member: Any, draft: Project
) -> None:
    url = reverse("projects:status", args=[draft.pk])
    client.force_login(member)
    assert client.post(url, {"status": "preparing"}).status_code == 403
    client.force_login(editor)
    assert client.post(url, {"status": "preparing"}).status_code == 302
    draft.refresh_from_db()
    assert draft.status == Project.Status.PREPARING


def test_the_team_adds_needs_results_and_team_members(
    client: Any, editor: Any, draft: Project
) -> None:
    client.force_login(editor)
    url = reverse("projects:manage", args=[draft.pk])
    client.post(
        url,
        {
            "part": "need",
            "need-kind": "money",
            "need-description": "Продукты",
            "need-quantity": "300 000",
        },
    )
    client.post(
        url,
        {
            "part": "result",
            "result-name": "Семей",
            "result-unit": "семей",
            "result-planned_value": "60",
        },
    )
    client.post(
        url, {"part": "team", "team-full_name": "Ирина Белова", "team-role": "руководитель"}
    )
    money = draft.needs.get(kind="money")
    assert (money.quantity, money.unit) == (Decimal("300000"), "₽")
    assert draft.planned_results.get().position == 1
    assert TeamMember.objects.filter(project=draft, full_name="Ирина Белова").exists()


def test_a_non_money_need_needs_a_unit(client: Any, editor: Any, draft: Project) -> None:
    client.force_login(editor)
    url = reverse("projects:manage", args=[draft.pk])
    response = client.post(
        url,
        {
            "part": "need",
            "need-kind": "volunteers",
            "need-description": "Волонтёры",
            "need-quantity": "5",
        },
    )
    assert response.status_code == 400
    assert "unit" in response.context["need_form"].errors


def test_a_member_cannot_add_or_delete_parts(client: Any, member: Any, draft: Project) -> None:
    client.force_login(member)
    need = draft.needs.get()
    url = reverse("projects:manage", args=[draft.pk])
    assert (
        client.post(url, {"part": "team", "team-full_name": "X", "team-role": "Y"}).status_code
        == 403
    )
    assert (
        client.post(reverse("projects:part_delete", args=[draft.pk, "need", need.pk])).status_code
        == 403
    )
    assert ProjectNeed.objects.filter(pk=need.pk).exists()


def test_deleting_a_planned_result_renumbers_the_rest(editor: Any, draft: Project) -> None:
    first = services.planned_result_add(
        actor=editor, project=draft, name="А", unit="чел.", planned_value=Decimal(1)
    )
    services.planned_result_add(
        actor=editor, project=draft, name="Б", unit="чел.", planned_value=Decimal(2)
    )
    services.planned_result_delete(actor=editor, result=first)
    assert list(PlannedResult.objects.filter(project=draft).values_list("name", "position")) == [
        ("Б", 1)
    ]


def test_a_part_of_another_project_cannot_be_deleted(
    client: Any, editor: Any, draft: Project
) -> None:
    foreign = ProjectNeedFactory.create()
    client.force_login(editor)
    response = client.post(reverse("projects:part_delete", args=[draft.pk, "need", foreign.pk]))
    assert response.status_code == 404


def test_the_municipality_list_is_kept(editor: Any, ngo: Any) -> None:
    kaluga = make_municipality(name="Калуга")
    project = services.project_create(
        actor=editor,
        organization=ngo,
        data={"title": "Проект", "summary": "Описание"},
        municipalities=[kaluga],
        tasks=["Одна"],
    )
    assert list(project.municipalities.all()) == [kaluga]


def test_my_projects_lists_the_organisations_projects(
    client: Any, editor: Any, draft: Project
) -> None:
    client.force_login(editor)
    response = client.get(reverse("projects:my_projects"))
    assert response.status_code == 200
    assert draft.title in response.content.decode()
