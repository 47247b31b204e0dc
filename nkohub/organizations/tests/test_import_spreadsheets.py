"""A resource centre's spreadsheet as Excel saves it: Windows-1251, «;», CRLF, quotes doubled, a cell
with line breaks, the official sphere names with their commas, rows with several problems at once."""

import csv
import io
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from nkohub.organizations.imports.runs import import_file
from nkohub.organizations.imports.validation import SphereNames
from nkohub.organizations.models import Organization, Sphere
from nkohub.organizations.tests.conftest import make_org

pytestmark = pytest.mark.django_db
EXCEL_FILE = Path(__file__).parent / "data" / "reestr-nko-excel-1251.csv"


@pytest.fixture
def places(reference_data: None, territory_reference: None) -> None:
    return None


def spheres_of(organization: Organization) -> list[str]:
    return sorted(organization.spheres.values_list("code", flat=True))


def test_the_file_is_what_excel_writes() -> None:
    raw = EXCEL_FILE.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")  # no BOM
    assert b"\r\n" in raw
    assert '""Надежда""'.encode("cp1251") in raw
    raw.decode("cp1251")  # and not UTF-8
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")


def test_an_excel_spreadsheet_imports_every_good_row(places: None) -> None:
    result = import_file(path=EXCEL_FILE)
    assert (result.rows, result.created, result.skipped) == (8, 5, 3)
    kind_ngo = Organization.objects.filter(kind=Organization.Kind.NGO).count()
    assert kind_ngo == 5


def test_official_sphere_names_with_commas_are_not_split(places: None) -> None:
    import_file(path=EXCEL_FILE)
    dobrye: Any = Organization.objects.get(short_name="АНО «Добрые руки»")
    assert spheres_of(dobrye) == ["health", "social-support"]
    assert dobrye.municipality.name == "Калуга"
    assert dobrye.kpp.endswith("01001")
    assert dobrye.registration_date.isoformat() == "2005-03-12"


def test_a_cell_with_line_breaks_and_doubled_quotes(places: None) -> None:
    import_file(path=EXCEL_FILE)
    nadezhda: Any = Organization.objects.get(short_name='БФ "Надежда"')
    assert nadezhda.full_name == 'Благотворительный фонд "Надежда"'
    assert spheres_of(nadezhda) == ["family", "youth"]  # «молодежных» without «ё» too
    assert nadezhda.municipality.name == "Обнинск"


def test_short_forms_and_any_case_of_sphere_names(places: None) -> None:
    import_file(path=EXCEL_FILE)
    patrol: Any = Organization.objects.get(short_name="КРОО «Зелёный патруль»")
    assert spheres_of(patrol) == ["animals", "environment", "sport"]
    assert patrol.municipality.name == "Козельский район"  # from «р-н Козельский» in the address


def test_a_repeat_says_so_first_and_lists_its_other_problems(places: None) -> None:
    result = import_file(path=EXCEL_FILE)
    reasons = {p.line: p.reason for p in result.problems}
    assert reasons[5].startswith("повтор организации из строки 2; ОГРН ")
    assert "неверная контрольная цифра" in reasons[5]
    assert reasons[5].endswith("неизвестная сфера деятельности «Рукоделие»")


def test_every_problem_of_a_row_is_reported_most_important_first(places: None) -> None:
    result = import_file(path=EXCEL_FILE)
    reasons = {p.line: p.reason.split("; ") for p in result.problems}
    assert reasons[6][0] == "нет наименования организации"
    assert reasons[6][1].startswith("ИНН ")
    assert reasons[6][1].endswith("неверная контрольная цифра")
    assert reasons[6][2:] == [
        "не удалось прочитать дату регистрации «31.02.2020»",
        "неверный адрес электронной почты «почта@»",
    ]
    assert reasons[9] == [
        "неизвестный муниципалитет «Атлантида»",
        "неизвестная сфера деятельности «Подводное плавание»",
    ]


def test_rows_are_numbered_as_the_spreadsheet_numbers_them(places: None) -> None:
    """Row 3 spans two lines of the file (a cell with a line break): the rows after it keep the
    numbers Excel shows, not the file's line numbers."""
    result = import_file(path=EXCEL_FILE)
    assert sorted(p.line for p in result.problems) == [5, 6, 9]


