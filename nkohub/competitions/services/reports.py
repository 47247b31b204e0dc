"""Writes of reports: the grantee files (indicators, spending, files), the funder accepts or
returns; overdue reports are reminded and then escalated to the funder."""

from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from nkohub.competitions.models import Report, ReportFile, ReportReminder
from nkohub.competitions.permissions import can_review_report, can_submit_report
from nkohub.core.audit import audit_log
from nkohub.core.errors import DomainError
from nkohub.core.storage import original_filename
from nkohub.notifications.services import notify

from ._common import people_of
from .submissions import validate_attachments_or_raise

if TYPE_CHECKING:
    from nkohub.accounts.models import User

ESCALATE_AFTER_DAYS = 14


def _lock(report: Report) -> Report:
    return (
        Report.objects.select_for_update(of=("self",))
        .select_related(
            "agreement__submission__call__organization", "agreement__submission__organization"
        )
        .get(pk=report.pk)
    )


@transaction.atomic
def report_submit(
    *,
    actor: "User",
    report: Report,
    text: str,
    actual: dict[int, Decimal | None],
    spent: dict[int, Decimal],
    files: list[UploadedFile],
) -> Report:
    locked = _lock(report)
    decision = can_submit_report(actor, locked)
    if not decision:
        raise DomainError(decision.reason)
    if not text.strip():
        raise DomainError(_("Say what was done in the period."), field="text")
    validate_attachments_or_raise(files)
    for indicator in locked.indicators.all():
        value = actual.get(indicator.pk)
        if value is None:
            raise DomainError(_("Enter the actual value of «%(name)s».") % {"name": indicator.name})
        if value < 0:
            raise DomainError(_("Values cannot be negative."))
        indicator.actual_value = value
        indicator.save(update_fields=["actual_value"])
    for line in locked.spending.all():
        value = spent.get(line.pk, Decimal("0"))
        if value < 0:
            raise DomainError(_("Spending cannot be negative."))
        line.spent = value
        line.save(update_fields=["spent"])
    total_spent = sum(spent.values(), Decimal("0"))
    if total_spent > locked.agreement.amount:
        raise DomainError(
            _("More is reported as spent than the grant (%(amount)s ₽).")
            % {"amount": locked.agreement.amount}
        )
    for upload in files:
        ReportFile.objects.create(
            report=locked, file=upload, original_name=original_filename(upload.name or "")[:255]
        )
    before = locked.status
    locked.text = text.strip()[:10000]
    locked.status = Report.Status.SUBMITTED
    locked.submitted_by = actor
    locked.submitted_at = timezone.now()
    locked.save(update_fields=["text", "status", "submitted_by", "submitted_at"])
    audit_log(
        actor=actor,
        action="competitions.report.submit",
        obj=locked,
        changes={"status": [before, locked.status], "spent": total_spent},
    )
    submission = locked.agreement.submission
    notify(
        recipients=people_of(submission.call.organization, acting_only=True),
        kind="competitions.report.submitted",
        title=_("%(kind)s on «%(title)s» filed")
        % {"kind": locked.get_kind_display(), "title": submission.title},
        obj=locked,
        url=reverse("competitions:report", args=[locked.pk]),
        actor=actor,
    )
    report.refresh_from_db()
    return locked


@transaction.atomic
def report_review(*, actor: "User", report: Report, accept: bool, note: str = "") -> Report:
    locked = _lock(report)
    decision = can_review_report(actor, locked)
    if not decision:
        raise DomainError(decision.reason)
    if not accept and not note.strip():
        raise DomainError(_("Say what to change: the grantee is told."), field="note")
    locked.status = Report.Status.ACCEPTED if accept else Report.Status.RETURNED
    locked.review_note = note.strip()[:3000]
    locked.reviewed_by = actor
    locked.reviewed_at = timezone.now()
    locked.save(update_fields=["status", "review_note", "reviewed_by", "reviewed_at"])
    audit_log(
        actor=actor,
        action=f"competitions.report.{locked.status}",
        obj=locked,
        changes={
            "status": [Report.Status.SUBMITTED, locked.status],
            "review_note": locked.review_note,
        },
    )
    submission = locked.agreement.submission
    notify(
        recipients=people_of(submission.organization),
        kind=f"competitions.report.{locked.status}",
        title=_("%(kind)s on «%(title)s»: %(status)s")
        % {
            "kind": locked.get_kind_display(),
            "title": submission.title,
            "status": locked.get_status_display(),
        },
        body=locked.review_note,
        obj=locked,
        url=reverse("competitions:report", args=[locked.pk]),
        actor=actor,
    )
    report.refresh_from_db()
    return locked


def send_report_reminders(*, today: date | None = None) -> str:
    """Remind the grantee of each overdue report once; a fortnight later tell the funder once.
    Idempotent: the unique reminder rows make a second run send nothing."""
    today = today or timezone.localdate()
    overdue = Report.objects.filter(
        status__in=(Report.Status.DUE, Report.Status.RETURNED), due_on__lt=today
    ).select_related(
        "agreement__submission__organization", "agreement__submission__call__organization"
    )
    sent = {ReportReminder.Stage.REMINDER: 0, ReportReminder.Stage.ESCALATION: 0}
    for report in overdue.iterator(chunk_size=500):
        stages = [ReportReminder.Stage.REMINDER]
        if report.due_on + timedelta(days=ESCALATE_AFTER_DAYS) < today:
            stages.append(ReportReminder.Stage.ESCALATION)
        for stage in stages:
            if _remind_once(report, stage):
                sent[stage] += 1
    return f"{sent[ReportReminder.Stage.REMINDER]} reminders, {sent[ReportReminder.Stage.ESCALATION]} escalations"


@transaction.atomic
def _remind_once(report: Report, stage: str) -> bool:
    try:
        with transaction.atomic():
            ReportReminder.objects.create(report=report, stage=stage)
    except IntegrityError:
        return False
    submission = report.agreement.submission
    escalation = stage == ReportReminder.Stage.ESCALATION
    organization = submission.call.organization if escalation else submission.organization
    notify(
        recipients=people_of(organization, acting_only=escalation),
        kind=f"competitions.report.{stage}",
        title=_("%(kind)s on «%(title)s» was due %(day)s")
        % {
            "kind": report.get_kind_display(),
            "title": submission.title,
            "day": report.due_on.strftime("%d.%m.%Y"),
        },
        obj=report,
        url=reverse("competitions:report", args=[report.pk]),
    )
    return True
