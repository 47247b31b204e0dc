"""The Federal Tax Service's EGRUL extract in XML: one `СвЮЛ` element per legal entity.

Confirmed from the format's public XSD (format 4.06, `EGRUL` root, `СвЮЛ` up to 1,000 per file) and
from public parsers of the tax service's files (4.06 and 4.08): `СвЮЛ` carries `ОГРН`, `ДатаОГРН`,
`ИНН`, `КПП`, `КодОПФ`, `СпрОПФ`, `ПолнНаимОПФ` as attributes; the name is `СвНаимЮЛ/@НаимЮЛПолн`
(short: `@НаимЮЛСокр`, or `СвНаимЮЛСокр/@НаимСокр` in newer files); the address is
`СвАдресЮЛ/АдресРФ` (КЛАДР: `@КодРегион`, children `Регион`, `Район`, `Город`, `НаселПункт`,
`Улица` with type and name attributes) or `СвАдресЮЛ/СвАдрЮЛФИАС` (ГАР: `Регион` and `НаимРегион`
as text, `МуниципРайон`, `ГородСелПоселен`, `НаселенПункт`, `ЭлУлДорСети`, `Здание`…), or only the
place `СвАдресЮЛ/СвМНЮЛ`; `СвПрекрЮЛ` is present once the entity has ceased to exist.

The root element does not matter (`EGRUL` in the bulk files, `ВыпЕГРЮЛ` or `Файл/Документ` in
other deliveries): every `СвЮЛ` is a record, numbered from 1 in the order of the file. Only the
paths below are kept while a record is read, and a record is dropped once handed on, so a file of
any size is read in constant memory. Nested look-alikes (founders' `НаимИННЮЛ/@ОГРН`, predecessors'
`@НаимЮЛПолн`) are never taken for the entity's own.
"""

from collections.abc import Iterator
from typing import IO, Any

from django.utils.translation import gettext

from nkohub.organizations.imports import okopf
from nkohub.organizations.imports.readers import ReaderError, SourceRow, stream_xml

RECORD = "СвЮЛ"
ATTRIBUTE_PATHS = frozenset(
    {
        "СвНаимЮЛ", "СвНаимЮЛ/СвНаимЮЛСокр", "СвАдрЭлПочты", "СвПрекрЮЛ", "СвПрекрЮЛ/СпПрекрЮЛ",
        "СвАдресЮЛ/АдресРФ", "СвАдресЮЛ/АдресРФ/Регион", "СвАдресЮЛ/АдресРФ/Район",
        "СвАдресЮЛ/АдресРФ/Город", "СвАдресЮЛ/АдресРФ/НаселПункт", "СвАдресЮЛ/АдресРФ/Улица",
        "СвАдресЮЛ/СвАдрЮЛФИАС", "СвАдресЮЛ/СвАдрЮЛФИАС/МуниципРайон",
        "СвАдресЮЛ/СвАдрЮЛФИАС/ГородСелПоселен", "СвАдресЮЛ/СвАдрЮЛФИАС/НаселенПункт",
        "СвАдресЮЛ/СвАдрЮЛФИАС/ЭлПланСтруктур", "СвАдресЮЛ/СвАдрЮЛФИАС/ЭлУлДорСети",
        "СвАдресЮЛ/СвАдрЮЛФИАС/Здание", "СвАдресЮЛ/СвАдрЮЛФИАС/ПомещЗдания",
        "СвАдресЮЛ/СвМНЮЛ/МуниципРайон", "СвАдресЮЛ/СвМНЮЛ/ГородСелПоселен",
        "СвАдресЮЛ/СвМНЮЛ/НаселенПункт",
    }
)  # fmt: skip
TEXT_PATHS = frozenset(
    {
        "СвАдресЮЛ/СвАдрЮЛФИАС/Регион", "СвАдресЮЛ/СвАдрЮЛФИАС/НаимРегион",
        "СвАдресЮЛ/СвМНЮЛ/Регион", "СвАдресЮЛ/СвМНЮЛ/НаимРегион",
    }
)  # fmt: skip
# the kinds of ГАР's municipal units (`ВидКод`), written as the address register abbreviates them
MUNICIPAL_DISTRICT_KINDS = {"1": "м.р-н", "2": "г.о.", "3": "вн.тер.г.", "4": "м.о."}
SETTLEMENT_KINDS = {"1": "г.п.", "2": "с.п.", "3": "межсел.тер.", "4": "вн.р-н"}
REGION_TYPE_FIRST = ("ГОРОД", "Г", "РЕСПУБЛИКА", "РЕСП", "ГОРОД ФЕДЕРАЛЬНОГО ЗНАЧЕНИЯ")
OTHER_REGION = "другой регион"


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].rsplit(":", 1)[-1]


