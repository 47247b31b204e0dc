"""The application builder: start from a project, edit with versions, compare, restore, rights."""

import io
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse
from docx import Document

from nkohub.core.errors import DomainError
from nkohub.grants import services
from nkohub.grants.document import compare, snapshot_of
from nkohub.grants.models import Application, Competition
from nkohub.grants.selectors import application_document, check_application
from nkohub.grants.tests.conftest import clean_document
from nkohub.organizations.models import Organization
from nkohub.projects.models import Project
from nkohub.territories.models import Municipality

pytestmark = pytest.mark.django_db


def form_data(doc: dict[str, Any], version: int, **extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "base_version": version,
        "title": doc["title"],
        "direction": doc["direction_id"],
        "starts_on": doc["starts_on"],
        "ends_on": doc["ends_on"],
        "requested_amount": doc["requested_amount"],
        "cofinancing_amount": doc["cofinancing_amount"],
        "total_amount": doc["total_amount"],
        "summary": doc["summary"],
        "goal": doc["goal"],
        "social_significance": doc["social_significance"],
        "municipalities": [m["id"] for m in doc["municipalities"]],
        "geography": doc["geography"],
        "target_groups": doc["target_groups"],
        "contacts": doc["contacts"],
        "cofinancing_sources": doc.get("cofinancing_sources", ""),
        "note": "",
    }
    for prefix, rows, fields in (
        ("tasks", doc["tasks"], ["text"]),
        ("team", doc.get("team", []), ["name", "role", "experience"]),
        ("budget", doc["budget_items"], ["category", "name", "amount", "cofinancing"]),
        (
            "plan",
            doc["plan_events"],
            ["task_number", "title", "starts_on", "ends_on", "expected_result"],
        ),
    ):
        data[f"{prefix}-TOTAL_FORMS"] = len(rows)
        data[f"{prefix}-INITIAL_FORMS"] = 0
        for index, row in enumerate(rows):
            for name in fields:
                data[f"{prefix}-{index}-{name}"] = row[name]
    data.update(extra)
    return data


def test_an_application_starts_with_the_projects_fields(
    application: Application, project: Project, social: Any, kaluga: Municipality
) -> None:
    assert application.title == project.title
    assert application.goal == project.goal
    assert application.summary == project.summary
    assert application.direction == social
    assert application.target_group_list == ["Пожилые люди старше 65 лет", "Волонтёры"]
    assert list(application.municipalities.all()) == [kaluga]
    assert [t.text for t in application.tasks.all()] == [t.text for t in project.tasks.all()]
    assert application.requested_amount == project.requested_amount
    assert application.cofinancing_amount == Decimal("380000.00")
    assert application.version == 1
    assert application.versions.get().number == 1
    assert application.status == Application.Status.DRAFT


def test_the_application_is_independent_of_the_project_afterwards(
    application: Application, project: Project
) -> None:
    project.title = "Новое имя проекта"
    project.save()
    project.tasks.all().delete()
    application.refresh_from_db()
    assert application.title == "Соседи рядом"
    assert application.tasks.count() == 2


def test_a_member_starts_an_application_on_the_competition_page(
    client: Any, editor: Any, ngo: Organization, competition: Competition, project: Project
) -> None:
    client.force_login(editor)
    page = client.get(reverse("grants:competition", args=[competition.pk]))
    assert "Начать заявку" in page.content.decode()
    response = client.post(
        reverse("grants:application_start", args=[competition.pk]),
        {"organization": ngo.pk, "project": project.pk},
    )
    application = Application.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("grants:application_edit", args=[application.pk])
    assert application.project == project
    assert application.created_by == editor


