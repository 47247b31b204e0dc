"""The sector report's task body: render the three files, store them, report progress
(as grants.export_jobs does for an application's PDF)."""

import logging

from django.core.files.base import ContentFile
from django.utils import timezone

from nkohub.analytics.models import SectorReport
from nkohub.analytics.report import render_report
from nkohub.analytics.services import forget_old_reports

logger = logging.getLogger(__name__)


def _progress(report_id: int, percent: int) -> None:
    SectorReport.objects.filter(pk=report_id).update(progress=percent)


def report_execute(*, report_id: int) -> SectorReport:
    claimed = SectorReport.objects.filter(pk=report_id, status=SectorReport.Status.QUEUED).update(
        status=SectorReport.Status.RUNNING, progress=5
    )
    report = SectorReport.objects.get(pk=report_id)
    if not claimed:  # done, or taken by another worker
        return report
    try:
        files = render_report(
            report.start,
            report.end,
            report.conclusions,
            on_progress=lambda percent: _progress(report_id, percent),
        )
        report.html.save(report.filename("html"), ContentFile(files.html), save=False)
        report.pdf.save(report.filename("pdf"), ContentFile(files.pdf), save=False)
        report.xlsx.save(report.filename("xlsx"), ContentFile(files.xlsx), save=False)
    except Exception as error:
        logger.exception("The sector report %s failed", report_id)
        SectorReport.objects.filter(pk=report_id).update(
            status=SectorReport.Status.FAILED,
            error=f"{type(error).__name__}: {error}"[:1000],
            finished_at=timezone.now(),
        )
        report.refresh_from_db()
        return report
    report.status, report.progress, report.finished_at = (
        SectorReport.Status.READY,
        100,
        timezone.now(),
    )
    report.save(update_fields=["html", "pdf", "xlsx", "status", "progress", "finished_at"])
    forget_old_reports()
    return report
