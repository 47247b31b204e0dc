"""The public dashboard (D1, D2): blocks of figures, each a chart with its table beside it and a CSV
of the same rows. An operator chooses which blocks everyone sees (`DashboardBlock`); operators see
them all, the private ones marked.

The page is rendered once per audience (everyone / operators) and kept whole in the cache
(core.fragments, group `analytics.dashboard`) until any of the models it shows changes, or the day
does (the media activity counts the last twelve months): a warm page runs no query of its own."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from nkohub.analytics import charts, figures, selectors
from nkohub.core import fragments

FRAGMENTS = "analytics.dashboard"


class Money(Decimal):
    """Rubles in a table cell: shown as «15 300 000,00 ₽», written to CSV as 15300000,00."""


class Percent(Decimal):
    """A share in per cent with one decimal: «38,5 %»."""


def _percent(value: Decimal | None) -> "Percent | None":
    return Percent(value) if value is not None else None


def cell_text(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, Money):
        return f"{number_format(value, decimal_pos=2, use_l10n=True, force_grouping=True)}\u00a0₽"
    if isinstance(value, Percent):
        return f"{number_format(value, decimal_pos=1, use_l10n=True)}\u00a0%"
    if isinstance(value, int) and not isinstance(value, bool):
        return number_format(value, use_l10n=True, force_grouping=True)
    return str(value)


def csv_text(value: Any) -> str:
    """What Excel in a Russian locale reads as a number: no grouping, a decimal comma."""
    if value is None:
        return ""
    if isinstance(value, Money):
        return format(value.quantize(Decimal("0.01")), "f").replace(".", ",")
    if isinstance(value, Decimal):
        return format(value, "f").replace(".", ",")
    return str(value)


@dataclass
class Block:
    key: str
    title: str
    columns: list[str]
    rows: list[list[Any]]
    chart: Any = None
    note: str = ""
    is_public: bool = True

    @property
    def empty(self) -> bool:
        return not self.rows

    @property
    def table(self) -> list[list[str]]:
        return [[cell_text(value) for value in row] for row in self.rows]


class Context:
    """What the blocks of one page share: the day, and figures several blocks read (computed once)."""

    def __init__(self, today: datetime.date) -> None:
        self.today = today

    @cached_property
    def sector(self) -> Any:
        return figures.organizations.sector_breakdown()

    @cached_property
    def grants(self) -> figures.Grants:
        return figures.grant_results()

    @cached_property
    def subsidy_year(self) -> int | None:
        return figures.latest_subsidy_year()

    @cached_property
    def subsidies(self) -> Any:
        return figures.subsidies(self.subsidy_year)


@dataclass(frozen=True)
class BlockKind:
    key: str
    title: str | Promise
    build: Callable[[Context], Block]


def _bars(rows: list[list[Any]], value_index: int = 1) -> Any:
    return charts.bar_chart(
        [(str(row[0]), row[value_index] or 0, cell_text(row[value_index])) for row in rows]
    )


def _count_block(key: str, title: str, counted: list[Any], heading: str) -> Block:
    rows = [[row.label, row.count] for row in counted]
    return Block(
        key=key,
        title=title,
        columns=[heading, _("Organisations")],
        rows=rows,
        chart=_bars(rows),
        note=_("NGOs of the registry on the platform."),
    )


def organizations_by_sphere(ctx: Context) -> Block:
    return _count_block(
        "org_sphere",
        _("Organisations by sphere of activity"),
        figures.organizations.count_by_sphere(),
        _("Sphere"),
    )


def organizations_by_legal_form(ctx: Context) -> Block:
    return _count_block(
        "org_legal_form",
        _("Organisations by legal form"),
        ctx.sector.by_legal_form,
        _("Legal form"),
    )


def organizations_by_municipality(ctx: Context) -> Block:
    return _count_block(
        "org_municipality",
        _("Organisations by municipality"),
        ctx.sector.by_municipality,
        _("Municipality"),
    )


def organizations_by_year(ctx: Context) -> Block:
    pairs = ctx.sector.by_year
    rows: list[list[Any]] = [[str(year), n] for year, n in pairs]
    return Block(
        key="org_year",
        title=_("Organisations by year of registration"),
        columns=[_("Year"), _("Registered that year")],
        rows=rows,
        chart=charts.line_chart(
            [str(year) for year, _n in pairs], [(_("Registered that year"), [n for _y, n in pairs])]
        ),
        note=_("NGOs of the registry on the platform."),
    )


def organizations_verified(ctx: Context) -> Block:
    verified, not_verified = ctx.sector.verified, ctx.sector.not_verified
    rows: list[list[Any]] = []
    if verified or not_verified:
        rows = [[_("Verified by an operator"), verified], [_("Not verified"), not_verified]]
    return Block(
        key="org_verified",
        title=_("Verified organisations"),
        columns=[_("Organisations"), _("Number")],
        rows=rows,
        chart=_bars(rows),
    )


def _subsidy_block(ctx: Context, key: str, title: str, heading: str, pick: str) -> Block:
    year = ctx.subsidy_year
    totals = ctx.subsidies
    rows: list[list[Any]] = []
    note = ""
    if totals is not None:
        rows = [[row.label, row.recipients, Money(row.amount)] for row in getattr(totals, pick)]
        note = _("%(year)s: %(recipients)s recipients, %(amount)s in total.") % {
            "year": year,
            "recipients": cell_text(totals.recipients),
            "amount": cell_text(Money(totals.amount)),
        }
    return Block(
        key=key,
        title=f"{title}, {year}" if year else title,
        columns=[heading, _("Recipients"), _("Amount")],
        rows=rows,
        chart=_bars(rows, 2),
        note=note,
    )


def subsidies_by_direction(ctx: Context) -> Block:
    return _subsidy_block(
        ctx,
        "subsidy_direction",
        _("Regional subsidies by direction"),
        _("Direction"),
        "by_direction",
    )


def subsidies_by_sphere(ctx: Context) -> Block:
    return _subsidy_block(
        ctx, "subsidy_sphere", _("Regional subsidies by sphere"), _("Sphere"), "by_sphere"
    )


def grants_by_year(ctx: Context) -> Block:
    results = ctx.grants
    rows: list[list[Any]] = [
        [
            str(item.year),
            item.applications or None,
            item.winners or None,
            Percent(item.success_percent) if item.success_percent is not None else None,
            Money(item.amount) if item.amount else None,
            item.platform_applications,
            item.platform_winners,
        ]
        for item in results.by_year
    ]
    labels = [str(item.year) for item in results.by_year]
    chart = charts.line_chart(
        labels,
        [
            (_("Applications submitted"), [item.applications for item in results.by_year]),
            (_("Supported"), [item.winners for item in results.by_year]),
        ],
    )
    return Block(
        key="grants_year",
        title=_("Presidential Grants Fund: the region's applications by year"),
        columns=[
            _("Year"),
            _("Applications submitted"),
            _("Supported"),
            _("Success rate"),
            _("Money won"),
            _("Applications on the platform"),
            _("Won on the platform"),
        ],
        rows=rows,
        chart=chart,
        note=_(
            "The Fund's results entered by operators, next to the outcomes recorded on the platform."
        ),
    )


def grants_by_funder(ctx: Context) -> Block:
    stats = ctx.grants.by_funder
    rows: list[list[Any]] = [
        [row.label, row.applications, row.winners, Money(row.amount)] for row in stats
    ]
    return Block(
        key="grants_funder",
        title=_("Grants by funder"),
        columns=[_("Funder"), _("Applications"), _("Won"), _("Money won")],
        rows=rows,
        chart=_bars(rows),
        note=_("Applications of the region's organisations recorded on the platform."),
    )


def platform_competitions(ctx: Context) -> Block:
    """The funders' own competitions run on the platform (the competitions app), by year."""
    rows: list[list[Any]] = [
        [
            row["year"],
            row["calls"],
            row["submitted"],
            row["approved"],
            Money(row["awarded"]),
        ]
        for row in figures.platform_competitions()
    ]
    return Block(
        key="platform_competitions",
        title=_("Competitions run on the platform, by year"),
        columns=[
            _("Year"),
            _("Competitions"),
            _("Applications"),
            _("Supported"),
            _("Money awarded"),
        ],
        rows=rows,
        chart=_bars(rows, value_index=4),
        note=_(
            "Calls of the region's funders judged on the platform, by the year of their deadline."
        ),
    )


