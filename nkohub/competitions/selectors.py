"""Every non-trivial read of the competitions app: public calls, the staff desk (filters, tabs
with counts, sorting, exports in a constant number of queries), review figures, results."""

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Sum
from django.utils import timezone

from nkohub.competitions.models import Assignment, Call, Criterion, Report, Score, Submission
from nkohub.core.permissions import is_operator
from nkohub.grants.models import Application
from nkohub.organizations.models import Membership, Organization

SORTS: dict[str, tuple[str, ...]] = {
    "number": ("number", "pk"),
    "-score": ("-score_mean", "number"),
    "score": ("score_mean", "number"),
    "-amount": ("-requested_amount", "number"),
    "amount": ("requested_amount", "number"),
    "-submitted": ("-submitted_at", "-pk"),
}


def public_calls() -> QuerySet[Call]:
    return (
        Call.objects.exclude(status=Call.Status.DRAFT)
        .select_related("organization")
        .order_by("-applications_close_on", "-pk")
    )


def calls_run_by(user: Any) -> QuerySet[Call]:
    """The calls of the organisations the person is a member of (every call for an operator)."""
    calls = Call.objects.select_related("organization")
    if is_operator(user):
        return calls
    if not user.is_authenticated:
        return calls.none()
    return calls.filter(
        organization__in=Membership.objects.filter(user=user).values("organization")
    )


def funder_organizations(user: Any) -> QuerySet[Organization]:
    from nkohub.competitions.permissions import FUNDER_KINDS

    if is_operator(user):
        return Organization.objects.filter(kind__in=FUNDER_KINDS).order_by("full_name")
    return Organization.objects.filter(
        kind__in=FUNDER_KINDS,
        memberships__user=user,
        memberships__role__in=(Membership.Role.OWNER, Membership.Role.EDITOR),
    ).order_by("full_name")


def call_detail(call: Call) -> Call:
    return (
        Call.objects.select_related("organization", "competition")
        .prefetch_related("directions", "criteria", "required_documents", "questions")
        .get(pk=call.pk)
    )


def live_submission(application: Application) -> Submission | None:
    return (
        Submission.objects.filter(application=application)
        .exclude(status=Submission.Status.WITHDRAWN)
        .select_related("version")
        .first()
    )


def submissions_of(user: Any) -> QuerySet[Submission]:
    """The person's organisations' submissions, newest first."""
    if not user.is_authenticated:
        return Submission.objects.none()
    return (
        Submission.objects.filter(
            organization__in=Membership.objects.filter(user=user).values("organization")
        )
        .select_related("call", "organization")
        .order_by("-submitted_at", "-pk")
    )


def assignments_of(user: Any) -> QuerySet[Assignment]:
    return (
        Assignment.objects.filter(expert=user)
        .select_related("submission__call", "submission__organization")
        .order_by("status", "-assigned_at")
    )


# --- the desk ------------------------------------------------------------------------------


@dataclass(frozen=True)
class DeskFilters:
    call: int | None = None
    status: str = ""
    q: str = ""
    direction: int | None = None
    municipality: int | None = None
    score_min: Decimal | None = None
    score_max: Decimal | None = None
    reviewer: int | None = None
    third_review: bool = False
    sort: str = "number"


def desk_base(user: Any) -> QuerySet[Submission]:
    """Every submission of the calls the person's organisations run; the rows the desk shows
    need these joins only (one query for a page, whatever the number of submissions)."""
    return Submission.objects.filter(call__in=calls_run_by(user).values("pk")).select_related(
        "call", "organization__municipality", "direction"
    )


def _filtered(submissions: QuerySet[Submission], filters: DeskFilters) -> QuerySet[Submission]:
    if filters.call:
        submissions = submissions.filter(call_id=filters.call)
    if filters.q:
        q = filters.q.strip()
        condition = (
            Q(title__icontains=q)
            | Q(organization__full_name__icontains=q)
            | Q(organization__short_name__icontains=q)
        )
        if q.isdigit():
            condition |= Q(number=int(q)) | Q(organization__inn__startswith=q)
        submissions = submissions.filter(condition)
    if filters.direction:
        submissions = submissions.filter(direction_id=filters.direction)
    if filters.municipality:
        submissions = submissions.filter(organization__municipality_id=filters.municipality)
    if filters.score_min is not None:
        submissions = submissions.filter(score_mean__gte=filters.score_min)
    if filters.score_max is not None:
        submissions = submissions.filter(score_mean__lte=filters.score_max)
    if filters.reviewer:
        # EXISTS, not a join: no duplicate rows and no DISTINCT over the wide rows.
        submissions = submissions.filter(
            Exists(Assignment.objects.filter(submission=OuterRef("pk"), expert_id=filters.reviewer))
        )
    if filters.third_review:
        submissions = submissions.filter(needs_third_review=True)
    return submissions


def desk(user: Any, filters: DeskFilters) -> QuerySet[Submission]:
    submissions = _filtered(desk_base(user), filters)
    if filters.status:
        submissions = submissions.filter(status=filters.status)
    return submissions.order_by(*SORTS.get(filters.sort, SORTS["number"]))


def desk_tab_counts(user: Any, filters: DeskFilters) -> dict[str, int]:
    """How many submissions each status tab holds under the other filters: one query."""
    rows = (
        _filtered(Submission.objects.filter(call__in=calls_run_by(user).values("pk")), filters)
        .order_by()
        .values("status")
        .annotate(n=Count("pk"))
    )
    counts = dict.fromkeys(Submission.Status.values, 0)
    for row in rows:
        counts[row["status"]] = row["n"]
    counts[""] = sum(counts.values())
    return counts


