"""Reading a figures file (CSV as Excel saves it, or XLSX): which row holds the headings, which column
is which (the headings each kind recognises), and the rows under them as text by column name."""

import csv
import datetime
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from nkohub.organizations.imports.readers import ReaderError, detect_encoding, normalize_heading

HEADING_SEARCH_ROWS = 30

ALIASES: dict[str, dict[str, tuple[str, ...]]] = {
    "subsidies": {
        "recipient": (
            "recipient",
            "получатель",
            "получатель субсидии",
            "наименование получателя",
            "наименование получателя субсидии",
            "наименование организации",
            "наименование нко",
            "организация",
            "наименование",
        ),
        "inn": ("inn", "инн", "инн получателя", "инн организации"),
        "amount": (
            "amount",
            "сумма",
            "сумма субсидии",
            "размер субсидии",
            "размер субсидии руб",
            "сумма руб",
            "сумма субсидии руб",
            "размер предоставляемой субсидии руб",
            "объем субсидии руб",
            "сумма рублей",
        ),
        "amount_thousands": (
            "сумма тыс руб",
            "размер субсидии тыс руб",
            "сумма субсидии тыс руб",
            "объем субсидии тыс руб",
        ),
        "direction": (
            "direction",
            "направление",
            "направление поддержки",
            "приоритетное направление",
            "направление субсидии",
            "наименование программы",
            "программа",
        ),
        "sphere": ("sphere", "сфера", "сфера деятельности", "область деятельности"),
        "year": ("year", "год", "год предоставления"),
        "date": ("date", "дата", "дата решения", "дата соглашения"),
    },
    "fund_results": {
        "region": ("region", "регион", "субъект рф", "субъект"),
        "funder": ("funder", "фонд", "грантодатель", "оператор"),
        "year": ("year", "год"),
        "competition": ("competition", "конкурс", "наименование конкурса"),
        "applications": (
            "applications",
            "submitted",
            "подано заявок",
            "подано",
            "заявок подано",
            "заявки",
            "заявок",
        ),
        "winners": (
            "winners",
            "approved",
            "поддержано",
            "поддержано заявок",
            "победители",
            "победителей",
            "получили грант",
        ),
        "amount": (
            "amount",
            "сумма грантов",
            "сумма",
            "сумма руб",
            "объем грантов руб",
            "привлечено руб",
        ),
    },
    "media": {
        "year": ("year", "год"),
        "month": ("month", "месяц"),
        "rating_place": ("rating place", "место в рейтинге", "место", "рейтинг"),
        "publications": ("publications", "публикации", "публикаций", "число публикаций"),
        "mentions": ("mentions", "упоминания", "упоминаний", "число упоминаний"),
    },
}
REQUIRED = {
    "subsidies": ({"recipient", "inn", "direction"}, ({"amount"}, {"amount_thousands"})),
    "fund_results": ({"region", "year", "applications", "winners"}, ()),
    "media": ({"year"}, ()),
}
KINDS = tuple(ALIASES)


def _index(kind: str) -> dict[str, str]:
    return {
        normalize_heading(alias): name
        for name, aliases in reversed(list(ALIASES[kind].items()))
        for alias in reversed(aliases)
    }


def _columns(kind: str, cells: list[Any]) -> dict[int, str] | None:
    """Column index → field, when this row holds the kind's required headings; else None."""
    index = _index(kind)
    columns: dict[int, str] = {}
    for position, cell in enumerate(cells):
        name = index.get(normalize_heading(cell))
        if name is not None and name not in columns.values():
            columns[position] = name
    found = set(columns.values())
    required, one_of = REQUIRED[kind]
    if not required <= found:
        return None
    if one_of and not any(option <= found for option in one_of):
        return None
    return columns


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime | datetime.date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())


def _table_rows(path: Path) -> Iterator[tuple[int, list[Any]]]:
    """(row number as the spreadsheet numbers it, cells) of the file's first sheet or its CSV."""
    head = path.open("rb").read(65536)
    if head.startswith(b"PK\x03\x04") or path.suffix.lower() == ".xlsx":
        yield from _xlsx_rows(path)
        return
    encoding = detect_encoding(head)
    text = path.read_bytes().decode(encoding, errors="replace")
    lines = [line for line in text.splitlines() if line.strip()][:HEADING_SEARCH_ROWS]
    sample = "\n".join(lines)
    counts = {d: max((line.count(d) for line in lines), default=0) for d in (";", "\t", ",")}
    delimiter = max(counts, key=lambda d: counts[d]) if any(counts.values()) else ";"
    del sample
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    yield from enumerate(reader, start=1)


def _xlsx_rows(path: Path) -> Iterator[tuple[int, list[Any]]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises several kinds for a broken file
        raise ReaderError(
            _("The Excel workbook could not be opened: the file is damaged or not XLSX.")
        ) from error
    try:
        for number, row in enumerate(workbook.worksheets[0].iter_rows(values_only=True), start=1):
            yield number, list(row)
    finally:
        workbook.close()


def read_rows(kind: str, path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """(row number, {field: text}) for every row under the row of headings."""
    columns: dict[int, str] | None = None
    for number, cells in _table_rows(path):
        if columns is None:
            if number > HEADING_SEARCH_ROWS:
                break
            columns = _columns(kind, cells)
            continue
        values = {name: _cell(cells[i]) for i, name in columns.items() if i < len(cells)}
        if not any(values.values()):
            continue
        yield number, values
    if columns is None:
        raise ReaderError(
            _("No row of headings with the required columns was found: %(columns)s.")
            % {"columns": ", ".join(sorted(REQUIRED[kind][0]))}
        )


# --- values --------------------------------------------------------------------------------------
