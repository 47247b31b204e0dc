"""Import of the Fund's project cards: command, folder, dry run, JSON, operator's page."""

import json
from decimal import Decimal
from io import StringIO
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from nkohub.grants.card_import import fund_card_import
from nkohub.grants.models import Application
from nkohub.grants.tests.conftest import CARDS, fund_direction
from nkohub.organizations.models import Organization
from nkohub.organizations.tests.factories import LegalFormFactory, OrganizationFactory
from nkohub.projects.models import Project

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = StringIO()
    call_command("import_fund_card", *args, stdout=out)
    return out.getvalue()


def test_a_card_creates_the_organisation_project_and_application_with_its_outcome(
    memory: Any,
) -> None:
    run(str(CARDS / "01_winner_clean.txt"))
    organization = Organization.objects.get(ogrn="1124043899198")
    assert organization.inn == "4063520803"
    assert organization.source == Organization.Source.FUND_CARD
    application = Application.objects.get(fund_number="23-1-004417")
    assert application.organization == organization
    assert application.status == Application.Status.WON
    assert application.awarded_amount == Decimal("1486230.00")
    assert application.direction == memory
    assert application.tasks.count() == 3
    assert application.versions.count() == 1
    project = application.project
    assert project is not None
    assert project.title == application.title
    assert project.budget_total == Decimal("1898730.00")
    assert list(project.tasks.values_list("position", flat=True)) == [1, 2, 3]


def test_importing_the_same_card_again_updates_instead_of_duplicating(memory: Any) -> None:
    run(str(CARDS / "01_winner_clean.txt"))
    run(str(CARDS / "01_winner_clean.txt"))
    assert Organization.objects.filter(ogrn="1124043899198").count() == 1
    assert Project.objects.filter(title__startswith="Тропа памяти").count() == 1
    application = Application.objects.get(fund_number="23-1-004417")
    assert application.versions.count() == 2


def test_the_organisation_is_found_by_ogrn_then_by_inn() -> None:
    by_ogrn: Any = OrganizationFactory(ogrn="1124043899198", inn=None, full_name="Поисковый отряд")
    by_inn: Any = OrganizationFactory(inn="4072312920", ogrn=None, full_name="Центр «Вместе»")
    run(str(CARDS / "01_winner_clean.txt"))
    run(str(CARDS / "02_not_supported_markup.html"))
    by_ogrn.refresh_from_db()
    by_inn.refresh_from_db()
    assert by_ogrn.inn == "4063520803"  # the missing INN is filled in, the name is kept
    assert by_ogrn.full_name == "Поисковый отряд"
    assert by_inn.ogrn == "1124056537659"
    assert Application.objects.get(fund_number="22-2-008815").organization == by_inn
    assert Organization.objects.count() == 2


def test_ogrn_and_inn_of_two_different_organisations_stop_the_card() -> None:
    OrganizationFactory(ogrn="1124043899198", inn=None)
    OrganizationFactory(inn="4063520803", ogrn=None)
    result = fund_card_import(
        actor=None, text=(CARDS / "01_winner_clean.txt").read_text(encoding="utf-8")
    )
    assert not result.ok
    assert "разным организациям" in result.error
    assert not Application.objects.exists()


def test_a_folder_imports_in_one_go_and_reports_the_card_it_could_not_import() -> None:
    with pytest.raises(CommandError, match="1 из 7"):
        run(str(CARDS))
    assert Application.objects.count() == 6
    statuses = dict(Application.objects.values_list("title", "status"))
    assert statuses["Зелёный двор: экологическое просвещение жителей Калуги"] == "submitted"
    assert not Organization.objects.filter(full_name__contains="Дом для всех").exists()


def test_unread_fields_are_left_empty_not_guessed() -> None:
    result = fund_card_import(
        actor=None, text=(CARDS / "03_missing_sections.txt").read_text(encoding="utf-8")
    )
    assert result.ok
    assert result.application_id is not None
    application = Application.objects.get(pk=result.application_id)
    assert application.fund_number is None
    assert application.submitted_on is None
    assert application.starts_on is None
    assert application.ends_on is None
    assert application.cofinancing_amount == Decimal("0")
    assert application.direction is None
    assert application.organization.inn is None  # its check digit was wrong
    assert {p.field for p in result.problems} >= {"inn", "direction", "fund_number"}


def test_dry_run_changes_nothing_and_says_what_would_happen() -> None:
    output = run(str(CARDS / "01_winner_clean.txt"), "--dry-run")
    assert "проверена" in output
    assert "organization: created" in output
    assert not Organization.objects.exists()
    assert not Application.objects.exists()
    assert not Project.objects.exists()


def test_json_prints_every_field_read_and_every_field_not_read() -> None:
    output = run(str(CARDS / "03_missing_sections.txt"), "--json", "--dry-run")
    data = json.loads(output)
    assert data["fields"]["requested_amount"] == "987654.30"
    assert data["fields"]["total_amount"] == "1287654.30"
    assert data["fields"]["tasks"][0] == "Провести 6 обучающих модулей."
    unread = {item["field"]: item for item in data["unread"]}
    assert unread["inn"]["label"] == "ИНН"
    assert "submitted_on" in unread
    assert "geography" in unread
    assert data["dry_run"] is True


def test_json_of_a_folder_is_a_list_with_dates_in_iso_form() -> None:
    with pytest.raises(CommandError):
        run(str(CARDS), "--json", "--dry-run")
    out = StringIO()
    with pytest.raises(CommandError):
        call_command("import_fund_card", str(CARDS), "--json", "--dry-run", stdout=out)
    data = json.loads(out.getvalue())
    assert len(data) == 7
    assert data[0]["fields"]["submitted_on"] == "2022-09-15"
    assert data[4]["error"].startswith("Карточка не импортирована")


