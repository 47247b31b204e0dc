"""Imports: the Ministry of Justice's open data and spreadsheets, re-import, row-by-row report."""

import io
import random
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from openpyxl import Workbook

from nkohub.core.identifiers import make_inn_legal, make_ogrn
from nkohub.organizations.imports.runs import import_file
from nkohub.organizations.models import ImportRun, Organization

pytestmark = pytest.mark.django_db
rng = random.Random(11)
INN_A, OGRN_A = make_inn_legal(rng), make_ogrn(rng)
INN_B, OGRN_B = make_inn_legal(rng), make_ogrn(rng)
BAD_OGRN = OGRN_B[:-1] + str((int(OGRN_B[-1]) + 1) % 10)

SPREADSHEET = [
    "Полное наименование;ИНН;ОГРН;Муниципалитет;Организационно-правовая форма;Дата регистрации;Сферы деятельности;Сайт",
    f"Автономная некоммерческая организация «Добрые руки»;{INN_A};{OGRN_A};Калуга;Автономная некоммерческая организация;12.03.2015;Поддержка молодёжных проектов;dobrye.example.ru",
    f"Фонд «Наследие»;{INN_B};{BAD_OGRN};Обнинск;Некоммерческий фонд;;;",
    ";4000000000;;Калуга;;;;",
    f"Общество «Без района»;{make_inn_legal(rng)};;Атлантида;;;;",
    f"Повтор «Добрых рук»;{INN_A};;Калуга;;;;",
]


def write(
    tmp_path: Path, name: str, lines: list[str], *, encoding: str = "utf-8", delimiter: str = ";"
) -> Path:
    path = tmp_path / name
    path.write_bytes(
        ("\n".join(line.replace(";", delimiter) for line in lines) + "\n").encode(encoding)
    )
    return path


@pytest.fixture
def places(reference_data: None, kaluga: Any, obninsk: Any) -> None:
    return None


@pytest.mark.parametrize(
    ("encoding", "delimiter"), [("cp1251", ";"), ("utf-8", ","), ("utf-8-sig", ";")]
)
def test_a_spreadsheet_in_any_usual_encoding_and_separator(
    tmp_path: Path, places: None, encoding: str, delimiter: str
) -> None:
    lines = [line.replace(",", " ") for line in SPREADSHEET] if delimiter == "," else SPREADSHEET
    result = import_file(
        path=write(tmp_path, "reestr.csv", lines, encoding=encoding, delimiter=delimiter)
    )
    assert (result.created, result.skipped) == (1, 4)
    organization: Any = Organization.objects.get(inn=INN_A)
    assert organization.municipality.name == "Калуга"
    assert organization.legal_form.name == "Автономная некоммерческая организация"
    assert organization.registration_date.isoformat() == "2015-03-12"
    assert organization.website == "https://dobrye.example.ru"
    assert list(organization.spheres.values_list("code", flat=True)) == ["youth"]
    assert organization.source == Organization.Source.SPREADSHEET
    assert "добрый" in organization.search_text


def test_every_skipped_row_has_its_line_and_reason(tmp_path: Path, places: None) -> None:
    result = import_file(path=write(tmp_path, "reestr.csv", SPREADSHEET))
    reasons = {p.line: p.reason for p in result.problems}
    assert "контрольная цифра" in reasons[3]
    assert "нет наименования" in reasons[4]
    assert "неизвестный муниципалитет «Атлантида»" in reasons[5]
    assert "повтор организации из строки 2" in reasons[6]


def test_a_dry_run_changes_nothing_but_says_what_would(tmp_path: Path, places: None) -> None:
    result = import_file(path=write(tmp_path, "reestr.csv", SPREADSHEET), dry_run=True)
    assert result.created == 1
    assert result.changes[0].action == "created"
    assert not Organization.objects.exists()


def test_a_reimport_updates_instead_of_duplicating(tmp_path: Path, places: None) -> None:
    import_file(path=write(tmp_path, "reestr.csv", SPREADSHEET))
    changed = [SPREADSHEET[0], SPREADSHEET[1].replace("Калуга", "Обнинск")]
    result = import_file(path=write(tmp_path, "reestr2.csv", changed))
    assert (result.created, result.updated) == (0, 1)
    assert Organization.objects.get(inn=INN_A).municipality.name == "Обнинск"  # type: ignore[union-attr]
    result = import_file(path=write(tmp_path, "reestr3.csv", changed))
    assert (result.updated, result.unchanged) == (0, 1)


