"""The figures of the sector, read from every app through its selectors and from the entered
figures: one place that the dashboard's blocks and the sector report's sections both use, so the
page and the report can never disagree. Aggregates are computed in SQL by those selectors."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone
from django.utils.translation import gettext as _

from nkohub.analytics import selectors
from nkohub.analytics.selectors import MoneyRow, SubsidyTotals
from nkohub.competitions import selectors as competitions
from nkohub.events import selectors as events
from nkohub.grants import selectors as grants
from nkohub.learning import selectors as learning
from nkohub.news import selectors as news
from nkohub.organizations import selectors as organizations
from nkohub.projects import selectors as projects
from nkohub.reception import selectors as reception
from nkohub.resources import selectors as resources


def percent(part: int, whole: int) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(part) * 100 / whole).quantize(Decimal("0.1"))


@dataclass(frozen=True)
class Sector:
    total: int
    by_sphere: list[Any]
    by_legal_form: list[Any]
    by_municipality: list[Any]
    by_year: list[tuple[int, int]]
    verified: int
    not_verified: int


def sector() -> Sector:
    """NGOs of the registry (the directory's own count) and their breakdowns."""
    breakdown = organizations.sector_breakdown()
    return Sector(
        total=breakdown.verified + breakdown.not_verified,
        by_sphere=organizations.count_by_sphere(),
        by_legal_form=breakdown.by_legal_form,
        by_municipality=breakdown.by_municipality,
        by_year=breakdown.by_year,
        verified=breakdown.verified,
        not_verified=breakdown.not_verified,
    )


def latest_subsidy_year(up_to: int | None = None) -> int | None:
    years = [year for year in selectors.subsidy_years() if up_to is None or year <= up_to]
    return years[-1] if years else None


def subsidies(year: int | None) -> SubsidyTotals | None:
    if year is None:
        return None
    return selectors.subsidy_totals(year_from=year, year_to=year)


def subsidies_by_year() -> list[MoneyRow]:
    return selectors.subsidies_by_year()


@dataclass(frozen=True)
class RegionResult:
    region: str
    is_ours: bool
    applications: int
    winners: int
    amount: Decimal
    years: str

    @property
    def success_percent(self) -> Decimal | None:
        return percent(self.winners, self.applications)


@dataclass
class YearResult:
    year: int
    applications: int = 0
    winners: int = 0
    amount: Decimal = Decimal("0")
    platform_applications: int = 0
    platform_winners: int = 0

    @property
    def success_percent(self) -> Decimal | None:
        return percent(self.winners, self.applications)


@dataclass(frozen=True)
class Grants:
    by_year: list[YearResult]
    by_funder: list[Any]
    regions: list[RegionResult]
    by_competition: list[Any] = field(default_factory=list)

    @property
    def ours(self) -> RegionResult | None:
        return next((r for r in self.regions if r.is_ours), None)

    @property
    def others(self) -> list[RegionResult]:
        return [r for r in self.regions if not r.is_ours]


@dataclass
class _Period:
    year_from: int
    year_to: int
    applications: int = 0
    winners: int = 0
    amount: Decimal = Decimal("0")


def _periods(rows: list[Any]) -> list[_Period]:
    """A region's entered rows as periods counted once: a period's whole row when it has one, else
    the sum of its competitions' rows; multi-year totals left out where single years are entered."""
    whole: dict[tuple[int, int], _Period] = {}
    parts: dict[tuple[int, int], _Period] = {}
    for row in rows:
        key = (row.year_from, row.year_to)
        target = whole if not row.competition else parts
        period = target.setdefault(key, _Period(*key))
        period.applications += row.applications
        period.winners += row.winners
        period.amount += row.amount or Decimal("0")
    periods = {**parts, **whole}
    single = {key for key in periods if key[0] == key[1]}
    if single:
        periods = {key: value for key, value in periods.items() if key in single}
    return [periods[key] for key in sorted(periods)]


def grant_results(*, year_from: int | None = None, year_to: int | None = None) -> Grants:
    """The Fund's results entered for the cluster region and the comparison regions, by year and
    region, next to the outcomes the grants module records for the region's organisations."""
    own = str(settings.CLUSTER_REGION)
    entered = list(grants.fund_results(year_from=year_from, year_to=year_to))
    stats = grants.grant_statistics(grants.region_applications())
    by_region: dict[str, list[Any]] = {}
    names: dict[str, str] = {}
    for row in entered:
        by_region.setdefault(row.region.code, []).append(row)
        names[row.region.code] = row.region.name
    periods = {code: _periods(rows) for code, rows in by_region.items()}
    years: dict[int, YearResult] = {}
    for period in periods.get(own, []):
        if period.year_from != period.year_to:
            continue
        years[period.year_from] = YearResult(
            year=period.year_from,
            applications=period.applications,
            winners=period.winners,
            amount=period.amount,
        )
    for stat in stats.by_year:
        if stat.key is None:
            continue
        if (year_from and stat.key < year_from) or (year_to and stat.key > year_to):
            continue
        item = years.setdefault(stat.key, YearResult(year=stat.key))
        item.platform_applications, item.platform_winners = stat.applications, stat.winners
    results = []
    for code, region_periods in periods.items():
        first = min(p.year_from for p in region_periods)
        last = max(p.year_to for p in region_periods)
        results.append(
            RegionResult(
                region=names[code],
                is_ours=code == own,
                applications=sum(p.applications for p in region_periods),
                winners=sum(p.winners for p in region_periods),
                amount=sum((p.amount for p in region_periods), Decimal("0")),
                years=f"{first}–{last}" if first != last else str(first),
            )
        )
    results.sort(key=lambda r: (not r.is_ours, r.region))
    return Grants(
        by_year=[years[year] for year in sorted(years)],
        by_funder=stats.by_funder,
        regions=results,
        by_competition=[row for row in entered if row.region.code == own and row.competition],
    )


@dataclass(frozen=True)
class MediaMonth:
    month: datetime.date
    published: int
    in_media: int
    entered_publications: int | None
    entered_mentions: int | None
    rating_place: int | None


def media(today: datetime.date | None = None) -> list[MediaMonth]:
    """The platform's news and publications in media for the last twelve months, with the entered
    figures (publications, mentions, rating place) of the same months."""
    activity = news.media_activity(today=today or timezone.localdate())
    start, end = activity[0].month, activity[-1].month
    entered = {
        (row.year, row.month): row
        for row in selectors.media_figures(year_from=start.year, year_to=end.year)
        if row.month
    }
    result = []
    for month in activity:
        figure = entered.get((month.month.year, month.month.month))
        result.append(
            MediaMonth(
                month=month.month,
                published=month.published,
                in_media=month.in_media,
                entered_publications=figure.publications if figure else None,
                entered_mentions=figure.mentions if figure else None,
                rating_place=figure.rating_place if figure else None,
            )
        )
    return result


def media_of_year(year: int) -> list[Any]:
    """The entered media figures of a year: its months, and the whole year's row if entered."""
    return list(selectors.media_figures(year_from=year, year_to=year))


def reception_records(start: datetime.date, end: datetime.date) -> list[Any]:
    """Each authority's appeals answered in the period and the share answered on time, busiest first."""
    records = [r for r in reception.authority_records(start, end) if r.received or r.answered]
    return sorted(records, key=lambda r: (-r.answered, -r.received, str(r.authority)))


@dataclass(frozen=True)
class Indicator:
    label: str
    value: int


def indicators() -> list[Indicator]:
    """One number per module: the resource bank, the fair, learning and events."""
    anonymous = AnonymousUser()
    return [
        Indicator(_("Offers in the resource bank"), resources.offers_catalogue().count()),
        Indicator(_("Projects on the fair"), projects.projects_on_fair_count()),
        Indicator(_("Published courses"), learning.catalogue().count()),
        Indicator(_("Materials in the library"), learning.library().count()),
        Indicator(_("Public events"), events.visible_events(anonymous).count()),
        Indicator(_("Events ahead"), events.calendar(anonymous).count()),
    ]


def platform_competitions() -> list[dict[str, Any]]:
    """Per year: calls, applications (withdrawn ones left out), supported, money awarded."""
    return competitions.funding_by_year()