class _EgrulRecords:
    """Collects, per `СвЮЛ`, the attributes and texts of the paths the registry needs."""

    def __init__(self) -> None:
        self.records: list[dict[str, Any]] = []
        self._record: dict[str, Any] | None = None
        self._path: list[str] = []
        self._text: list[str] | None = None

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        tag = _local(tag)
        if self._record is None:
            if tag == RECORD:
                self._record, self._path = {"": attrs, "buildings": []}, []
            return
        self._path.append(tag)
        path = "/".join(self._path)
        if path in ATTRIBUTE_PATHS:
            if path.endswith("/Здание"):
                self._record["buildings"].append(attrs)
            else:
                self._record.setdefault(path, attrs)
        elif path in TEXT_PATHS:
            self._text = []

    def data(self, text: str) -> None:
        if self._text is not None:
            self._text.append(text)

    def end(self, tag: str) -> None:
        if self._record is None:
            return
        if not self._path:  # the record's own end tag
            self.records.append(self._record)
            self._record = None
            return
        if self._text is not None:
            self._record.setdefault("/".join(self._path), "".join(self._text).strip())
            self._text = None
        self._path.pop()


def _join(*parts: str) -> str:
    return " ".join(" ".join(p.split()) for p in parts if p and p.strip())


def _kladr_address(record: dict[str, Any]) -> tuple[str, str]:
    base = "СвАдресЮЛ/АдресРФ"
    attrs = record.get(base)
    if attrs is None:
        return "", ""
    region = record.get(f"{base}/Регион", {})
    region_type, region_name = region.get("ТипРегион", ""), region.get("НаимРегион", "")
    if region_type.upper() in REGION_TYPE_FIRST:
        region_text = _join(region_type, region_name)
    else:
        region_text = _join(region_name, region_type)
    parts = [attrs.get("Индекс", ""), region_text]
    for child, kind, name in (
        ("Район", "ТипРайон", "НаимРайон"),
        ("Город", "ТипГород", "НаимГород"),
        ("НаселПункт", "ТипНаселПункт", "НаимНаселПункт"),
        ("Улица", "ТипУлица", "НаимУлица"),
    ):
        element = record.get(f"{base}/{child}", {})
        parts.append(_join(element.get(kind, ""), element.get(name, "")))
    parts += [attrs.get("Дом", ""), attrs.get("Корпус", ""), attrs.get("Кварт", "")]
    return ", ".join(p for p in (_join(p) for p in parts) if p), attrs.get("КодРегион", "")


def _gar_address(record: dict[str, Any], base: str) -> tuple[str, str]:
    """The address register's structure (`СвАдрЮЛФИАС`), or only the place (`СвМНЮЛ`)."""
    attrs = record.get(base, {})
    region_code = record.get(f"{base}/Регион", "")
    parts = [attrs.get("Индекс", ""), record.get(f"{base}/НаимРегион", "")]
    district = record.get(f"{base}/МуниципРайон", {})
    parts.append(
        _join(
            MUNICIPAL_DISTRICT_KINDS.get(district.get("ВидКод", ""), ""), district.get("Наим", "")
        )
    )
    settlement = record.get(f"{base}/ГородСелПоселен", {})
    parts.append(
        _join(SETTLEMENT_KINDS.get(settlement.get("ВидКод", ""), ""), settlement.get("Наим", ""))
    )
    locality = record.get(f"{base}/НаселенПункт", {})
    parts.append(_join(locality.get("Вид", ""), locality.get("Наим", "")))
    for child in ("ЭлПланСтруктур", "ЭлУлДорСети"):
        element = record.get(f"{base}/{child}", {})
        parts.append(_join(element.get("Тип", ""), element.get("Наим", "")))
    if base.endswith("ФИАС"):
        parts += [_join(b.get("Тип", ""), b.get("Номер", "")) for b in record["buildings"]]
        room = record.get(f"{base}/ПомещЗдания", {})
        parts.append(_join(room.get("Тип", ""), room.get("Номер", "")))
    return ", ".join(p for p in parts if p), region_code


