"""The Ministry of Justice's registry, with the field names of its NGO portal's search grid:
reestr, reg_num, full_name, ogrn, egrul_date, address, opf, region, status, state_registration_num,
state_registration_date (no INN) — here behind a record id of the export, as spreadsheets carry it."""

import datetime
import random
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from nkohub.core.identifiers import make_ogrn
from nkohub.organizations.imports.readers import resolve_columns
from nkohub.organizations.imports.runs import import_file
from nkohub.organizations.models import Organization

pytestmark = pytest.mark.django_db
rng = random.Random(67)
OGRN = [make_ogrn(rng, year=y) for y in (4, 3, 10, 2, 5, 8)]
GRID = [
    "id", "reestr", "reg_num", "full_name", "ogrn", "egrul_date", "address", "opf", "region",
    "status", "state_registration_num", "state_registration_date",
]  # fmt: skip
RECORDS = [
    [100231, "Реестр некоммерческих организаций", "4014010345",
     "Калужская региональная общественная организация «Поиск»", OGRN[0], "11.02.2004",
     "248000, Калужская обл, г Калуга, ул Ленина, д 1", "Общественная организация",
     "Калужская область", "Зарегистрирована", "4014010345", "20.01.1999"],
    [100232, "Религиозные организации", "4014020012",
     "Местная религиозная организация православный Приход храма Николая Чудотворца с. Попелево",
     OGRN[1], "2003-05-12", "Калужская обл, р-н Козельский, с Попелево, д 40",
     "Религиозная организация", "Калужская область", "Зарегистрирована", "", ""],
    [100233, "Реестр казачьих обществ", "4014030007", "Хуторское казачье общество «Кондровское»",
     OGRN[2], "23.08.2010", "Калужская обл, г Кондрово, ул Миляева, д 3", "Казачье общество",
     "Калужская область", "Зарегистрирована", "", ""],
    [100234, "Реестр отделений иностранных некоммерческих неправительственных организаций",
     "4014040001", "Калужское отделение иностранной некоммерческой неправительственной организации",
     "", "", "Калужская обл, г Калуга, ул Кирова, д 7", "", "Калужская область", "Зарегистрирована",
     "", ""],
    [100235, "Реестр некоммерческих организаций", "4014010777", "Фонд «Обнинские инициативы»",
     OGRN[4], "01.03.2005", "249030, Калужская обл, г Обнинск, ул Курчатова, д 21",
     "Некоммерческий фонд", "Калужская область", "Исключена", "", ""],
    [100236, "Прочие", "4014010999", "Автономная некоммерческая организация «Непонятная»",
     OGRN[5], "15.05.2008", "Калужская обл, г Калуга", "Автономная некоммерческая организация",
     "Калужская область", "Зарегистрирована", "", "31.13.2001"],
]  # fmt: skip


@pytest.fixture
def places(reference_data: None, territory_reference: None) -> None:
    return None


@pytest.fixture
def grid_file(tmp_path: Path) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(GRID)
    for record in RECORDS:
        sheet.append(record)
    path = tmp_path / "unro-minjust-export.xlsx"
    workbook.save(path)
    return path


def test_the_grid_names_are_built_in_aliases() -> None:
    columns = resolve_columns(GRID)
    assert columns == {
        1: "register", 2: "source_id", 3: "full_name", 4: "ogrn", 5: "registration_date",
        6: "address", 7: "legal_form", 8: "region", 9: "status", 10: "state_registration_number",
        11: "state_registration_date",
    }  # fmt: skip


def test_the_accounting_number_is_reg_num_not_the_records_id(places: None, grid_file: Path) -> None:
    import_file(path=grid_file, fmt="xlsx")
    poisk = Organization.objects.get(ogrn=OGRN[0])
    assert poisk.source_id == "4014010345"


def test_an_alias_listed_first_wins_whichever_column_comes_first() -> None:
    assert resolve_columns(["Наименование", "Полное наименование"]) == {1: "full_name"}
    assert 0 not in resolve_columns(["ID", "Учётный номер", "ОГРН"])


