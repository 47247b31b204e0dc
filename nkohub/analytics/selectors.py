"""Reads of the analytics app: the entered figures aggregated in SQL, the dashboard's settings and
the reports made. Other apps' figures are read through their own selectors (see `sources.py`)."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, QuerySet, Sum

from nkohub.analytics.models import DashboardBlock, MediaFigure, SectorReport, Subsidy


@dataclass(frozen=True)
class MoneyRow:
    label: str
    recipients: int
    amount: Decimal


@dataclass(frozen=True)
class SubsidyTotals:
    year: int | None
    recipients: int
    subsidies: int
    amount: Decimal
    by_direction: list[MoneyRow]
    by_sphere: list[MoneyRow]


def subsidies(*, year_from: int | None = None, year_to: int | None = None) -> QuerySet[Subsidy]:
    rows = Subsidy.objects.all()
    if year_from is not None:
        rows = rows.filter(year__gte=year_from)
    if year_to is not None:
        rows = rows.filter(year__lte=year_to)
    return rows


def subsidy_years() -> list[int]:
    return list(Subsidy.objects.values_list("year", flat=True).distinct().order_by("year"))


def _money_rows(rows: QuerySet[Subsidy], field: str, unknown: str) -> list[MoneyRow]:
    grouped = (
        rows.values_list(field)
        .annotate(recipients=Count("inn", distinct=True), amount=Sum("amount"))
        .order_by()
    )
    result = [
        MoneyRow(label=label or unknown, recipients=recipients, amount=amount or Decimal("0"))
        for label, recipients, amount in grouped
    ]
    return sorted(result, key=lambda row: (-row.amount, row.label))


def subsidy_totals(*, year_from: int | None = None, year_to: int | None = None) -> SubsidyTotals:
    """Recipients (distinct INNs), subsidies and money in total, by direction and by sphere: three
    GROUP BY queries whatever the number of rows."""
    rows = subsidies(year_from=year_from, year_to=year_to)
    totals = rows.aggregate(
        recipients=Count("inn", distinct=True), subsidies=Count("pk"), amount=Sum("amount")
    )
    return SubsidyTotals(
        year=year_from if year_from == year_to else None,
        recipients=totals["recipients"],
        subsidies=totals["subsidies"],
        amount=totals["amount"] or Decimal("0"),
        by_direction=_money_rows(rows, "direction", "не указано"),
        by_sphere=_money_rows(rows, "sphere", "не указана"),
    )


def subsidies_by_year() -> list[MoneyRow]:
    grouped = (
        Subsidy.objects.values_list("year")
        .annotate(recipients=Count("inn", distinct=True), amount=Sum("amount"))
        .order_by("year")
    )
    return [
        MoneyRow(label=str(year), recipients=recipients, amount=amount or Decimal("0"))
        for year, recipients, amount in grouped
    ]


def media_figures(
    *, year_from: int | None = None, year_to: int | None = None
) -> QuerySet[MediaFigure]:
    rows = MediaFigure.objects.all()
    if year_from is not None:
        rows = rows.filter(year__gte=year_from)
    if year_to is not None:
        rows = rows.filter(year__lte=year_to)
    return rows.order_by("year", "month")


def private_block_keys() -> set[str]:
    """The blocks an operator took off the public dashboard (every block is public by default)."""
    return set(DashboardBlock.objects.filter(is_public=False).values_list("key", flat=True))


def recent_reports(limit: int = 20) -> QuerySet[SectorReport]:
    return SectorReport.objects.select_related("requested_by").order_by("-created_at", "-pk")[
        :limit
    ]


def report_by_pk(pk: int) -> SectorReport | None:
    return SectorReport.objects.filter(pk=pk).first()