def success_rate(ctx: Context) -> Block:
    regions = ctx.grants.regions
    rows: list[list[Any]] = [
        [
            region.region,
            region.years,
            region.applications,
            region.winners,
            Percent(region.success_percent) if region.success_percent is not None else None,
        ]
        for region in regions
    ]
    return Block(
        key="success_rate",
        title=_("Success rate against other regions"),
        columns=[
            _("Region"),
            _("Years"),
            _("Applications submitted"),
            _("Supported"),
            _("Success rate"),
        ],
        rows=rows,
        chart=_bars(rows, 4),
        note=_("The Presidential Grants Fund's results entered by operators, with their sources."),
    )


def media_by_month(ctx: Context) -> Block:
    months = figures.media(ctx.today)
    rows: list[list[Any]] = [
        [
            date_format(item.month, "F Y"),
            item.published,
            item.in_media,
            item.entered_publications,
            item.entered_mentions,
            item.rating_place,
        ]
        for item in months
    ]
    if not any(any(value for value in row[1:]) for row in rows):
        rows = []
    chart = (
        charts.line_chart(
            [date_format(item.month, "M") for item in months],
            [
                (_("News published"), [item.published for item in months]),
                (
                    _("Publications in media"),
                    [item.in_media + (item.entered_publications or 0) for item in months],
                ),
                (_("Mentions"), [item.entered_mentions or 0 for item in months]),
            ],
        )
        if rows
        else None
    )
    return Block(
        key="media_month",
        title=_("Media activity by month"),
        columns=[
            _("Month"),
            _("News on the platform"),
            _("Picked up by media"),
            _("Publications (entered)"),
            _("Mentions (entered)"),
            _("Place in the rating"),
        ],
        rows=rows,
        chart=chart,
    )


