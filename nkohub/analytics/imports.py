"""Imports of the entered figures from spreadsheets: regional subsidies (a ministry's published
decision table), the Fund's results for the region and comparison regions, media figures.

A file is CSV (UTF-8 or Windows-1251, «;» or «,» or tabs — as Excel saves it) or XLSX. Its row of
headings may come below a title (a published decision starts with «Перечень получателей…»); it is
the first row in which the kind's required columns are recognised. Every bad row is reported with
its number (as the spreadsheet numbers it) and all its reasons; a file with any bad row writes
nothing (one transaction), so a corrected file is simply imported again. The reading of encodings,
headings and dates is the registry import's (organizations.imports.readers, docs/imports.md)."""

import csv
import datetime
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils.translation import gettext as _

from nkohub.analytics import services
from nkohub.core.errors import DomainError
from nkohub.core.validators import is_valid_inn, normalize_digits
from nkohub.grants import selectors as grants_selectors
from nkohub.grants import services as grants_services
from nkohub.organizations.imports.readers import ReaderError, detect_encoding, normalize_heading
from nkohub.organizations.imports.validation import parse_date

if TYPE_CHECKING:
    from nkohub.accounts.models import User

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

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("январь", "января", "янв"),
            ("февраль", "февраля", "фев"),
            ("март", "марта", "мар"),
            ("апрель", "апреля", "апр"),
            ("май", "мая"),
            ("июнь", "июня", "июн"),
            ("июль", "июля", "июл"),
            ("август", "августа", "авг"),
            ("сентябрь", "сентября", "сен"),
            ("октябрь", "октября", "окт"),
            ("ноябрь", "ноября", "ноя"),
            ("декабрь", "декабря", "дек"),
        ),
        start=1,
    )
    for name in names
}
TOTAL_WORDS = ("итого", "всего")


@dataclass
class RowProblem:
    line: int
    reasons: list[str]

    def __str__(self) -> str:
        return f"строка {self.line}: " + "; ".join(self.reasons)


@dataclass
class ImportReport:
    kind: str
    rows: int = 0
    created: int = 0
    updated: int = 0
    problems: list[RowProblem] = field(default_factory=list)
    error: str = ""
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return not self.error and not self.problems

    @property
    def written(self) -> bool:
        return self.ok and not self.dry_run and bool(self.created or self.updated)


# --- reading -------------------------------------------------------------------------------------


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


def parse_amount(text: str) -> Decimal | None:
    """Money as spreadsheets write it: «1 234 567,89», «1234567.89», «1.234.567», «150 000 руб.»."""
    value = re.sub(r"(?i)(руб\w*\.?|₽|р\.)", "", text)
    value = re.sub(r"[\s\u00a0\u202f']", "", value)
    if not value:
        return None
    if "," in value and "." in value:
        decimal_mark = "," if value.rfind(",") > value.rfind(".") else "."
        grouping = "." if decimal_mark == "," else ","
        value = value.replace(grouping, "").replace(decimal_mark, ".")
    elif value.count(",") == 1:
        value = value.replace(",", ".")
    elif value.count(",") > 1 or value.count(".") > 1:
        value = value.replace(",", "").replace(".", "")
    try:
        amount = Decimal(value)
    except InvalidOperation:
        return None
    if not amount.is_finite():
        return None
    return amount.quantize(Decimal("0.01"))


def _whole(text: str) -> int | None:
    value = re.sub(r"[\s\u00a0\u202f]", "", text)
    value = value[:-2] if value.endswith(".0") else value
    return int(value) if value.isdigit() else None


def _inn(text: str) -> str:
    digits = normalize_digits(text)
    digits = digits[:-2] if digits.endswith(".0") else digits
    if len(digits) in (9, 11) and is_valid_inn("0" + digits):
        return "0" + digits  # Excel dropped the leading zero
    return digits


def _month(text: str) -> int | None:
    value = text.strip().lower().rstrip(".")
    if value.isdigit():
        number = int(value)
        return number if 1 <= number <= 12 else None
    return MONTHS.get(value)


# --- the importer --------------------------------------------------------------------------------


