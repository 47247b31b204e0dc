"""Russia's production calendar as the 59-ФЗ deadlines see it: a maintained base, corrected by operators.

For each day the first layer that speaks for it decides whether it is a working day:

1. an operator's override (`CalendarDay`), kept in the database and edited on the calendar page;
2. the base of its year:
   - the `holidays` package (python-holidays, `holidays.country_holidays("RU")`) for the years whose
     Government decree on the transfer of days off it carries (up to `PACKAGE_LAST_YEAR`; each year's
     source is cited in the package's code and shown on the page) — non-working holidays, the days off
     for holidays on a weekend, the transferred days off and the Saturdays made working;
   - for a later year, the Labour Code (art. 112): the fixed holidays 1–6 and 8 January (New Year
     holidays), 7 January, 23 February, 8 March, 1 May, 9 May, 12 June and 4 November; a holiday that falls
     on a Saturday or Sunday gives a day off on the next working day, except the January holidays (the
     Government moves those two days off by its decree, which is what such a year is missing);
3. the plain week: Monday–Friday working, Saturday and Sunday off.

A year with neither the package's data nor operators' confirmation (`CalendarYear`) that its decree has
been entered is counted by the Labour Code alone; operators see a warning from 1 October of the year
before (`WARN_FROM`), when the Government has usually published the next year's decree (2025's of
04.10.2024, 2026's of 24.09.2025), until the year is covered.
"""

import inspect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any

import holidays
from django.db.models import TextChoices
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from holidays.countries.russia import RussiaStaticHolidays

from nkohub.reception.models import CalendarDay, CalendarYear

# The last year whose transfers the installed package carries: a year with special (substituted or
# observed) days is one whose decree the package's maintainers have entered.
PACKAGE_LAST_YEAR = max(
    *RussiaStaticHolidays.special_public_holidays,
    *RussiaStaticHolidays.special_public_holidays_observed,
)
PACKAGE_FIRST_YEAR = holidays.country_holidays("RU").start_year
PACKAGE_VERSION = holidays.__version__

# Operators are warned about a year without a calendar from this day (month, day) of the year before.
WARN_FROM = (10, 1)

LABOUR_CODE_HOLIDAYS: tuple[tuple[int, int, str], ...] = (
    *((1, day, "Новогодние каникулы") for day in (1, 2, 3, 4, 5, 6, 8)),
    (1, 7, "Рождество Христово"),
    (2, 23, "День защитника Отечества"),
    (3, 8, "Международный женский день"),
    (5, 1, "Праздник Весны и Труда"),
    (5, 9, "День Победы"),
    (6, 12, "День России"),
    (11, 4, "День народного единства"),
)


class Source(TextChoices):
    PACKAGE = "package", _("holidays package")
    LABOUR_CODE = "labour_code", _("Labour Code, art. 112")
    OVERRIDE = "override", _("operator's override")


class Basis(TextChoices):
    """Where a year's base calendar comes from."""

    PACKAGE = "package", _("the holidays package, with the Government's transfers")
    OPERATORS = "operators", _("entered by operators from the Government's decree")
    LABOUR_CODE = "labour_code", _("the Labour Code's fixed holidays only")


@dataclass(frozen=True)
class BaseDay:
    """A day of a year's base calendar that differs from the plain week (or a holiday on a weekend)."""

    day: date
    working: bool
    description: str
    source: str


@dataclass(frozen=True)
class CalendarRow:
    """A day as the operator's page lists it: what it is, where that comes from, what the base says."""

    day: date
    working: bool
    description: str
    source: str
    base: BaseDay | None
    override: CalendarDay | None

    @property
    def base_working(self) -> bool:
        return self.base.working if self.base is not None else self.day.weekday() < 5

    @property
    def redundant(self) -> bool:
        """An override that says what the base already says (the base has caught up with it)."""
        return self.override is not None and self.working == self.base_working


def package_covers(year: int) -> bool:
    return PACKAGE_FIRST_YEAR <= year <= PACKAGE_LAST_YEAR


@cache
def package_source_url(year: int) -> str:
    """The source the package cites for a year's transfers (a comment in its code), or ""."""
    try:
        code = inspect.getsource(RussiaStaticHolidays)
    except (OSError, TypeError):  # no source files installed
        return ""
    match = re.search(rf"# Substituted Holidays {year}\n\s*# src: (https?://\S+)", code)
    return match.group(1) if match else ""


def _package_transfers(year: int) -> dict[date, date]:
    """The Government's transfers the package lists for a year, as {the day given up: the day off}.

    The package writes each as (to month, to day, from month, from day[, from year]), and a year with a
    single transfer without the tuple around it."""
    entries: Any = RussiaStaticHolidays.special_public_holidays.get(year, ())
    if entries and isinstance(entries[0], int):
        entries = (entries,)
    transfers = {}
    for to_month, to_day, from_month, from_day, *from_year in entries:
        given_up = date(from_year[0] if from_year else year, from_month, from_day)
        transfers[given_up] = date(year, to_month, to_day)
    return transfers


@cache
def _package_year(year: int) -> tuple[BaseDay, ...]:
    calendar = holidays.country_holidays("RU", years=year, language="ru")
    days = [
        BaseDay(day=day, working=False, description=name, source=Source.PACKAGE)
        for day, name in calendar.items()
    ]
    for given_up, day_off in _package_transfers(year).items():
        if given_up.year == year and given_up.weekday() >= 5 and calendar.is_working_day(given_up):
            days.append(
                BaseDay(
                    day=given_up,
                    working=True,
                    description=f"Рабочий день (выходной перенесён на {day_off:%d.%m.%Y})",
                    source=Source.PACKAGE,
                )
            )
    return tuple(sorted(days, key=lambda item: item.day))


