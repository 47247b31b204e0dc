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
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils.translation import gettext as _

from nkohub.analytics import services
from nkohub.analytics.import_files import read_rows
from nkohub.core.errors import DomainError
from nkohub.core.validators import is_valid_inn, normalize_digits
from nkohub.grants import selectors as grants_selectors
from nkohub.grants import services as grants_services
from nkohub.organizations.imports.readers import ReaderError
from nkohub.organizations.imports.validation import parse_date

if TYPE_CHECKING:
    from nkohub.accounts.models import User

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
