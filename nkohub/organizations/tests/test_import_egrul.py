"""The Federal Tax Service's EGRUL extract: nested XML in Windows-1251, several СвЮЛ — an autonomous
non-profit, a parish, a liquidated public organisation, a company, a municipal school, a Cossack
society, a foundation of another region, a record with a wrong INN and a TOS known only by its place."""

import io
import random
import tracemalloc
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

from nkohub.core.identifiers import make_inn_legal, make_ogrn
from nkohub.organizations.imports import okopf
from nkohub.organizations.imports.egrul import egrul_rows
from nkohub.organizations.imports.readers import ReaderError, detect_format
from nkohub.organizations.imports.runs import import_file
from nkohub.organizations.models import ImportRun, LegalForm, Organization

pytestmark = pytest.mark.django_db
EXTRACT = Path(__file__).parent / "data" / "egrul-kaluga.xml"
ANO, PARISH, VETERANS, COSSACKS, TOS = (
    "1034079729496", "1024078105809", "1044050329663", "1104096786640", "1214051877852",
)  # fmt: skip


@pytest.fixture
def places(reference_data: None, territory_reference: None) -> None:
    return None


def test_the_sample_is_an_extract_as_the_tax_service_writes_it() -> None:
    head = EXTRACT.read_bytes()[:200]
    assert head.startswith(b'<?xml version="1.0" encoding="windows-1251"?>')
    assert detect_format(EXTRACT.name, EXTRACT.read_bytes()[:8192]) == "egrul-xml"


def test_the_regions_non_profits_are_imported(places: None) -> None:
    result = import_file(path=EXTRACT)
    assert (result.rows, result.created, result.skipped, result.excluded) == (9, 5, 1, 3)
    assert set(Organization.objects.values_list("ogrn", flat=True)) == {
        ANO, PARISH, VETERANS, COSSACKS, TOS,
    }  # fmt: skip
    assert set(Organization.objects.values_list("source", flat=True)) == {"egrul"}


def test_an_organisations_own_fields_not_its_founders(places: None) -> None:
    import_file(path=EXTRACT)
    ano: Any = Organization.objects.get(ogrn=ANO)
    assert (
        ano.full_name
        == 'АВТОНОМНАЯ НЕКОММЕРЧЕСКАЯ ОРГАНИЗАЦИЯ "ЦЕНТР СОЦИАЛЬНОЙ ПОМОЩИ "ДОБРЫЕ РУКИ"'
    )
    assert ano.short_name == 'АНО "ДОБРЫЕ РУКИ"'
    assert (ano.inn, ano.kpp) == ("4015881398", "402701001")
    assert ano.registration_date.isoformat() == "2003-01-27"
    assert ano.legal_form.name == "Автономная некоммерческая организация"
    assert ano.public_email == "DOBRYE.RUKI@EXAMPLE.RU"
    assert ano.address == "248000, КАЛУЖСКАЯ ОБЛАСТЬ, ГОРОД КАЛУГА, УЛИЦА ЛЕНИНА, ДОМ 12, ОФИС 3"
    assert ano.municipality.name == "Калуга"
    # the founder named inside the record is the parish, imported from its own record
    assert Organization.objects.get(ogrn=PARISH).inn == "4098797309"


def test_registers_and_territories_from_the_nested_address(places: None) -> None:
    import_file(path=EXTRACT)
    found = {
        o.ogrn: (o.register, o.municipality.name if o.municipality else None, o.status)
        for o in Organization.objects.select_related("municipality")
    }
    assert found[PARISH] == ("religious", "Козельский район", "active")  # ГАР: м.р-н Козельский
    assert found[COSSACKS] == ("cossack", "Дзержинский район", "active")  # КЛАДР: РАЙОН ДЗЕРЖИНСКИЙ
    assert found[VETERANS] == ("nonprofit", "Обнинск", "liquidated")  # СвПрекрЮЛ
    assert found[TOS] == ("nonprofit", "Козельский район", "active")  # only the place: СвМНЮЛ


def test_companies_the_public_sector_and_other_regions_are_left_out_and_counted(
    places: None,
) -> None:
    result = import_file(path=EXTRACT)
    assert result.excluded_reasons == {
        okopf.COMMERCIAL: 1,
        okopf.PUBLIC: 1,
        "другой регион": 1,
    }
    assert not Organization.objects.filter(inn__in=["4056815186", "4072940554", "6768469780"])


def test_a_wrong_record_is_reported_by_its_number(places: None) -> None:
    result = import_file(path=EXTRACT)
    assert [(p.line, p.reason) for p in result.problems] == [
        (8, "ИНН 4032081963: неверная контрольная цифра")
    ]


@override_settings(CLUSTER_REGION="67")
def test_a_smolensk_deployment_takes_the_smolensk_foundation(places: None) -> None:
    result = import_file(path=EXTRACT)
    assert result.created == 1
    assert Organization.objects.get().municipality.name == "Смоленск"  # type: ignore[union-attr]


def test_a_second_import_of_the_extract_changes_nothing(places: None) -> None:
    import_file(path=EXTRACT)
    again = import_file(path=EXTRACT)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 5)