def reception_on_time(ctx: Context) -> Block:
    start = ctx.today - datetime.timedelta(days=365)
    records = figures.reception_records(start, ctx.today)
    rows: list[list[Any]] = [
        [
            str(record.authority),
            record.received,
            record.answered,
            record.answered_in_time,
            _percent(figures.percent(record.answered_in_time, record.answered)),
        ]
        for record in records
    ]
    return Block(
        key="reception",
        title=_("Appeals answered on time, by authority"),
        columns=[_("Authority"), _("Received"), _("Answered"), _("On time"), _("Share on time")],
        rows=rows,
        chart=_bars(rows, 4),
        note=_("The last twelve months of the reception."),
    )


def module_indicators(ctx: Context) -> Block:
    rows: list[list[Any]] = [[item.label, item.value] for item in figures.indicators()]
    return Block(
        key="indicators",
        title=_("The platform in figures"),
        columns=[_("Indicator"), _("Number")],
        rows=rows if any(row[1] for row in rows) else [],
        chart=None,
    )


BLOCKS: tuple[BlockKind, ...] = (
    BlockKind(
        "org_sphere", gettext_lazy("Organisations by sphere of activity"), organizations_by_sphere
    ),
    BlockKind(
        "org_legal_form", gettext_lazy("Organisations by legal form"), organizations_by_legal_form
    ),
    BlockKind(
        "org_municipality",
        gettext_lazy("Organisations by municipality"),
        organizations_by_municipality,
    ),
    BlockKind(
        "org_year", gettext_lazy("Organisations by year of registration"), organizations_by_year
    ),
    BlockKind("org_verified", gettext_lazy("Verified organisations"), organizations_verified),
    BlockKind(
        "subsidy_direction", gettext_lazy("Regional subsidies by direction"), subsidies_by_direction
    ),
    BlockKind("subsidy_sphere", gettext_lazy("Regional subsidies by sphere"), subsidies_by_sphere),
    BlockKind("grants_year", gettext_lazy("Grants by year"), grants_by_year),
    BlockKind("grants_funder", gettext_lazy("Grants by funder"), grants_by_funder),
    BlockKind(
        "platform_competitions",
        gettext_lazy("Competitions run on the platform, by year"),
        platform_competitions,
    ),
    BlockKind("success_rate", gettext_lazy("Success rate against other regions"), success_rate),
    BlockKind("media_month", gettext_lazy("Media activity by month"), media_by_month),
    BlockKind(
        "reception", gettext_lazy("Appeals answered on time, by authority"), reception_on_time
    ),
    BlockKind("indicators", gettext_lazy("The platform in figures"), module_indicators),
)
BLOCK_KEYS = tuple(kind.key for kind in BLOCKS)
BLOCK_CHOICES = [(kind.key, kind.title) for kind in BLOCKS]


def block_kind(key: str) -> BlockKind | None:
    return next((kind for kind in BLOCKS if kind.key == key), None)


def build_blocks(*, everything: bool, today: datetime.date | None = None) -> list[Block]:
    """The blocks everyone sees, or (operators) every block with the private ones marked."""
    today = today or timezone.localdate()
    private = selectors.private_block_keys()
    ctx = Context(today)
    blocks = []
    for kind in BLOCKS:
        if kind.key in private and not everything:
            continue
        block = kind.build(ctx)
        block.is_public = kind.key not in private
        blocks.append(block)
    return blocks


def rendered_blocks(*, everything: bool) -> str:
    """The HTML of the dashboard's blocks, from the cache when nothing it shows has changed."""
    today = timezone.localdate()

    def render() -> str:
        return render_to_string(
            "analytics/_blocks.html",
            {"blocks": build_blocks(everything=everything, today=today), "everything": everything},
        )

    audience = "operators" if everything else "everyone"
    return fragments.cached(FRAGMENTS, {"blocks": render}, audience, today.isoformat())["blocks"]
