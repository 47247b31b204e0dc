"""Writes of the analytics app: entered figures, the dashboard's public blocks, sector reports."""

import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db import transaction

from nkohub.analytics.models import DashboardBlock, MediaFigure, SectorReport, Subsidy
from nkohub.core import fragments
from nkohub.core.audit import audit_log
from nkohub.core.errors import DomainError, full_clean_or_raise
from nkohub.notifications.background import enqueue_on_commit

if TYPE_CHECKING:
    from nkohub.accounts.models import User

KEEP_REPORTS = 10


def _actor(actor: Any) -> Any:
    return actor if getattr(actor, "is_authenticated", False) else None


@transaction.atomic
def subsidy_record(
    *,
    actor: "User | None",
    recipient: str,
    inn: str,
    direction: str,
    amount: Decimal,
    year: int,
    source: str,
    sphere: str = "",
    source_date: datetime.date | None = None,
) -> tuple[Subsidy, bool]:
    """A recipient's subsidy of a year in a direction: entered anew, or its figures replaced."""
    subsidy = Subsidy.objects.filter(year=year, inn=inn, direction=direction).first()
    created = subsidy is None
    if subsidy is None:
        subsidy = Subsidy(year=year, inn=inn, direction=direction, entered_by=_actor(actor))
    subsidy.recipient, subsidy.sphere, subsidy.amount = recipient, sphere, amount
    subsidy.source, subsidy.source_date = source, source_date
    full_clean_or_raise(subsidy, exclude=["entered_by"])
    subsidy.save()
    return subsidy, created


@transaction.atomic
def media_figure_record(
    *,
    actor: "User | None",
    year: int,
    month: int | None,
    publications: int,
    mentions: int,
    source: str,
    rating_place: int | None = None,
    source_date: datetime.date | None = None,
) -> tuple[MediaFigure, bool]:
    figure = MediaFigure.objects.filter(year=year, month=month).first()
    created = figure is None
    if figure is None:
        figure = MediaFigure(year=year, month=month, entered_by=_actor(actor))
    figure.rating_place, figure.publications, figure.mentions = rating_place, publications, mentions
    figure.source, figure.source_date = source, source_date
    full_clean_or_raise(figure, exclude=["entered_by"])
    figure.save()
    return figure, created


def figures_imported(*, actor: "User | None", kind: str, rows: int, source: str) -> None:
    """The audit entry of a whole import (rows are not logged one by one)."""
    audit_log(
        actor=actor,
        action="analytics.figures.import",
        obj=None,
        changes={"kind": kind, "rows": rows, "source": source},
    )
    fragments.bump("analytics.dashboard")


@transaction.atomic
def subsidies_delete_year(*, actor: "User", year: int) -> int:
    """Remove a year's entered subsidies (to import a corrected decision table from scratch)."""
    count, _ = Subsidy.objects.filter(year=year).delete()
    audit_log(
        actor=actor,
        action="analytics.subsidies.delete_year",
        obj=None,
        changes={"year": year, "rows": count},
    )
    return count


@transaction.atomic
def dashboard_public_blocks_set(*, actor: "User", public: set[str], known: tuple[str, ...]) -> int:
    """Exactly the `public` blocks shown to everyone; the rest of `known` only to operators."""
    unknown = public - set(known)
    if unknown:
        raise DomainError(f"Unknown blocks: {', '.join(sorted(unknown))}")
    current = dict(DashboardBlock.objects.values_list("key", "is_public"))
    changes: dict[str, Any] = {}
    for key in known:
        wanted = key in public
        if current.get(key, True) == wanted:
            continue
        DashboardBlock.objects.update_or_create(
            key=key, defaults={"is_public": wanted, "changed_by": actor}
        )
        changes[key] = [not wanted, wanted]
    if changes:
        audit_log(
            actor=actor, action="analytics.dashboard.public_blocks", obj=None, changes=changes
        )
    return len(changes)


@transaction.atomic
def report_request(
    *, actor: "User | None", start: datetime.date, end: datetime.date, conclusions: str = ""
) -> SectorReport:
    """Order the sector report for a period: made by a task (at once where there is no worker)."""
    from nkohub.analytics.tasks import render_sector_report

    report = SectorReport(start=start, end=end, conclusions=conclusions, requested_by=_actor(actor))
    full_clean_or_raise(report, exclude=["requested_by", "html", "pdf", "xlsx"])
    report.save()
    audit_log(
        actor=actor,
        action="analytics.report.request",
        obj=report,
        changes={"start": start.isoformat(), "end": end.isoformat()},
    )
    enqueue_on_commit(render_sector_report, report.pk)
    return report


def forget_old_reports(*, keep: int = KEEP_REPORTS) -> None:
    """Only the last `keep` finished reports keep their files."""
    finished = SectorReport.objects.exclude(
        status__in=[SectorReport.Status.QUEUED, SectorReport.Status.RUNNING]
    ).order_by("-created_at", "-pk")
    for stale in finished[keep:]:
        for file in (stale.html, stale.pdf, stale.xlsx):
            if file:
                file.delete(save=False)
        stale.delete()