@dataclass
class Defaults:
    source: str
    source_date: datetime.date | None = None
    year: int | None = None
    thousands: bool = False


def _subsidy_row(
    actor: "User | None", values: dict[str, str], defaults: Defaults
) -> tuple[bool, list[str]]:
    reasons: list[str] = []
    recipient = values.get("recipient", "")
    if not recipient:
        reasons.append("нет получателя")
    raw_inn = values.get("inn", "")
    inn = _inn(raw_inn)
    if not inn:
        reasons.append("нет ИНН")
    elif not is_valid_inn(inn):
        reasons.append(
            f"ИНН {raw_inn}: неверный (не 10 или 12 цифр или неверная контрольная цифра)"
        )
    thousands = defaults.thousands or ("amount_thousands" in values and not values.get("amount"))
    raw_amount = values.get("amount") or values.get("amount_thousands", "")
    amount = parse_amount(raw_amount)
    if not raw_amount:
        reasons.append("нет суммы")
    elif amount is None:
        reasons.append(f"не удалось прочитать сумму «{raw_amount}»")
    elif amount <= 0:
        reasons.append(f"сумма «{raw_amount}» не больше нуля")
    elif thousands:
        amount = (amount * 1000).quantize(Decimal("0.01"))
    direction = values.get("direction", "")
    if not direction:
        reasons.append("нет направления поддержки")
    year = defaults.year
    if values.get("year"):
        year = _whole(values["year"])
        if year is None or not 2000 <= year <= 2100:
            reasons.append(f"не удалось прочитать год «{values['year']}»")
    elif year is None:
        reasons.append("нет года (укажите год файла)")
    source_date = defaults.source_date
    if values.get("date"):
        source_date = parse_date(values["date"])
        if source_date is None:
            reasons.append(f"не удалось прочитать дату «{values['date']}»")
    if reasons or amount is None or year is None:
        return False, reasons
    _subsidy, created = services.subsidy_record(
        actor=actor,
        recipient=recipient,
        inn=inn,
        direction=direction,
        sphere=values.get("sphere", ""),
        amount=amount,
        year=year,
        source=defaults.source,
        source_date=source_date,
    )
    return created, []


def _fund_row(
    actor: "User | None", values: dict[str, str], defaults: Defaults
) -> tuple[bool, list[str]]:
    reasons: list[str] = []
    region = grants_selectors.region_by_text(values.get("region", ""))
    if region is None:
        reasons.append(f"неизвестный регион «{values.get('region', '')}»")
    funder_text = values.get("funder") or "ФПГ"  # the Presidential Grants Fund by default
    funder = grants_selectors.funder_by_text(values.get("funder") or "pfg")
    if funder is None:
        reasons.append(f"неизвестный фонд «{funder_text}»")
    year = _whole(values.get("year", ""))
    if year is None or not 2000 <= year <= 2100:
        reasons.append(f"не удалось прочитать год «{values.get('year', '')}»")
    applications = _whole(values.get("applications", ""))
    winners = _whole(values.get("winners", ""))
    if applications is None:
        reasons.append(
            f"не удалось прочитать число поданных заявок «{values.get('applications', '')}»"
        )
    if winners is None:
        reasons.append(
            f"не удалось прочитать число поддержанных заявок «{values.get('winners', '')}»"
        )
    if applications is not None and winners is not None and winners > applications:
        reasons.append(f"поддержано ({winners}) больше, чем подано ({applications})")
    amount = None
    if values.get("amount"):
        amount = parse_amount(values["amount"])
        if amount is None or amount < 0:
            reasons.append(f"не удалось прочитать сумму «{values['amount']}»")
        elif defaults.thousands:
            amount = (amount * 1000).quantize(Decimal("0.01"))
    if reasons or year is None or applications is None or winners is None:
        return False, reasons
    existed = (
        grants_selectors.fund_results()
        .filter(
            region=region,
            funder=funder,
            year_from=year,
            year_to=year,
            competition=values.get("competition", ""),
        )
        .exists()
    )
    grants_services.fund_result_record(
        actor=actor,
        region=region,
        funder=funder,
        year=year,
        competition=values.get("competition", ""),
        applications=applications,
        winners=winners,
        amount=amount,
        source=defaults.source,
        source_date=defaults.source_date,
    )
    return not existed, []