def test_both_dates_are_read(places: None, grid_file: Path) -> None:
    import_file(path=grid_file, fmt="xlsx")
    poisk = Organization.objects.get(ogrn=OGRN[0])
    assert poisk.registration_date == datetime.date(2004, 2, 11)
    assert poisk.state_registration_date == datetime.date(1999, 1, 20)
    assert poisk.state_registration_number == "4014010345"
    assert Organization.objects.get(ogrn=OGRN[1]).registration_date == datetime.date(2003, 5, 12)


def test_religious_and_cossack_registers_are_kept(places: None, grid_file: Path) -> None:
    import_file(path=grid_file, fmt="xlsx")
    parish: Any = Organization.objects.get(ogrn=OGRN[1])
    cossacks: Any = Organization.objects.get(ogrn=OGRN[2])
    assert parish.register == Organization.Register.RELIGIOUS
    assert cossacks.register == Organization.Register.COSSACK
    assert Organization.objects.get(ogrn=OGRN[0]).register == Organization.Register.NONPROFIT
    assert parish.source == Organization.Source.SPREADSHEET  # an XLSX; «minjust-csv» says MINJUST


def test_addresses_without_dots_find_their_municipality(places: None, grid_file: Path) -> None:
    import_file(path=grid_file, fmt="xlsx")
    found = {
        o.ogrn: o.municipality.name if o.municipality else None
        for o in Organization.objects.select_related("municipality")
    }
    assert found[OGRN[0]] == "Калуга"
    assert found[OGRN[1]] == "Козельский район"  # «р-н Козельский»
    assert found[OGRN[2]] == "Дзержинский район"  # «г Кондрово», its centre
    assert found[OGRN[4]] == "Обнинск"


def test_an_excluded_organisation_is_liquidated(places: None, grid_file: Path) -> None:
    import_file(path=grid_file, fmt="xlsx")
    assert Organization.objects.get(ogrn=OGRN[4]).status == Organization.Status.LIQUIDATED


def test_rows_the_registry_cannot_take_say_why(places: None, grid_file: Path) -> None:
    result = import_file(path=grid_file, fmt="xlsx")
    reasons = {p.line: p.reason for p in result.problems}
    # a branch of a foreign NGO has no OGRN in the grid, and the grid has no INN
    assert reasons[5] == "нет ни ИНН, ни ОГРН — организацию не с чем сопоставить"
    assert reasons[7].startswith("неизвестный реестр «Прочие» — ожидается один из: ")
    assert "религиозные организации" in reasons[7]
    assert reasons[7].endswith("не удалось прочитать дату государственной регистрации «31.13.2001»")
    assert (result.created, result.skipped) == (4, 2)


def test_a_reimport_does_not_move_an_organisation_between_registers(
    places: None, grid_file: Path, tmp_path: Path
) -> None:
    import_file(path=grid_file, fmt="xlsx")
    path = tmp_path / "without-register.csv"
    path.write_text(f"Полное наименование;ОГРН\nПриход в Попелеве;{OGRN[1]}\n", encoding="utf-8")
    assert import_file(path=path).updated == 1
    assert Organization.objects.get(ogrn=OGRN[1]).register == Organization.Register.RELIGIOUS


def test_the_same_field_names_as_xml_elements(places: None, tmp_path: Path) -> None:
    record = RECORDS[1]
    fields = "".join(
        f"<{name}>{value}</{name}>" for name, value in zip(GRID, record, strict=True) if value
    )
    path = tmp_path / "reestr.xml"
    path.write_text(
        f'<?xml version="1.0" encoding="UTF-8"?><data><row>{fields}</row></data>', "utf-8"
    )
    result = import_file(path=path)
    assert result.created == 1
    parish: Any = Organization.objects.get()
    assert (parish.source, parish.source_id, parish.register) == (
        "minjust",
        "4014020012",
        "religious",
    )
