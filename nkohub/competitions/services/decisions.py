"""Writes of decisions: approve (an amount not above the request), decline (with a reason), ask
for more information and the applicant's answer; an approval concludes the agreement."""

from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from nkohub.competitions.models import (
    Agreement,
    InfoRequest,
    Milestone,
    Report,
    ReportIndicator,
    ReportSpending,
    Submission,
)
from nkohub.competitions.permissions import can_answer_info, can_decide
from nkohub.core.audit import audit_log
from nkohub.core.errors import DomainError
from nkohub.projects.models import PlannedResult

from .submissions import _tell, lock_submission

if TYPE_CHECKING:
    from nkohub.accounts.models import User

FINAL_REPORT_DAYS = 30


def _decidable(actor: "User", submission: Submission) -> Submission:
    locked = lock_submission(submission)
    decision = can_decide(actor, locked)
    if not decision:
        raise DomainError(decision.reason)
    return locked


@transaction.atomic
def submission_approve(*, actor: "User", submission: Submission, amount: Decimal) -> Submission:
    locked = _decidable(actor, submission)
    if amount <= 0:
        raise DomainError(_("Enter the amount of the grant."), field="amount")
    if amount > locked.requested_amount:
        raise DomainError(
            _("The grant cannot be larger than the request (%(requested)s ₽).")
            % {"requested": f"{locked.requested_amount:,.2f}".replace(",", " ").replace(".", ",")},
            field="amount",
        )
    before = locked.status
    locked.status = Submission.Status.APPROVED
    locked.awarded_amount = amount
    locked.decided_by = actor
    locked.decided_at = timezone.now()
    locked.save(
        update_fields=["status", "awarded_amount", "decided_by", "decided_at", "updated_at"]
    )
    agreement = _conclude_agreement(locked)
    audit_log(
        actor=actor,
        action="competitions.submission.approve",
        obj=locked,
        changes={"status": [before, locked.status], "awarded_amount": [None, amount]},
    )
    _tell(
        locked,
        actor=actor,
        kind="competitions.submission.approved",
        title=_("«%(title)s» is supported: %(amount)s ₽")
        % {"title": locked.title, "amount": amount},
        body=_(
            "The agreement's milestones and reports are on the submission's page (%(count)s reports)."
        )
        % {"count": agreement.reports.count()},
    )
    submission.refresh_from_db()
    return locked


def _day(value: str | None, default: date) -> date:
    return date.fromisoformat(value) if value else default


def _conclude_agreement(submission: Submission) -> Agreement:
    """Milestones from the submitted calendar plan; an interim report halfway and a final one a
    month after the end; indicators from the project's planned results, spending lines from the
    submitted budget."""
    snapshot = submission.version.snapshot
    call = submission.call
    starts = _day(snapshot.get("starts_on"), call.implementation_starts_from)
    ends = max(_day(snapshot.get("ends_on"), call.implementation_ends_by), starts)
    agreement = Agreement.objects.create(
        submission=submission, amount=submission.awarded_amount or 0, starts_on=starts, ends_on=ends
    )
    for position, event in enumerate(snapshot.get("plan_events", []), start=1):
        Milestone.objects.create(
            agreement=agreement,
            position=position,
            title=event.get("title", "")[:500],
            due_on=_day(event.get("ends_on") or event.get("starts_on"), ends),
            expected_result=event.get("expected_result", ""),
        )
    interim = starts + (ends - starts) / 2
    project_id = submission.application.project_id
    results = (
        list(PlannedResult.objects.filter(project_id=project_id).order_by("position"))
        if project_id is not None
        else []
    )
    for kind, due in (
        (Report.Kind.INTERIM, interim),
        (Report.Kind.FINAL, ends + timedelta(days=FINAL_REPORT_DAYS)),
    ):
        report = Report.objects.create(agreement=agreement, kind=kind, due_on=due)
        for position, result in enumerate(results, start=1):
            ReportIndicator.objects.create(
                report=report,
                position=position,
                planned_result=result,
                name=result.name,
                unit=result.unit,
                planned_value=result.planned_value,
            )
        for position, item in enumerate(snapshot.get("budget_items", []), start=1):
            ReportSpending.objects.create(
                report=report,
                position=position,
                name=item.get("name", "")[:300],
                planned=Decimal(item.get("amount") or "0"),
            )
    return agreement