def test_the_command_lists_what_it_left_out_when_asked(places: None) -> None:
    out = io.StringIO()
    call_command("import_organizations", str(EXTRACT), "--dry-run", verbosity=2, stdout=out)
    text = out.getvalue()
    assert (
        "запись 4: не импортируется — ОКОПФ 12300 «Общества с ограниченной ответственностью»"
        in text
    )
    assert "запись 7: не импортируется — другой регион: код 67" in text
    assert "строка 8: пропущена — ИНН 4032081963" in text
    assert "не НКО или другой регион (не импортируются): 3" in text
    assert not Organization.objects.exists()


def test_the_operator_sees_the_summary_on_the_page(
    client: Any, operator: Any, places: None, django_capture_on_commit_callbacks: Any
) -> None:
    client.force_login(operator)
    upload = SimpleUploadedFile("vipiska-egrul.xml", EXTRACT.read_bytes())
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("organizations:imports"), {"file": upload, "format": "auto", "mapping": ""}
        )
    run = ImportRun.objects.get()
    assert (run.status, run.created_count, run.excluded_count) == (ImportRun.Status.DONE, 5, 3)
    page = client.get(response.url).content.decode()
    assert "Не импортированы по правилам" in page
    assert f"{okopf.COMMERCIAL}: 1" in page


def test_any_root_element_holds_the_records(places: None, tmp_path: Path) -> None:
    rng = random.Random(3)
    inn, ogrn = make_inn_legal(rng), make_ogrn(rng)
    path = tmp_path / "vyp.xml"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><ВыпЕГРЮЛ><СвЮЛ ОГРН="' + ogrn + '" ИНН="' + inn
        + '" ДатаОГРН="2012-01-01" КодОПФ="70401" СпрОПФ="ОКОПФ"><СвНаимЮЛ НаимЮЛПолн="Фонд «Ока»"/>'
        "</СвЮЛ></ВыпЕГРЮЛ>",
        encoding="utf-8",
    )  # fmt: skip
    assert import_file(path=path).created == 1
    assert Organization.objects.get().legal_form.name == "Благотворительный фонд"  # type: ignore[union-attr]


def test_an_extract_with_entity_declarations_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xml"
    path.write_text(
        '<?xml version="1.0"?><!DOCTYPE EGRUL [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]>'
        '<EGRUL><СвЮЛ ОГРН="&b;"/></EGRUL>',
        encoding="utf-8",
    )
    with pytest.raises(ReaderError, match="DTD"):
        list(egrul_rows(path.open("rb")))


def test_a_file_without_records_says_it_is_not_an_extract(tmp_path: Path) -> None:
    path = tmp_path / "empty.xml"
    path.write_text('<?xml version="1.0"?><EGRUL ДатаВыг="2026-11-02"></EGRUL>', encoding="utf-8")
    with pytest.raises(ReaderError, match="это не выписка ЕГРЮЛ"):
        list(egrul_rows(path.open("rb")))


def test_a_large_extract_is_read_in_constant_memory(tmp_path: Path) -> None:
    record = EXTRACT.read_bytes().split(b"<\xd1\xe2\xde\xcb ", 2)[1]  # the first СвЮЛ, in cp1251
    body = (
        b"<\xd1\xe2\xde\xcb "
        + record.rsplit(b"</\xd1\xe2\xde\xcb>", 1)[0]
        + b"</\xd1\xe2\xde\xcb>\r\n"
    )
    path = tmp_path / "big.xml"
    with path.open("wb") as handle:
        handle.write(b'<?xml version="1.0" encoding="windows-1251"?>\r\n<EGRUL>\r\n')
        for _ in range(5_000):
            handle.write(body)
        handle.write(b"</EGRUL>\r\n")
    assert path.stat().st_size > 8 * 1024 * 1024
    tracemalloc.start()
    count = sum(1 for _ in egrul_rows(path.open("rb"), region_code="40"))
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert count == 5_000
    assert peak < 3 * 1024 * 1024  # a small part of the file's 8 MB: records are not kept


def test_every_legal_form_the_classifier_names_is_in_the_reference(reference_data: None) -> None:
    names = set(LegalForm.objects.values_list("name", flat=True))
    assert {form for form, _register in okopf.FORMS.values()} <= names


@pytest.mark.parametrize(
    ("code", "name", "own_name", "excluded"),
    [
        ("71400", "", "", ""),
        ("20217", "", "", ""),
        ("20716", "", "ТСЖ «Дружба»", ""),  # the Ministry's list has property owners' partnerships
        ("12267", "Непубличные акционерные общества", "", okopf.COMMERCIAL),
        ("65243", "", "", okopf.COMMERCIAL),
        ("75203", "", "", okopf.PUBLIC),
        ("71601", "", "", okopf.PUBLIC),
        ("20104", "", "", okopf.COOPERATIVE),
        ("30002", "", "", okopf.NO_LEGAL_ENTITY),
        ("50102", "", "", okopf.INDIVIDUAL),
        ("75000", "", "МУНИЦИПАЛЬНОЕ УЧРЕЖДЕНИЕ КУЛЬТУРЫ", okopf.PUBLIC),
        ("75000", "", "УЧРЕЖДЕНИЕ «ДОМ ДОБРА»", ""),
        ("97", "", "", ""),  # ОК 028-99: autonomous non-profit
        ("65", "", "", okopf.COMMERCIAL),
        ("", "Общество с ограниченной ответственностью", "", okopf.COMMERCIAL),
        ("", "Местная религиозная организация", "", ""),
    ],
)
def test_the_legal_forms_the_registry_takes(
    code: str, name: str, own_name: str, excluded: str
) -> None:
    assert okopf.classify(code, name, organization_name=own_name).excluded == excluded