@cache
def labour_code_year(year: int) -> tuple[BaseDay, ...]:
    """The fixed holidays of art. 112 of the Labour Code with the day off for a holiday on a weekend."""
    names = {date(year, month, day): name for month, day, name in LABOUR_CODE_HOLIDAYS}
    carried: dict[date, str] = {}
    for holiday, name in sorted(names.items()):
        if holiday.month == 1 or holiday.weekday() < 5:
            continue
        day = holiday + timedelta(days=1)
        while day.weekday() >= 5 or day in names or day in carried:
            day += timedelta(days=1)
        carried[day] = f"{name} (выходной, перенесён с {holiday:%d.%m})"
    days = [
        BaseDay(day=day, working=False, description=name, source=Source.LABOUR_CODE)
        for day, name in (names | carried).items()
    ]
    return tuple(sorted(days, key=lambda item: item.day))


def base_year(year: int) -> tuple[BaseDay, ...]:
    """The base of a year: the package where it carries the year's decree, the Labour Code otherwise."""
    return _package_year(year) if package_covers(year) else labour_code_year(year)


class ProductionCalendar:
    """The calendar the deadlines count on: each year's base corrected by the operators' overrides.

    Overrides are read from the database once per year the calendar is asked about, so one instance
    serves a whole recalculation of due dates with a query or two.
    """

    def __init__(self, overrides: Iterable[CalendarDay] | None = None) -> None:
        self._overrides: dict[int, dict[date, CalendarDay]] = {}
        self._base: dict[int, dict[date, BaseDay]] = {}
        self._next_working: dict[date, date] = {}
        if overrides is not None:
            for entry in overrides:
                self._overrides.setdefault(entry.day.year, {})[entry.day] = entry

    def overrides_of(self, year: int) -> dict[date, CalendarDay]:
        if year not in self._overrides:
            rows = CalendarDay.objects.filter(
                day__gte=date(year, 1, 1), day__lte=date(year, 12, 31)
            ).select_related("updated_by")
            self._overrides[year] = {entry.day: entry for entry in rows}
        return self._overrides[year]

    def base_of(self, year: int) -> dict[date, BaseDay]:
        if year not in self._base:
            self._base[year] = {item.day: item for item in base_year(year)}
        return self._base[year]

    def is_working_day(self, day: date) -> bool:
        override = self.overrides_of(day.year).get(day)
        if override is not None:
            return override.kind == CalendarDay.Kind.WORKING
        base = self.base_of(day.year).get(day)
        if base is not None:
            return base.working
        return day.weekday() < 5

    def next_working_day(self, day: date) -> date:
        """`day` itself when it is a working day, else the first working day after it."""
        if day not in self._next_working:
            found = day
            while not self.is_working_day(found):
                found += timedelta(days=1)
            self._next_working[day] = found
        return self._next_working[day]

    def rows(self, year: int) -> list[CalendarRow]:
        """Every day of the year that is not a plain week day, with its source, for the operator's page."""
        base, overrides = self.base_of(year), self.overrides_of(year)
        rows = []
        for day in sorted(set(base) | set(overrides)):
            override = overrides.get(day)
            if override is not None:
                rows.append(
                    CalendarRow(
                        day=day,
                        working=override.kind == CalendarDay.Kind.WORKING,
                        description=override.description,
                        source=Source.OVERRIDE,
                        base=base.get(day),
                        override=override,
                    )
                )
            else:
                item = base[day]
                rows.append(
                    CalendarRow(
                        day=day,
                        working=item.working,
                        description=item.description,
                        source=item.source,
                        base=item,
                        override=None,
                    )
                )
        return rows


@dataclass(frozen=True)
class YearStatus:
    """Where a year's calendar comes from and whether operators must be warned about it."""

    year: int
    basis: str
    confirmation: CalendarYear | None = None
    source_url: str = ""

    @property
    def missing(self) -> bool:
        return self.basis == Basis.LABOUR_CODE

    @property
    def basis_label(self) -> str:
        return str(Basis(self.basis).label)


def year_statuses(years: Iterable[int]) -> dict[int, YearStatus]:
    years = sorted(set(years))
    beyond = [year for year in years if not package_covers(year)]
    confirmed = (
        {entry.year: entry for entry in CalendarYear.objects.filter(year__in=beyond)}
        if beyond
        else {}
    )
    statuses = {}
    for year in years:
        if package_covers(year):
            statuses[year] = YearStatus(
                year=year, basis=Basis.PACKAGE, source_url=package_source_url(year)
            )
        elif year in confirmed:
            statuses[year] = YearStatus(
                year=year, basis=Basis.OPERATORS, confirmation=confirmed[year]
            )
        else:
            statuses[year] = YearStatus(year=year, basis=Basis.LABOUR_CODE)
    return statuses


def year_status(year: int) -> YearStatus:
    return year_statuses([year])[year]


def years_to_warn_about(today: date | None = None) -> list[YearStatus]:
    """The current year, and from 1 October the next one, when counted by the Labour Code alone."""
    today = today or timezone.localdate()
    years = [today.year]
    if (today.month, today.day) >= WARN_FROM:
        years.append(today.year + 1)
    return [status for status in year_statuses(years).values() if status.missing]