def _media_row(
    actor: "User | None", values: dict[str, str], defaults: Defaults
) -> tuple[bool, list[str]]:
    reasons: list[str] = []
    year = _whole(values.get("year", ""))
    if year is None or not 2000 <= year <= 2100:
        reasons.append(f"не удалось прочитать год «{values.get('year', '')}»")
    month = None
    if values.get("month"):
        month = _month(values["month"])
        if month is None:
            reasons.append(f"не удалось прочитать месяц «{values['month']}»")
    numbers: dict[str, int | None] = {}
    for name, label in (
        ("rating_place", "место в рейтинге"),
        ("publications", "число публикаций"),
        ("mentions", "число упоминаний"),
    ):
        text = values.get(name, "")
        numbers[name] = _whole(text) if text else None
        if text and numbers[name] is None:
            reasons.append(f"не удалось прочитать {label} «{text}»")
    if reasons or year is None:
        return False, reasons
    _figure, created = services.media_figure_record(
        actor=actor,
        year=year,
        month=month,
        rating_place=numbers["rating_place"],
        publications=numbers["publications"] or 0,
        mentions=numbers["mentions"] or 0,
        source=defaults.source,
        source_date=defaults.source_date,
    )
    return created, []


WRITERS: dict[str, Callable[..., tuple[bool, list[str]]]] = {
    "subsidies": _subsidy_row,
    "fund_results": _fund_row,
    "media": _media_row,
}


class _Rollback(Exception):
    pass


def import_figures(
    *,
    actor: "User | None",
    kind: str,
    path: Path,
    source: str,
    source_date: datetime.date | None = None,
    year: int | None = None,
    thousands: bool = False,
    dry_run: bool = False,
) -> ImportReport:
    """Read the file and write its rows in one transaction: all of them, or (a bad row, a dry run)
    none. Every bad row is reported with its line and every reason."""
    report = ImportReport(kind=kind, dry_run=dry_run)
    if kind not in WRITERS:
        report.error = _("Unknown kind of figures.")
        return report
    defaults = Defaults(source=source, source_date=source_date, year=year, thousands=thousands)
    write = WRITERS[kind]
    seen: dict[tuple[str, ...], int] = {}
    try:
        with transaction.atomic():
            for line, values in read_rows(kind, path):
                if kind == "subsidies" and _is_total(values):
                    continue
                report.rows += 1
                key = _row_key(kind, values, defaults)
                if key in seen:
                    report.problems.append(RowProblem(line, [f"повтор строки {seen[key]}"]))
                    continue
                seen[key] = line
                try:
                    with transaction.atomic():
                        created, reasons = write(actor, values, defaults)
                except DomainError as error:
                    created, reasons = False, [str(error.message)]
                if reasons:
                    report.problems.append(RowProblem(line, reasons))
                elif created:
                    report.created += 1
                else:
                    report.updated += 1
            if report.problems or dry_run:
                raise _Rollback
    except _Rollback:
        pass
    except ReaderError as error:
        report.error = str(error)
    except (UnicodeError, csv.Error) as error:
        report.error = _("The file could not be read: %(error)s") % {"error": error}
    if report.written:
        services.figures_imported(actor=actor, kind=kind, rows=report.rows, source=source)
    return report


def _is_total(values: dict[str, str]) -> bool:
    first = values.get("recipient", "").lower()
    return not values.get("inn") and any(first.startswith(word) for word in TOTAL_WORDS)


def _row_key(kind: str, values: dict[str, str], defaults: Defaults) -> tuple[str, ...]:
    if kind == "subsidies":
        return (
            values.get("year") or str(defaults.year),
            _inn(values.get("inn", "")),
            values.get("direction", "").lower(),
        )
    if kind == "fund_results":
        return (
            values.get("region", "").lower(),
            (values.get("funder") or "").lower(),
            values.get("year", ""),
            values.get("competition", "").lower(),
        )
    return (values.get("year", ""), str(_month(values.get("month", "")) or values.get("month", "")))