def test_a_religious_organisation_goes_to_its_own_register(places: None) -> None:
    import_file(path=EXCEL_FILE)
    parish: Any = Organization.objects.get(short_name="Приход храма Преображения")
    assert parish.register == Organization.Register.RELIGIOUS
    assert parish.municipality.name == "Людиновский район"
    assert Organization.objects.get(short_name="АНО «Добрые руки»").register == "nonprofit"


def test_a_district_named_by_its_centre_and_a_liquidated_fund(places: None) -> None:
    import_file(path=EXCEL_FILE)
    fund: Any = Organization.objects.get(full_name="Фонд «Наследие Оки»")
    assert fund.municipality.name == "Дзержинский район"
    assert fund.status == Organization.Status.LIQUIDATED


def test_the_registrys_own_export_imports_back_without_loss(
    client: Any, places: None, tmp_path: Path, kaluga: Any
) -> None:
    """A spreadsheet that uses exactly the names the platform shows (its own export) loses nothing."""
    make_org(
        full_name="АНО «Всё для всех»", municipality=kaluga, inn="4090553678",
        spheres=list(Sphere.objects.values_list("code", flat=True)),
    )  # fmt: skip
    exported = b"".join(
        client.get(reverse("organizations:export"), {"format": "csv"}).streaming_content
    )
    rows = list(csv.reader(io.StringIO(exported.decode("utf-8-sig")), delimiter=";"))
    assert "; " in rows[1][rows[0].index("Сферы деятельности")]
    Organization.objects.all().delete()
    path = tmp_path / "export.csv"
    path.write_bytes(exported)
    result = import_file(path=path)
    assert (result.created, result.skipped) == (1, 0), result.problems
    organization = Organization.objects.get()
    assert organization.spheres.count() == Sphere.objects.count()
    assert organization.register == Organization.Register.NONPROFIT


def test_spheres_match_the_longest_known_name_before_splitting(reference_data: None) -> None:
    names = SphereNames(Sphere.objects.values_list("code", "name", "short_name"))
    cell = (
        "Охрана окружающей среды и защита животных, Защита животных; "
        "1. Социальное обслуживание, социальная поддержка и защита граждан\n• Волонтерство"
    )
    assert names.read(cell) == (["environment", "animals", "social-support", "volunteering"], [])
    assert names.read("Социальная поддержка, Вязание") == (["social-support"], ["Вязание"])


def test_a_leading_zero_excel_dropped_is_put_back(places: None, tmp_path: Path) -> None:
    """Bashkortostan's INNs begin with 0: a column of numbers loses it («274062111»)."""
    path = tmp_path / "bashkiria.csv"
    path.write_bytes("Наименование;ИНН;КПП\r\nФонд «Урал»;274062111;27401001\r\n".encode("cp1251"))
    assert import_file(path=path).created == 1
    assert Organization.objects.filter(inn="0274062111", kpp="027401001").exists()


def test_only_the_ministrys_date_gives_the_registration_date(places: None, tmp_path: Path) -> None:
    path = tmp_path / "old.csv"
    path.write_bytes(
        "Наименование;ИНН;Дата государственной регистрации\r\nФонд «Ока»;4094580739;20.01.1999\r\n".encode("cp1251")
    )  # fmt: skip
    import_file(path=path)
    fund: Any = Organization.objects.get()
    assert (
        fund.registration_date.isoformat()
        == fund.state_registration_date.isoformat()
        == "1999-01-20"
    )


def test_excels_unicode_text_is_read_too(
    client: Any, operator: Any, places: None, django_capture_on_commit_callbacks: Any
) -> None:
    """«Текст Юникод (*.txt)»: UTF-16 with a BOM, tab-separated — accepted on the page and read."""
    text = (
        "Полное наименование\tИНН\tСферы деятельности\r\n"
        "Фонд «Ока»\t4094580739\tСоциальное обслуживание, социальная поддержка и защита граждан\r\n"
    )
    upload = SimpleUploadedFile("reestr.txt", text.encode("utf-16"))
    client.force_login(operator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("organizations:imports"), {"file": upload, "format": "auto"})
    fund = Organization.objects.get(inn="4094580739")
    assert spheres_of(fund) == ["social-support"]