def test_a_missing_path_is_a_clear_error() -> None:
    with pytest.raises(CommandError, match="Нет такого файла"):
        run("/nonexistent/card.txt")


def test_an_operator_pastes_a_card_and_sees_what_was_read(client: Any, operator: Any) -> None:
    client.force_login(operator)
    text = (CARDS / "03_missing_sections.txt").read_text(encoding="utf-8")
    response = client.post(reverse("grants:card_import"), {"text": text, "dry_run": "on"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Не прочитано" in page
    assert "контрольная цифра не сходится" in page
    assert "987654.30" in page
    assert not Application.objects.exists()
    response = client.post(reverse("grants:card_import"), {"text": text})
    assert Application.objects.count() == 1
    assert "Карточка импортирована" in response.content.decode()


@pytest.mark.parametrize("person", ["owner", "outsider"])
def test_only_operators_may_import_cards(client: Any, person: str, request: Any) -> None:
    client.force_login(request.getfixturevalue(person))
    text = (CARDS / "01_winner_clean.txt").read_text(encoding="utf-8")
    assert client.post(reverse("grants:card_import"), {"text": text}).status_code == 404
    assert not Application.objects.exists()


def test_imported_applications_are_counted_under_the_fund() -> None:
    run(str(CARDS / "04_submitted_markdown.md"))
    application = Application.objects.get()
    assert application.funder is not None
    assert application.funder.short_name == "ФПГ"
    assert application.competition is None  # no such competition on the platform: kept as text
    assert application.competition_title == "Второй конкурс 2025"


def test_a_card_is_tied_to_the_funds_competition_of_the_same_name(competition: Any) -> None:
    competition.title = "Второй конкурс 2025"
    competition.save()
    run(str(CARDS / "04_submitted_markdown.md"))
    assert Application.objects.get().competition == competition


def test_the_funders_reference_data_loads_once() -> None:
    from nkohub.grants.models import Funder
    from nkohub.grants.reference import load

    assert load() == "грантодатели: создано 2"
    assert load() == "грантодатели: создано 0"
    assert set(Funder.objects.values_list("code", flat=True)) == {"pfg", "pfci"}


@pytest.fixture
def civil_society(db: Any) -> Any:
    return fund_direction("civil-society", "Развитие институтов гражданского общества", 12)


def test_a_card_copied_from_the_site_creates_its_organisation_through_the_registry(
    civil_society: Any,
) -> None:
    partnership = LegalFormFactory(name="Некоммерческое партнерство", short_name="НП")
    result = fund_card_import(
        actor=None, text=(CARDS / "06_site_copy_no_colons.txt").read_text(encoding="utf-8")
    )
    assert result.ok, result.error
    assert result.problems == []
    organization = Organization.objects.get(ogrn="1104060800910")
    assert organization.full_name.startswith("НЕКОММЕРЧЕСКОЕ ПАРТНЕРСТВО")
    assert organization.legal_form == partnership
    assert organization.source_id == "23-1-012905"
    application = Application.objects.get(fund_number="23-1-012905")
    assert application.status == Application.Status.WON
    assert application.awarded_amount == Decimal("3321441.50")
    assert application.requested_amount == Decimal("3321441.50")  # said in a note
    assert any("размер гранта вместо запрашиваемой" in note for note in result.notes)
    assert application.cofinancing_amount == Decimal("1126000.00")
    assert application.direction == civil_society
    assert application.target_group_list == [
        "Одинокие пожилые люди старше 70 лет",
        "Жители сёл, готовые стать добровольцами",
    ]


def test_a_card_saved_in_windows_1251_is_imported_by_the_command() -> None:
    output = run(str(CARDS / "07_two_lines_cp1251.TXT"))
    assert "импортирована" in output
    application = Application.objects.get(fund_number="25-2-004821")
    assert application.status == Application.Status.SUBMITTED
    assert application.requested_amount == Decimal("1984300.00")
    assert application.organization.full_name.startswith("АВТОНОМНАЯ НЕКОММЕРЧЕСКАЯ")


def test_one_unreadable_field_never_stops_the_card() -> None:
    text = (CARDS / "06_site_copy_no_colons.txt").read_text(encoding="utf-8")
    text = text.replace("• Дата подачи 15.09.2022", "• Дата подачи 31.09.2022")
    text = text.replace("• Организация НЕКОММЕРЧЕСКОЕ", "• Организаци НЕКОММЕРЧЕСКОЕ")
    OrganizationFactory(ogrn="1104060800910", inn="4066750788", full_name="НП «Содействие»")
    result = fund_card_import(actor=None, text=text)
    assert result.ok, result.error
    unread = {p.field: p.reason for p in result.problems}
    assert unread["submitted_on"] == "дата не распознана: «31.09.2022»"
    assert "organization" in unread  # the name is not read, the registry knows the OGRN
    application = Application.objects.get(fund_number="23-1-012905")
    assert application.organization.full_name == "НП «Содействие»"
    assert application.submitted_on is None


def test_an_unknown_organisation_without_a_name_is_refused_with_the_reason() -> None:
    text = (CARDS / "06_site_copy_no_colons.txt").read_text(encoding="utf-8")
    text = text.replace("• Организация НЕКОММЕРЧЕСКОЕ", "• Организаци НЕКОММЕРЧЕСКОЕ")
    result = fund_card_import(actor=None, text=text)
    assert not result.ok
    assert "название в карточке не прочитано" in result.error
    assert not Application.objects.exists()
    assert not Organization.objects.exists()
