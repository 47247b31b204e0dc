"""Writes of the expert review: assign, declare a conflict of interest, score, submit; the
submission's mean, spread and "another review needed" kept in step."""

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from nkohub.competitions.models import Assignment, Criterion, Score, Submission
from nkohub.competitions.permissions import can_declare, can_manage_call, can_score
from nkohub.core.audit import audit_log
from nkohub.core.errors import DomainError
from nkohub.notifications.services import notify

from ._common import people_of, rounded
from .submissions import lock_submission

if TYPE_CHECKING:
    from nkohub.accounts.models import User


def weighted_total(values: dict[int, int], criteria: list[Criterion]) -> Decimal:
    """The review's total in per cent of the highest possible: Σ weight·score/max ÷ Σ weight."""
    weights = sum((c.weight for c in criteria), Decimal("0"))
    if not weights:
        return Decimal("0")
    total = sum((c.weight * Decimal(values[c.pk]) / c.max_score for c in criteria), Decimal("0"))
    return rounded(total * 100 / weights)


def refresh_figures(submission: Submission) -> Submission:
    """Recount the submitted reviews of a locked submission: the mean, the spread (highest minus
    lowest) and whether they differ by more than the call's gap with no further review pending."""
    assignments = list(submission.assignments.all())
    totals = [
        a.total
        for a in assignments
        if a.status == Assignment.Status.SUBMITTED and a.total is not None
    ]
    pending = any(
        a.status in (Assignment.Status.ASSIGNED, Assignment.Status.IN_PROGRESS) for a in assignments
    )
    submission.reviews_done = len(totals)
    if totals:
        submission.score_mean = rounded(sum(totals, Decimal("0")) / len(totals))
        submission.score_spread = rounded(max(totals) - min(totals))
    else:
        submission.score_mean = submission.score_spread = None
    submission.needs_third_review = bool(
        len(totals) >= 2
        and submission.score_spread is not None
        and submission.score_spread > submission.call.score_gap
        and not pending
    )
    submission.save(
        update_fields=[
            "reviews_done",
            "score_mean",
            "score_spread",
            "needs_third_review",
            "updated_at",
        ]
    )
    return submission


@transaction.atomic
def assignment_create(*, actor: "User", submission: Submission, expert: Any) -> Assignment:
    locked = lock_submission(submission)
    decision = can_manage_call(actor, locked.call)
    if not decision:
        raise DomainError(decision.reason)
    if locked.is_decided or locked.status == Submission.Status.WITHDRAWN:
        raise DomainError(_("The submission is no longer reviewed."))
    if expert.pk in {m.user_id for m in locked.organization.memberships.all()}:
        raise DomainError(
            _("A member of the applicant cannot review its submission."), field="expert"
        )
    try:
        with transaction.atomic():
            assignment = Assignment.objects.create(
                submission=locked, expert=expert, assigned_by=actor
            )
    except IntegrityError as error:
        raise DomainError(
            _("This expert is already assigned to the submission."), field="expert"
        ) from error
    if locked.status == Submission.Status.SUBMITTED:
        locked.status = Submission.Status.REVIEW
        locked.save(update_fields=["status", "updated_at"])
    refresh_figures(locked)
    audit_log(
        actor=actor,
        action="competitions.review.assign",
        obj=assignment,
        changes={"expert": str(expert)},
    )
    notify(
        recipients=[expert],
        kind="competitions.review.assigned",
        title=_("You are asked to review «%(title)s»") % {"title": locked.title},
        body=_("First declare whether you have a conflict of interest."),
        obj=assignment,
        url=reverse("competitions:review", args=[assignment.pk]),
        actor=actor,
    )
    return assignment


def _lock_assignment(assignment: Assignment) -> tuple[Assignment, Submission]:
    # The submission first, then the assignment: every writer takes them in this order.
    submission = lock_submission(assignment.submission)
    locked = (
        Assignment.objects.select_for_update(of=("self",))
        .select_related("expert")
        .get(pk=assignment.pk)
    )
    locked.submission = submission
    return locked, submission


@transaction.atomic
def assignment_declare(
    *, actor: "User", assignment: Assignment, conflict: bool, note: str = ""
) -> Assignment:
    """The expert declares a conflict of interest (and never sees the submission: the funder is
    told to assign another) or none (and may score)."""
    locked, submission = _lock_assignment(assignment)
    decision = can_declare(actor, locked)
    if not decision:
        raise DomainError(decision.reason)
    if conflict and not note.strip():
        raise DomainError(_("Say briefly what the conflict of interest is."), field="conflict_note")
    locked.status = Assignment.Status.CONFLICT if conflict else Assignment.Status.IN_PROGRESS
    locked.conflict_note = note.strip()[:2000] if conflict else ""
    locked.declared_at = timezone.now()
    locked.save(update_fields=["status", "conflict_note", "declared_at"])
    refresh_figures(submission)
    audit_log(
        actor=actor,
        action="competitions.review.conflict" if conflict else "competitions.review.no_conflict",
        obj=locked,
        changes={"conflict_note": locked.conflict_note} if conflict else None,
    )
    if conflict:
        notify(
            recipients=people_of(submission.call.organization, acting_only=True),
            kind="competitions.review.conflict",
            title=_("Expert declared a conflict of interest on №%(number)s: assign another")
            % {"number": submission.number},
            obj=submission,
            url=reverse("competitions:submission", args=[submission.pk]),
            actor=actor,
        )
    assignment.refresh_from_db()
    return locked


@transaction.atomic
def review_save(
    *,
    actor: "User",
    assignment: Assignment,
    scores: dict[int, tuple[int, str]],
    summary: str,
    submit: bool,
) -> Assignment:
    """Save the expert's scores (criterion id → (score, comment)); `submit` makes the review final
    and counted. Two experts saving at once each lock the submission in turn, so its figures
    count both."""
    locked, submission = _lock_assignment(assignment)
    decision = can_score(actor, locked)
    if not decision:
        raise DomainError(decision.reason)
    criteria = list(submission.call.criteria.all())
    for criterion in criteria:
        value = scores.get(criterion.pk, (None, ""))[0]
        if value is None:
            if submit:
                raise DomainError(
                    _("Score every criterion: «%(name)s».") % {"name": criterion.name}
                )
            continue
        if not 0 <= value <= criterion.max_score:
            raise DomainError(
                _("«%(name)s» is scored from 0 to %(max)s.")
                % {"name": criterion.name, "max": criterion.max_score}
            )
        Score.objects.update_or_create(
            assignment=locked,
            criterion=criterion,
            defaults={"value": value, "comment": scores[criterion.pk][1].strip()[:3000]},
        )
    locked.summary = summary.strip()[:5000]
    fields = ["summary"]
    if submit:
        if not locked.summary:
            raise DomainError(_("Write the conclusion of the review."), field="summary")
        values = {criterion.pk: scores[criterion.pk][0] for criterion in criteria}
        locked.total = weighted_total(values, criteria)
        locked.status = Assignment.Status.SUBMITTED
        locked.submitted_at = timezone.now()
        fields += ["total", "status", "submitted_at"]
    locked.save(update_fields=fields)
    refresh_figures(submission)
    audit_log(
        actor=actor,
        action="competitions.review.submit" if submit else "competitions.review.save",
        obj=locked,
        changes={"total": locked.total} if submit else None,
    )
    assignment.refresh_from_db()
    return locked