def test_a_project_of_another_organisation_cannot_be_used(
    client: Any, owner: Any, ngo: Organization, competition: Competition, other_ngo: Any
) -> None:
    foreign = Project.objects.create(organization=other_ngo, title="Чужой", summary="Чужой")
    client.force_login(owner)
    response = client.post(
        reverse("grants:application_start", args=[competition.pk]),
        {"organization": ngo.pk, "project": foreign.pk},
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "Выберите корректный вариант. Вашего варианта нет среди допустимых значений." in content
    assert "Чужой" not in content
    assert not Application.objects.exists()


def test_a_plain_member_of_the_organisation_cannot_start_an_application(
    client: Any, member: Any, ngo: Organization, competition: Competition
) -> None:
    client.force_login(member)
    response = client.post(
        reverse("grants:application_start", args=[competition.pk]), {"organization": ngo.pk}
    )
    assert response.status_code == 404
    assert not Application.objects.exists()


def test_an_editor_saves_the_builder_form_as_a_new_version(
    client: Any,
    editor: Any,
    application: Application,
    kaluga: Municipality,
    social: Any,
    ngo: Organization,
) -> None:
    ngo.website = "https://dobrye-sosedi.example.org"  # information openness
    ngo.save()
    client.force_login(editor)
    form_page = client.get(reverse("grants:application_edit", args=[application.pk]))
    assert form_page.status_code == 200
    assert f"<h1>{application.title}</h1>" in form_page.content.decode()
    assert "· версия 1</p>" in form_page.content.decode()
    doc = clean_document(kaluga, social.pk)
    response = client.post(
        reverse("grants:application_edit", args=[application.pk]),
        form_data(doc, 1, note="Заполнили бюджет", check="1"),
    )
    assert response.status_code == 302, response.context and response.context["form"].errors
    assert response["Location"] == reverse("grants:application_check", args=[application.pk])
    application.refresh_from_db()
    assert application.version == 2
    assert application.updated_by == editor
    assert application.budget_items.count() == 4
    assert application.plan_events.count() == 4
    version = application.versions.get(number=2)
    assert version.note == "Заполнили бюджет"
    assert version.created_by == editor
    assert check_application(application) == []
    page = client.get(response["Location"]).content.decode()
    assert "Проверка не нашла" in page


def test_a_stale_form_does_not_overwrite_someone_elses_save(
    client: Any, owner: Any, editor: Any, application: Application, kaluga: Any, social: Any
) -> None:
    doc = clean_document(kaluga, social.pk)
    services.application_save(actor=owner, application=application, document=doc, base_version=1)
    client.force_login(editor)
    stale = form_data(doc, 1, title="Моё название")
    response = client.post(reverse("grants:application_edit", args=[application.pk]), stale)
    assert response.status_code == 200
    assert "Пока вы редактировали" in response.content.decode()
    application.refresh_from_db()
    assert application.version == 2
    assert application.title == doc["title"]


def test_versions_are_compared_field_by_field(
    owner: Any, application: Application, kaluga: Any, social: Any
) -> None:
    first = snapshot_of(application_document(application))
    doc = clean_document(kaluga, social.pk)
    version = services.application_save(
        actor=owner, application=application, document=doc, base_version=1
    )
    changes = {c.field: c for c in compare(first, version.snapshot)}
    assert {"title", "summary", "goal", "tasks", "budget_items", "plan_events"} <= set(changes)
    # The project's money and territory were carried over, so they did not change.
    assert not {"requested_amount", "total_amount", "geography"} & set(changes)
    assert changes["budget_items"].old == ""
    assert "720\u00a0000,00\u00a0₽" in changes["budget_items"].new
    assert changes["title"].old == "Соседи рядом"


def test_the_versions_page_shows_the_difference(
    client: Any, member: Any, owner: Any, application: Application, kaluga: Any, social: Any
) -> None:
    doc = clean_document(kaluga, social.pk)
    services.application_save(actor=owner, application=application, document=doc, base_version=1)
    client.force_login(member)  # members of the organisation may read
    url = reverse("grants:application_versions", args=[application.pk]) + "?a=1&b=2"
    page = client.get(url).content.decode()
    assert "Версия 1 в сравнении с версией 2" in page
    assert "Соседи рядом: помощь волонтёров" in page
    assert "Восстановить" not in page  # a plain member cannot restore


def test_restoring_a_version_makes_it_the_newest(
    client: Any, owner: Any, application: Application, kaluga: Any, social: Any
) -> None:
    doc = clean_document(kaluga, social.pk)
    services.application_save(actor=owner, application=application, document=doc, base_version=1)
    client.force_login(owner)
    response = client.post(reverse("grants:application_restore", args=[application.pk, 1]))
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.version == 3
    assert application.title == "Соседи рядом"
    assert application.budget_items.count() == 0
    assert application.versions.get(number=3).note == "Восстановлена версия 1"
    assert (
        compare(
            application.versions.get(number=1).snapshot, application.versions.get(number=3).snapshot
        )
        == []
    )


@pytest.mark.parametrize(
    ("person", "status"), [("member", 403), ("outsider", 404), ("official", 404)]
)
def test_only_owners_and_editors_edit_and_restore(
    client: Any, application: Application, person: str, status: int, request: Any
) -> None:
    client.force_login(request.getfixturevalue(person))
    edit = reverse("grants:application_edit", args=[application.pk])
    assert client.get(edit).status_code == status
    assert client.post(edit, {"base_version": 1, "title": "Взлом"}).status_code == status
    restore = reverse("grants:application_restore", args=[application.pk, 1])
    assert client.post(restore).status_code == status
    application.refresh_from_db()
    assert application.version == 1
    assert application.title == "Соседи рядом"


def test_outsiders_do_not_learn_that_an_application_exists(
    client: Any, outsider: Any, application: Application
) -> None:
    client.force_login(outsider)
    for name in ("grants:application", "grants:application_check", "grants:application_versions"):
        assert client.get(reverse(name, args=[application.pk])).status_code == 404
    export = reverse("grants:application_export", args=[application.pk, "docx"])
    assert client.get(export).status_code == 404


def test_anonymous_people_are_sent_to_log_in(client: Any, application: Application) -> None:
    response = client.get(reverse("grants:application", args=[application.pk]))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_a_submitted_application_is_no_longer_editable(
    client: Any, owner: Any, application: Application
) -> None:
    services.application_change_status(
        actor=owner, application=application, status="submitted", fund_number="27-1-000001"
    )
    client.force_login(owner)
    response = client.get(reverse("grants:application_edit", args=[application.pk]))
    assert response.status_code == 403


def test_the_application_page_lists_the_checkers_findings(
    client: Any, owner: Any, application: Application
) -> None:
    client.force_login(owner)
    page = client.get(reverse("grants:application", args=[application.pk])).content.decode()
    assert "Бюджет проекта пуст." in page
    assert "Календарный план пуст." in page
    assert f'href="/grants/applications/{application.pk}/#part-budget_items"' in page


# --- exports --------------------------------------------------------------------------


def test_the_docx_export_opens_and_follows_the_funds_order(
    client: Any, member: Any, full_application: Application, tmp_path: Path
) -> None:
    client.force_login(member)
    response = client.get(reverse("grants:application_export", args=[full_application.pk, "docx"]))
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    body = b"".join(response.streaming_content) if response.streaming else response.content
    document = Document(io.BytesIO(body))
    headings = [
        p.text for p in document.paragraphs if p.style is not None and p.style.name == "Heading 1"
    ]
    assert headings == [
        "Краткое описание",
        "Цель",
        "Задачи",
        "Обоснование социальной значимости",
        "География проекта",
        "Целевые группы",
        "Команда проекта",
        "Бюджет",
        "Софинансирование и собственный вклад",
        "Календарный план",
        "Контактная информация",
    ]
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Запрашиваемая сумма: 1\u00a0450\u00a0000,00\u00a0₽" in text
    budget, plan = document.tables
    assert budget.rows[1].cells[1].text == "Оплата труда координатора волонтёров"
    assert plan.rows[4].cells[4].text == "30 волонтёров обучены и работают в проекте"
    path = tmp_path / "application.docx"
    path.write_bytes(body)
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed: the DOCX was checked with python-docx only")
    subprocess.run(
        [
            soffice,
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert (tmp_path / "application.pdf").read_bytes().startswith(b"%PDF")


def test_unknown_export_formats_are_not_found(
    client: Any, owner: Any, application: Application
) -> None:
    client.force_login(owner)
    url = f"/grants/applications/{application.pk}/export.exe"
    assert client.get(url).status_code == 404


def test_a_start_without_a_project_gives_a_blank_application(
    owner: Any, ngo: Organization, competition: Competition
) -> None:
    application = services.application_start(actor=owner, organization=ngo, competition=competition)
    assert application.title.startswith("Новая заявка на конкурс")
    assert application.direction is not None  # the competition's only direction
    assert application.tasks.count() == 0


def test_restoring_a_missing_version_is_a_domain_error(
    owner: Any, application: Application
) -> None:
    with pytest.raises(DomainError, match="Версии 7"):
        services.application_restore(actor=owner, application=application, number=7)


def _as_rendered(response: Any) -> dict[str, Any]:
    """The edit form submitted exactly as the page rendered it (nothing typed)."""
    context = response.context
    forms = [context["form"]]
    data: dict[str, Any] = {}
    for key in ("tasks", "team", "budget", "plan"):
        formset = context[key]
        data.update(
            {
                formset.management_form.add_prefix(k): v
                for k, v in formset.management_form.initial.items()
            }
        )
        forms += formset.forms
    for form in forms:
        for name in form.fields:
            value = form[name].value()
            if value is not None and value is not False and value != "":
                data[form.add_prefix(name)] = value
    return data


def test_saving_the_form_as_it_is_keeps_every_row(
    client: Any, owner: Any, full_application: Application
) -> None:
    application = full_application
    client.force_login(owner)
    url = reverse("grants:application_edit", args=[application.pk])
    data = _as_rendered(client.get(url))
    response = client.post(url, data)
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.version == 3
    assert application.tasks.count() == 3
    assert application.budget_items.count() == 4
    assert application.plan_events.count() == 4
    latest = application.versions.get(number=3).snapshot
    assert compare(application.versions.get(number=2).snapshot, latest) == []


def test_a_row_marked_for_deletion_is_removed(
    client: Any, owner: Any, full_application: Application
) -> None:
    application = full_application
    client.force_login(owner)
    url = reverse("grants:application_edit", args=[application.pk])
    data = _as_rendered(client.get(url))
    data["budget-3-DELETE"] = "on"
    client.post(url, data)
    assert application.budget_items.count() == 3


def test_the_application_page_shows_every_part_in_the_funds_order(
    client: Any, member: Any, full_application: Application
) -> None:
    client.force_login(member)
    page = client.get(reverse("grants:application", args=[full_application.pk])).content.decode()
    assert "('name'" not in page
    assert "1\u00a0450\u00a0000,00\u00a0₽" in page
    assert "Оплата труда координатора волонтёров" in page
    positions = [
        page.index(f'id="part-{name}"')
        for name in ("title", "summary", "goal", "tasks", "social_significance", "budget_items")
    ]
    assert positions == sorted(positions)