def test_matching_uses_inn_when_the_ogrn_is_missing(tmp_path: Path, places: None) -> None:
    Organization.objects.create(full_name="Старое имя", inn=INN_A)
    result = import_file(path=write(tmp_path, "reestr.csv", SPREADSHEET[:2]))
    assert result.updated == 1
    organization = Organization.objects.get(inn=INN_A)
    assert organization.ogrn == OGRN_A
    assert organization.full_name.startswith("Автономная")


def test_an_inn_of_another_organisation_is_a_skipped_row_not_a_crash(
    tmp_path: Path, places: None
) -> None:
    Organization.objects.create(full_name="Другая", inn=INN_A)
    Organization.objects.create(full_name="Первая", ogrn=OGRN_A)
    result = import_file(path=write(tmp_path, "reestr.csv", SPREADSHEET[:2]))
    assert result.skipped == 1
    assert "другой организации" in result.problems[0].reason


def test_a_column_mapping_for_unusual_headings(tmp_path: Path, places: None) -> None:
    lines = ["Организация;Налоговый номер;Где", f"Фонд «Ока»;{INN_B};Калуга"]
    result = import_file(
        path=write(tmp_path, "svoi.csv", lines),
        mapping={"full_name": "Организация", "inn": "Налоговый номер", "municipality": "Где"},
    )
    assert result.created == 1
    assert Organization.objects.get(inn=INN_B).municipality.name == "Калуга"  # type: ignore[union-attr]


def test_an_xlsx_spreadsheet(tmp_path: Path, places: None) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Наименование", "ИНН", "ОГРН", "Район"])
    sheet.append(["Фонд «Ока»", int(INN_B), int(OGRN_A), "Обнинск"])
    path = tmp_path / "reestr.xlsx"
    workbook.save(path)
    result = import_file(path=path)
    assert result.created == 1
    assert Organization.objects.get(ogrn=OGRN_A).inn == INN_B


MINJUST_XML = f"""<?xml version="1.0" encoding="UTF-8"?>
<nko_list>
  <nko>
    <REGNUM>4014010345</REGNUM>
    <FULLNAME>Калужская региональная общественная организация «Поиск»</FULLNAME>
    <OGRN>{OGRN_A}</OGRN>
    <REGDATE>2004-02-11</REGDATE>
    <ADDRESS>248000, Калужская обл., г. Калуга, ул. Ленина, д. 1</ADDRESS>
    <FORM>Общественная организация</FORM>
    <STATUS>Зарегистрирована</STATUS>
  </nko>
  <nko>
    <REGNUM>4014010346</REGNUM>
    <FULLNAME>Фонд «Исключённый»</FULLNAME>
    <OGRN>{OGRN_B}</OGRN>
    <ADDRESS>249030, Калужская обл., г. Обнинск, пр-т Маркса, д. 5</ADDRESS>
    <STATUS>Исключена</STATUS>
  </nko>
  <nko><FULLNAME>Без номера</FULLNAME><OGRN>{BAD_OGRN}</OGRN></nko>
</nko_list>
"""


def test_the_ministry_of_justice_open_data_xml(tmp_path: Path, places: None) -> None:
    path = tmp_path / "data-nko.xml"
    path.write_text(MINJUST_XML, encoding="utf-8")
    result = import_file(path=path)
    assert (result.created, result.skipped) == (2, 1)
    poisk: Any = Organization.objects.get(ogrn=OGRN_A)
    assert poisk.source == Organization.Source.MINJUST
    assert poisk.source_id == "4014010345"
    assert poisk.municipality.name == "Калуга"
    assert poisk.legal_form.name == "Общественная организация"
    excluded: Any = Organization.objects.get(ogrn=OGRN_B)
    assert excluded.status == Organization.Status.LIQUIDATED
    assert excluded.municipality.name == "Обнинск"
    assert result.problems[0].line == 3