@transaction.atomic
def submission_decline(*, actor: "User", submission: Submission, reason: str) -> Submission:
    locked = _decidable(actor, submission)
    if not reason.strip():
        raise DomainError(
            _("Say why the submission is declined: the applicant is told."), field="reason"
        )
    before = locked.status
    locked.status = Submission.Status.DECLINED
    locked.decline_reason = reason.strip()[:3000]
    locked.decided_by = actor
    locked.decided_at = timezone.now()
    locked.save(
        update_fields=["status", "decline_reason", "decided_by", "decided_at", "updated_at"]
    )
    audit_log(
        actor=actor,
        action="competitions.submission.decline",
        obj=locked,
        changes={"status": [before, locked.status], "decline_reason": locked.decline_reason},
    )
    _tell(
        locked,
        actor=actor,
        kind="competitions.submission.declined",
        title=_("«%(title)s» is not supported") % {"title": locked.title},
        body=locked.decline_reason,
    )
    submission.refresh_from_db()
    return locked


@transaction.atomic
def submission_ask_info(*, actor: "User", submission: Submission, question: str) -> InfoRequest:
    locked = _decidable(actor, submission)
    if not question.strip():
        raise DomainError(_("Write what the applicant should add."), field="question")
    if not locked.can_move_to(Submission.Status.INFO_REQUESTED):
        raise DomainError(_("The applicant is already asked: wait for the answer."))
    request = InfoRequest.objects.create(
        submission=locked, question=question.strip()[:3000], asked_by=actor
    )
    before = locked.status
    locked.status = Submission.Status.INFO_REQUESTED
    locked.save(update_fields=["status", "updated_at"])
    audit_log(
        actor=actor,
        action="competitions.submission.ask",
        obj=locked,
        changes={"status": [before, locked.status], "question": request.question},
    )
    _tell(
        locked,
        actor=actor,
        kind="competitions.submission.info_requested",
        title=_("The funder asks for more about «%(title)s»") % {"title": locked.title},
        body=request.question,
    )
    return request


@transaction.atomic
def submission_answer_info(*, actor: "User", submission: Submission, answer: str) -> InfoRequest:
    """The applicant answers on the submission's page; the submitted version stays as it was."""
    locked = lock_submission(submission)
    decision = can_answer_info(actor, locked)
    if not decision:
        raise DomainError(decision.reason)
    if not answer.strip():
        raise DomainError(_("Write the answer."), field="answer")
    request = InfoRequest.objects.select_for_update(of=("self",)).get(
        submission=locked, answered_at__isnull=True
    )
    request.answer = answer.strip()[:5000]
    request.answered_by = actor
    request.answered_at = timezone.now()
    request.save(update_fields=["answer", "answered_by", "answered_at"])
    locked.status = Submission.Status.REVIEW
    locked.save(update_fields=["status", "updated_at"])
    audit_log(
        actor=actor,
        action="competitions.submission.answer",
        obj=locked,
        changes={"status": [Submission.Status.INFO_REQUESTED, locked.status]},
    )
    from django.urls import reverse

    from nkohub.notifications.services import notify

    from ._common import people_of

    notify(
        recipients=people_of(locked.call.organization, acting_only=True),
        kind="competitions.desk.answered",
        title=_("The applicant answered on №%(number)s") % {"number": locked.number},
        obj=locked,
        url=reverse("competitions:submission", args=[locked.pk]),
        actor=actor,
    )
    submission.refresh_from_db()
    return request