def desk_reviewers(user: Any) -> QuerySet[Any]:
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(
            Exists(
                Assignment.objects.filter(
                    expert=OuterRef("pk"), submission__call__in=calls_run_by(user).values("pk")
                )
            )
        )
        .order_by("full_name", "email")
    )


# --- one submission ------------------------------------------------------------------------


def submission_assignments(submission: Submission) -> list[Assignment]:
    return list(
        submission.assignments.select_related("expert").prefetch_related(
            Prefetch(
                "scores",
                queryset=Score.objects.select_related("criterion").order_by("criterion__position"),
            )
        )
    )


@dataclass(frozen=True)
class CriterionFigures:
    criterion: Criterion
    mean: Decimal | None
    spread: int | None
    outliers: frozenset[int]  # assignment ids whose score is far from the others'


def criterion_figures(
    submission: Submission, assignments: list[Assignment], criteria: list[Criterion]
) -> list[CriterionFigures]:
    """Per criterion: the mean of the submitted reviews' scores, the spread and the outliers (a
    score farther from the mean of the other reviews than the call's gap, in per cent of the scale)."""
    submitted = [a for a in assignments if a.status == Assignment.Status.SUBMITTED]
    gap = submission.call.score_gap
    figures = []
    for criterion in criteria:
        values = {
            a.pk: s.value
            for a in submitted
            for s in a.scores.all()
            if s.criterion_id == criterion.pk
        }
        outliers: set[int] = set()
        if len(values) >= 2:
            for pk, value in values.items():
                others = [v for other, v in values.items() if other != pk]
                mean_others = Decimal(sum(others)) / len(others)
                if abs(Decimal(value) - mean_others) * 100 / criterion.max_score > gap:
                    outliers.add(pk)
        if len(values) == 2:
            outliers = set()  # with two, neither is the odd one: the third review decides
        mean = (
            (Decimal(sum(values.values())) / len(values)).quantize(Decimal("0.1"))
            if values
            else None
        )
        spread = (max(values.values()) - min(values.values())) if values else None
        figures.append(CriterionFigures(criterion, mean, spread, frozenset(outliers)))
    return figures


def assignable_experts(submission: Submission) -> QuerySet[Any]:
    """People with the expert role (consultations' experts), not yet assigned and not members of
    the applicant."""
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(expert_profile__isnull=False, is_active=True)
        .exclude(competition_assignments__submission=submission)
        .exclude(memberships__organization_id=submission.organization_id)
        .order_by("full_name", "email")
    )


# --- results and open data -----------------------------------------------------------------


def winners(call: Call) -> QuerySet[Submission]:
    return (
        call.submissions.filter(status=Submission.Status.APPROVED)
        .select_related("organization__municipality", "direction")
        .order_by("-score_mean", "number")
    )


def results_summary(call: Call) -> dict[str, Any]:
    figures = call.submissions.exclude(status=Submission.Status.WITHDRAWN).aggregate(
        submitted=Count("pk"),
        approved=Count("pk", filter=Q(status=Submission.Status.APPROVED)),
        total=Sum("awarded_amount", filter=Q(status=Submission.Status.APPROVED)),
    )
    figures["total"] = Decimal(figures["total"] or 0).quantize(Decimal("0.01"))
    return figures


def published_results() -> QuerySet[Call]:
    return Call.objects.filter(status=Call.Status.RESULTS)


# --- reports -------------------------------------------------------------------------------


def reports_of_submission(submission: Submission) -> list[Report]:
    agreement = getattr(submission, "agreement", None)
    if agreement is None:
        return []
    return list(agreement.reports.order_by("due_on"))


def report_detail(report: Report) -> Report:
    return (
        Report.objects.select_related(
            "agreement__submission__call__organization", "agreement__submission__organization"
        )
        .prefetch_related("indicators", "spending", "files")
        .get(pk=report.pk)
    )


def reports_to_review(user: Any) -> QuerySet[Report]:
    return (
        Report.objects.filter(
            status=Report.Status.SUBMITTED,
            agreement__submission__call__in=calls_run_by(user).values("pk"),
        )
        .select_related("agreement__submission")
        .order_by("submitted_at")
    )


def cabinet_summary(user: Any) -> dict[str, Any]:
    today = timezone.localdate()
    return {
        "submissions": list(submissions_of(user)[:5]),
        "reviews_open": Assignment.objects.filter(
            expert=user, status__in=(Assignment.Status.ASSIGNED, Assignment.Status.IN_PROGRESS)
        ).count(),
        "runs_calls": calls_run_by(user).exists(),
        "reports_due": Report.objects.filter(
            status__in=(Report.Status.DUE, Report.Status.RETURNED),
            agreement__submission__organization__in=Membership.objects.filter(user=user).values(
                "organization"
            ),
            due_on__lte=today + timedelta(days=30),
        ).count(),
    }


def funding_by_year() -> list[dict[str, Any]]:
    """For the grants statistics and the analytics: per year of the deadline, the calls run on the
    platform, submissions made (withdrawn ones left out), supported and the money awarded (one query)."""
    rows = (
        Submission.objects.exclude(status=Submission.Status.WITHDRAWN)
        .values("call__applications_close_on__year")
        .annotate(
            calls=Count("call", distinct=True),
            submitted=Count("pk"),
            approved=Count("pk", filter=Q(status=Submission.Status.APPROVED)),
            awarded=Sum("awarded_amount", filter=Q(status=Submission.Status.APPROVED)),
        )
        .order_by("call__applications_close_on__year")
    )
    return [
        {
            "year": row["call__applications_close_on__year"],
            "calls": row["calls"],
            "submitted": row["submitted"],
            "approved": row["approved"],
            "awarded": Decimal(row["awarded"] or 0).quantize(Decimal("0.01")),
        }
        for row in rows
    ]