def address_of(record: dict[str, Any]) -> tuple[str, str]:
    """The legal address as one line, and the region's code it gives."""
    for address, region in (
        _gar_address(record, "СвАдресЮЛ/СвАдрЮЛФИАС"),
        _kladr_address(record),
        _gar_address(record, "СвАдресЮЛ/СвМНЮЛ"),
    ):
        if address or region:
            return address, region.strip().zfill(2) if region.strip() else ""
    return "", ""


def record_row(record: dict[str, Any], number: int, *, region_code: str | None) -> SourceRow:
    """One `СвЮЛ` as the registry's canonical fields; a form or region the registry does not take
    is marked as excluded, with the reason."""
    attrs = record[""]
    names = record.get("СвНаимЮЛ", {})
    full_name = names.get("НаимЮЛПолн", "")
    short_name = record.get("СвНаимЮЛ/СвНаимЮЛСокр", {}).get("НаимСокр") or names.get(
        "НаимЮЛСокр", ""
    )
    inn = attrs.get("ИНН", "")
    address, address_region = address_of(record)
    region = address_region or inn[:2]
    code = "" if attrs.get("СпрОПФ", "").upper() == "КОПФ" else attrs.get("КодОПФ", "")
    form_name = attrs.get("ПолнНаимОПФ", "")
    verdict = okopf.classify(code, form_name, organization_name=full_name)
    terminated = "СвПрекрЮЛ" in record
    how = record.get("СвПрекрЮЛ/СпПрекрЮЛ", {}).get("НаимСпПрекрЮЛ", "")
    values = {
        "full_name": full_name,
        "short_name": short_name,
        "inn": inn,
        "ogrn": attrs.get("ОГРН", ""),
        "kpp": attrs.get("КПП", ""),
        "registration_date": attrs.get("ДатаОГРН", ""),
        "address": address,
        "region": region,
        "legal_form": verdict.legal_form,
        "register": verdict.register,
        "email": record.get("СвАдрЭлПочты", {}).get("E-mail", ""),
        "status": f"Прекращена: {how}" if terminated else "",
    }
    row = SourceRow(
        line=number, values={k: v.strip() for k, v in values.items() if v and v.strip()}
    )
    form = " ".join(
        filter(None, (f"ОКОПФ {code}" if code else "", f"«{form_name}»" if form_name else ""))
    )
    if verdict.excluded:
        row.excluded, row.excluded_detail = verdict.excluded, f"{form or 'ОПФ'}: {verdict.excluded}"
    elif region_code and region and region != region_code:
        row.excluded, row.excluded_detail = OTHER_REGION, f"{OTHER_REGION}: код {region}"
    return row


def egrul_rows(binary: IO[bytes], *, region_code: str | None = None) -> Iterator[SourceRow]:
    """Every `СвЮЛ` of the extract as a row; those of another region than `region_code`, and those
    whose legal form is not a non-profit's (see `okopf`), come marked as excluded."""
    number = 0
    for records in stream_xml(binary, _EgrulRecords()):
        for record in records:
            number += 1
            yield record_row(record, number, region_code=region_code)
    if number == 0:
        raise ReaderError(
            gettext(
                "The XML file holds no legal entities (no СвЮЛ elements): it is not an EGRUL extract."
            )
        )
