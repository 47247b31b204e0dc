"""The regional sector report (D3): the research's sections in its order — the sector in numbers,
financial support, grants, media activity, interviews and problem zones, conclusions — for a period,
each figure next to the same figure a year earlier; rendered as HTML, PDF (WeasyPrint) and XLSX.

The figures come from `figures` (as the dashboard's), so the report and the page agree."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from nkohub.analytics import figures
from nkohub.analytics.dashboard import Money, Percent, cell_text
from nkohub.analytics.report_xlsx import build_xlsx
from nkohub.core.markdown import render_markdown


@dataclass
class Table:
    title: str
    columns: list[str]
    rows: list[list[Any]]

    @property
    def text_rows(self) -> list[list[str]]:
        return [[cell_text(value) for value in row] for row in self.rows]


@dataclass
class Section:
    number: int
    title: str
    paragraphs: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    html: str = ""  # the operator's own text (conclusions), already sanitised


def _years(start: datetime.date, end: datetime.date) -> tuple[int, int]:
    return start.year, end.year


def period_label(start: datetime.date, end: datetime.date) -> str:
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        if start.year == end.year:
            return _("%(year)s (year)") % {"year": start.year}
        return _("%(start)s–%(end)s (years)") % {"start": start.year, "end": end.year}
    return f"{date_format(start, 'j E Y')} – {date_format(end, 'j E Y')}"


def _change(now: Decimal | int, before: Decimal | int) -> Percent | None:
    if not before:
        return None
    return Percent(
        ((Decimal(now) - Decimal(before)) * 100 / Decimal(before)).quantize(Decimal("0.1"))
    )


def sector_section(number: int) -> Section:
    data = figures.sector()
    section = Section(number, _("The sector in numbers"))
    section.paragraphs.append(
        _(
            "The registry lists %(total)s NGOs of the region; %(verified)s of them are verified by an operator."
        )
        % {"total": cell_text(data.total), "verified": cell_text(data.verified)}
    )
    for title, heading, rows in (
        (_("By sphere of activity"), _("Sphere"), data.by_sphere),
        (_("By legal form"), _("Legal form"), data.by_legal_form),
        (_("By municipality"), _("Municipality"), data.by_municipality),
    ):
        section.tables.append(
            Table(title, [heading, _("Organisations")], [[row.label, row.count] for row in rows])
        )
    section.tables.append(
        Table(
            _("By year of registration"),
            [_("Year"), _("Registered that year")],
            [[str(y), n] for y, n in data.by_year],
        )
    )
    return section


def support_section(number: int, start: datetime.date, end: datetime.date) -> Section:
    year_from, year_to = _years(start, end)
    now = figures.selectors.subsidy_totals(year_from=year_from, year_to=year_to)
    before = figures.selectors.subsidy_totals(year_from=year_from - 1, year_to=year_to - 1)
    section = Section(number, _("Financial support"))
    if not now.subsidies:
        section.paragraphs.append(_("No regional subsidies are entered for the period."))
        return section
    section.paragraphs.append(
        _(
            "In %(period)s %(recipients)s organisations received regional subsidies totalling %(amount)s."
        )
        % {
            "period": period_label(start, end),
            "recipients": cell_text(now.recipients),
            "amount": cell_text(Money(now.amount)),
        }
    )
    section.tables.append(
        Table(
            _("Subsidies in total"),
            [_("Period"), _("Recipients"), _("Subsidies"), _("Amount")],
            [
                [period_label(start, end), now.recipients, now.subsidies, Money(now.amount)],
                [
                    period_label(
                        start.replace(year=start.year - 1), end.replace(year=end.year - 1)
                    ),
                    before.recipients,
                    before.subsidies,
                    Money(before.amount),
                ],
            ],
        )
    )
    earlier = {row.label: row for row in before.by_direction}
    section.tables.append(
        Table(
            _("By direction"),
            [_("Direction"), _("Recipients"), _("Amount"), _("A year earlier"), _("Change")],
            [
                [
                    row.label,
                    row.recipients,
                    Money(row.amount),
                    Money(earlier[row.label].amount) if row.label in earlier else None,
                    _change(row.amount, earlier[row.label].amount)
                    if row.label in earlier
                    else None,
                ]
                for row in now.by_direction
            ],
        )
    )
    section.tables.append(
        Table(
            _("By sphere"),
            [_("Sphere"), _("Recipients"), _("Amount")],
            [[row.label, row.recipients, Money(row.amount)] for row in now.by_sphere],
        )
    )
    return section


def grants_section(number: int, start: datetime.date, end: datetime.date) -> Section:
    year_from, year_to = _years(start, end)
    results = figures.grant_results(year_from=year_from - 1, year_to=year_to)
    history = figures.grant_results()
    section = Section(number, _("Grants"))
    in_period = [item for item in results.by_year if year_from <= item.year <= year_to]
    submitted = sum(item.applications for item in in_period)
    won = sum(item.winners for item in in_period)
    if submitted:
        section.paragraphs.append(
            _(
                "In %(period)s the region's organisations submitted %(submitted)s applications to the Presidential Grants Fund; %(won)s were supported (%(rate)s)."
            )
            % {
                "period": period_label(start, end),
                "submitted": cell_text(submitted),
                "won": cell_text(won),
                "rate": cell_text(Percent(figures.percent(won, submitted) or 0)),
            }
        )
    else:
        section.paragraphs.append(_("No results of the Fund are entered for the period."))
    section.tables.append(
        Table(
            _("Applications by year"),
            [
                _("Year"),
                _("Applications submitted"),
                _("Supported"),
                _("Success rate"),
                _("Money won"),
            ],
            [
                [
                    str(item.year),
                    item.applications,
                    item.winners,
                    Percent(item.success_percent) if item.success_percent is not None else None,
                    Money(item.amount),
                ]
                for item in history.by_year
            ],
        )
    )
    section.tables.append(
        Table(
            _("Success rate against other regions"),
            [
                _("Region"),
                _("Years"),
                _("Applications submitted"),
                _("Supported"),
                _("Success rate"),
            ],
            [
                [
                    r.region,
                    r.years,
                    r.applications,
                    r.winners,
                    Percent(r.success_percent) if r.success_percent is not None else None,
                ]
                for r in history.regions
            ],
        )
    )
    if history.by_competition:
        section.tables.append(
            Table(
                _("By competition"),
                [
                    _("Competition"),
                    _("Year"),
                    _("Applications submitted"),
                    _("Supported"),
                    _("Money won"),
                ],
                [
                    [
                        row.competition,
                        str(row.year_from),
                        row.applications,
                        row.winners,
                        Money(row.amount or 0),
                    ]
                    for row in history.by_competition
                    if year_from <= row.year_from <= year_to
                ],
            )
        )
    return section


def media_section(number: int, start: datetime.date, end: datetime.date) -> Section:
    section = Section(number, _("Media activity"))
    rows: list[list[Any]] = []
    for year in range(start.year, end.year + 1):
        for figure in figures.media_of_year(year):
            month = (
                date_format(datetime.date(figure.year, figure.month, 1), "F Y")
                if figure.month
                else str(figure.year)
            )
            rows.append([month, figure.publications, figure.mentions, figure.rating_place])
    if rows:
        total = [r for r in rows if r[0] not in {str(y) for y in range(start.year, end.year + 1)}]
        section.paragraphs.append(
            _(
                "Publications about the region's NGOs in the period: %(publications)s, mentions: %(mentions)s."
            )
            % {
                "publications": cell_text(
                    sum(r[1] for r in total) if total else sum(r[1] for r in rows)
                ),
                "mentions": cell_text(
                    sum(r[2] for r in total) if total else sum(r[2] for r in rows)
                ),
            }
        )
    else:
        section.paragraphs.append(_("No media figures are entered for the period."))
    section.tables.append(
        Table(
            _("Media figures"),
            [_("Month"), _("Publications"), _("Mentions"), _("Place in the rating")],
            rows,
        )
    )
    activity = figures.media(min(end, timezone.localdate()))
    section.tables.append(
        Table(
            _("News on the platform, the last twelve months of the period"),
            [_("Month"), _("News published"), _("Publications in media")],
            [[date_format(m.month, "F Y"), m.published, m.in_media] for m in activity],
        )
    )
    return section


# --- interviews and problem zones: the surveys app's selectors, when it is installed ------------


def survey_figures(start: datetime.date, end: datetime.date) -> dict[str, Any] | None:
    """The surveys' ranked problem zones, summaries and interview quotes, or None where the surveys
    app is not there (the section then says so; nothing is made up)."""
    try:
        from nkohub.surveys import selectors as surveys  # a layer below: read through its selectors
    except (ImportError, RuntimeError):
        return None
    return {
        "zones": list(surveys.problem_zone_ranking()),
        "summaries": list(surveys.survey_summaries(start, end)),
        "quotes": list(surveys.interview_quotes(limit=20)),
    }


def _names(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    try:
        return ", ".join(str(item) for item in value)
    except TypeError:
        return str(value)


def _share(value: Any) -> Percent | None:
    """A share of 0..1 (the surveys' selectors) in per cent."""
    if value is None:
        return None
    return Percent((Decimal(str(value)) * 100).quantize(Decimal("0.1")))


def surveys_section(number: int, start: datetime.date, end: datetime.date) -> Section:
    section = Section(number, _("Interviews and problem zones"))
    data = survey_figures(start, end)
    if data is None or not (data["zones"] or data["summaries"] or data["quotes"]):
        section.paragraphs.append(_("No survey or interview results for the period yet."))
        return section
    if data["summaries"]:
        section.tables.append(
            Table(
                _("Surveys of the period"),
                [
                    _("Survey"),
                    _("Survey dates"),
                    _("Addressed to"),
                    _("Responses submitted"),
                    _("Share who answered"),
                ],
                [
                    [
                        summary.title,
                        f"{summary.opens_on:%d.%m.%Y}–{summary.closes_on:%d.%m.%Y}",
                        summary.addressed,
                        summary.responses,
                        _share(summary.response_rate),
                    ]
                    for summary in data["summaries"]
                ],
            )
        )
    if data["zones"]:
        section.tables.append(
            Table(
                _("Problem zones, ranked"),
                [
                    _("Place"),
                    _("Problem zone"),
                    _("Named"),
                    _("Share"),
                    _("Who must act"),
                    _("Tools of the platform"),
                ],
                [
                    [
                        zone.position,
                        str(zone.zone),
                        zone.named,
                        _share(zone.share),
                        _names(zone.actors),
                        _names(zone.tools),
                    ]
                    for zone in data["zones"]
                ],
            )
        )
    if data["quotes"]:
        section.tables.append(
            Table(
                _("From the interviews"),
                [_("Quote"), _("Question"), _("Organisation")],
                [
                    [quote.text, quote.question, quote.organization or "—"]
                    for quote in data["quotes"]
                ],
            )
        )
    return section


def conclusions_section(number: int, text: str) -> Section:
    section = Section(number, _("Conclusions"))
    if text.strip():
        section.html = str(render_markdown(text))
    else:
        section.paragraphs.append(_("The operator has not written the conclusions yet."))
    return section


def build_sections(
    start: datetime.date, end: datetime.date, conclusions: str = ""
) -> list[Section]:
    return [
        sector_section(1),
        support_section(2, start, end),
        grants_section(3, start, end),
        media_section(4, start, end),
        surveys_section(5, start, end),
        conclusions_section(6, conclusions),
    ]


@dataclass
class Rendered:
    html: bytes
    pdf: bytes
    xlsx: bytes


def render_report(
    start: datetime.date,
    end: datetime.date,
    conclusions: str = "",
    *,
    on_progress: Callable[[int], None] | None = None,
) -> Rendered:
    """The three files of the report; `on_progress` hears how far it got, in per cent."""
    report = on_progress or (lambda percent: None)
    with translation.override("ru"):
        sections = build_sections(start, end, conclusions)
        report(30)
        html = render_to_string(
            "analytics/report_document.html",
            {
                "sections": sections,
                "period": period_label(start, end),
                "made_on": timezone.localdate(),
            },
        )
        report(40)
        xlsx = build_xlsx(sections, period_label(start, end))
        report(55)
    from weasyprint import HTML  # loaded on the first report (see grants.exports.build_pdf)

    pdf = bytes(HTML(string=html).write_pdf())
    report(95)
    return Rendered(html=html.encode(), pdf=pdf, xlsx=xlsx)