def test_the_command_prints_the_report(tmp_path: Path, places: None) -> None:
    out = io.StringIO()
    call_command(
        "import_organizations",
        str(write(tmp_path, "reestr.csv", SPREADSHEET)),
        "--dry-run",
        stdout=out,
    )
    text = out.getvalue()
    assert "строка 3: пропущена" in text
    assert "Пробный прогон" in text
    assert not Organization.objects.exists()


def test_a_file_without_known_headings_is_refused_plainly(tmp_path: Path, places: None) -> None:
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Не нашлось колонок"):
        call_command(
            "import_organizations",
            str(write(tmp_path, "x.csv", ["a;b", "1;2"])),
            stdout=io.StringIO(),
        )


def test_the_operator_imports_from_the_page(
    client: Any, operator: Any, places: None, django_capture_on_commit_callbacks: Any
) -> None:
    client.force_login(operator)
    upload = SimpleUploadedFile("reestr.csv", ("\n".join(SPREADSHEET) + "\n").encode("cp1251"))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("organizations:imports"), {"file": upload, "format": "auto", "mapping": ""}
        )
    run = ImportRun.objects.get()
    assert response.url == reverse("organizations:import_detail", args=[run.pk])
    run.refresh_from_db()
    assert run.status == ImportRun.Status.DONE
    assert (run.created_count, run.skipped_count) == (1, 4)
    assert not run.dry_run
    page = client.get(response.url).content.decode()
    assert "Атлантида" in page
    assert "<progress" in page


def test_the_import_page_is_for_operators_only(client: Any, owner: Any, places: None) -> None:
    client.force_login(owner)
    assert client.get(reverse("organizations:imports")).status_code == 404
    upload = SimpleUploadedFile("reestr.csv", b"a;b\n")
    assert (
        client.post(
            reverse("organizations:imports"), {"file": upload, "format": "auto"}
        ).status_code
        == 404
    )
    assert not ImportRun.objects.exists()


def test_a_binary_file_is_refused_on_the_page(client: Any, operator: Any, places: None) -> None:
    client.force_login(operator)
    upload = SimpleUploadedFile("reestr.xlsx", b"not a workbook")
    response = client.post(reverse("organizations:imports"), {"file": upload, "format": "auto"})
    assert response.status_code == 200
    assert not ImportRun.objects.exists()


def test_an_xml_file_with_entity_declarations_is_refused(tmp_path: Path, places: None) -> None:
    path = tmp_path / "bomb.xml"
    path.write_text(
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><list><nko><OGRN>&lol;</OGRN></nko></list>',
        encoding="utf-8",
    )
    from nkohub.organizations.imports.readers import ReaderError

    with pytest.raises(ReaderError, match="DTD"):
        import_file(path=path)
    assert not Organization.objects.exists()


def test_a_large_file_goes_in_whole_and_stays_searchable(tmp_path: Path, places: None) -> None:
    """Several batches of new organisations (on PostgreSQL: the index's bulk-load mode) and a bad
    row late in the file: every good row lands, the bad one is reported with its line."""
    from django.db import connection

    from nkohub.organizations.imports.engine import BATCH_SIZE, SEARCH_INDEX
    from nkohub.organizations.selectors import DirectoryQuery, directory_results

    local = random.Random(5)
    lines = ["Полное наименование;ИНН;ОГРН;Муниципалитет"]
    for index in range(BATCH_SIZE + 300):
        inn = make_inn_legal(local)
        lines.append(f"Фонд поддержки ветеранов № {index};{inn};{make_ogrn(local)};Калуга")
    lines.append(f"Фонд без ОГРН;{INN_A};{BAD_OGRN};Калуга")
    result = import_file(path=write(tmp_path, "large.csv", lines))
    assert (result.created, result.skipped) == (BATCH_SIZE + 300, 1)
    assert result.problems[0].line == BATCH_SIZE + 302
    assert Organization.objects.filter(full_name__startswith="Фонд поддержки").count() == (
        BATCH_SIZE + 300
    )
    assert directory_results(DirectoryQuery(q=f"ветераны {inn}")).count() == 1
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT reloptions FROM pg_class WHERE relname = %s", [SEARCH_INDEX])
            row = cursor.fetchone()
        assert row is not None
        assert "fastupdate=off" in row[0]
