"""Reads of appeals: lists with their joins and filters, the public Q&A and each authority's record."""

import hashlib
import statistics
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from nkohub.organizations import search
from nkohub.organizations.models import Membership, Organization
from nkohub.organizations.permissions import ACTING_ROLES
from nkohub.reception import deadlines, production_calendar
from nkohub.reception.models import Appeal, AppealAttachment, AppealEvent, Topic
from nkohub.reception.permissions import authorities_user_serves, can_manage_calendar
from nkohub.reception.production_calendar import ProductionCalendar

LIST_JOINS = ("authority", "topic", "organization", "assignee", "author")
# the public answers' cached filters and results (core.fragments): dropped on any write to what they show
PUBLIC_FRAGMENTS = "reception.public"


def appeals_of_author(user: Any) -> QuerySet[Appeal]:
    """The person's own appeals and those sent on behalf of organisations they act for."""
    if not user.is_authenticated:
        return Appeal.objects.none()
    ids = Appeal.objects.filter(
        Q(author=user)
        | Q(organization__memberships__user=user, organization__memberships__role__in=ACTING_ROLES)
    ).values("pk")
    return (
        Appeal.objects.filter(pk__in=ids).select_related(*LIST_JOINS).order_by("-updated_at", "-id")
    )


def appeal_detail_queryset() -> QuerySet[Appeal]:
    return Appeal.objects.select_related(
        "authority",
        "topic",
        "organization",
        "assignee",
        "author",
        "registered_by",
        "answered_by",
        "redirect_authority",
        "redirected_from__authority",
    ).prefetch_related(
        Prefetch("attachments", queryset=AppealAttachment.objects.order_by("created_at", "id")),
        Prefetch(
            "events",
            queryset=AppealEvent.objects.select_related("actor").order_by("created_at", "id"),
        ),
    )


@dataclass(frozen=True)
class DeskFilters:
    status: str = ""
    overdue: bool = False
    topic: int | None = None
    mine: bool = False
    q: str = ""


def desk_appeals(
    authority: Organization, filters: DeskFilters, *, user: Any, today: date | None = None
) -> QuerySet[Appeal]:
    """Appeals addressed to one authority (never drafts), the most urgent first."""
    today = today or timezone.localdate()
    appeals = Appeal.objects.filter(authority=authority).exclude(status=Appeal.Status.DRAFT)
    if filters.status == "open":
        appeals = appeals.filter(status__in=[Appeal.Status.SUBMITTED, *Appeal.OPEN_STATUSES])
    elif filters.status:
        appeals = appeals.filter(status=filters.status)
    if filters.overdue:
        appeals = appeals.filter(overdue_filter(today))
    if filters.topic:
        appeals = appeals.filter(topic_id=filters.topic)
    if filters.mine:
        appeals = appeals.filter(assignee=user)
    if filters.q:
        appeals = appeals.filter(
            search.word_forms_condition(("subject", "text"), filters.q)
            | Q(registration_number__icontains=filters.q)
        )
    return appeals.select_related(*LIST_JOINS).order_by(
        "answer_due", "registration_due", "-submitted_at", "-id"
    )


def overdue_filter(today: date) -> Q:
    return Q(status__in=Appeal.OPEN_STATUSES, answer_due__lt=today) | Q(
        status=Appeal.Status.SUBMITTED, registration_due__lt=today
    )


def desk_counts(authority: Organization, today: date | None = None) -> dict[str, int]:
    today = today or timezone.localdate()
    return Appeal.objects.filter(authority=authority).aggregate(
        submitted=Count("pk", filter=Q(status=Appeal.Status.SUBMITTED)),
        open=Count("pk", filter=Q(status__in=Appeal.OPEN_STATUSES)),
        overdue=Count("pk", filter=overdue_filter(today)),
    )


def topics_of(authority: Organization, *, active_only: bool = True) -> QuerySet[Topic]:
    topics = Topic.objects.filter(authority=authority).select_related("responsible")
    return topics.filter(is_active=True) if active_only else topics


def active_topics() -> QuerySet[Topic]:
    return (
        Topic.objects.filter(is_active=True, authority__kind=Organization.Kind.AUTHORITY)
        .select_related("authority")
        .order_by("authority__full_name", "position", "name")
    )


def authorities() -> QuerySet[Organization]:
    return Organization.objects.filter(
        kind=Organization.Kind.AUTHORITY, status=Organization.Status.ACTIVE
    ).order_by("full_name")


def published_appeals_suggestion(q: str) -> str:
    """«Возможно, вы имели в виду …» for the public questions and answers: from their own words."""
    vocabulary = search.vocabulary_for(
        "reception.published", published_appeals(), ("subject", "text", "answer_text")
    )
    return search.suggestion(q, vocabulary)


def published_appeals(
    *, q: str = "", topic: int | None = None, authority: int | None = None
) -> QuerySet[Appeal]:
    """Answered appeals whose authors agreed to publish them."""
    appeals = Appeal.objects.filter(status=Appeal.Status.ANSWERED, publish_consent=True)
    if q:
        appeals = appeals.filter(search.word_forms_condition(("subject", "text", "answer_text"), q))
    if topic:
        appeals = appeals.filter(topic_id=topic)
    if authority:
        appeals = appeals.filter(authority_id=authority)
    return appeals.select_related("authority", "topic", "organization").order_by(
        "-answered_on", "-id"
    )


@dataclass(frozen=True)
class AuthorityRecord:
    authority: Organization
    received: int
    answered: int
    answered_in_time: int
    median_days: float | None
    overdue_now: int

    @property
    def in_time_percent(self) -> int | None:
        if not self.answered:
            return None
        return round(100 * self.answered_in_time / self.answered)


def authority_records(
    start: date, end: date, *, authority_ids: list[int] | None = None, today: date | None = None
) -> list[AuthorityRecord]:
    """Each authority's record for the period: appeals received (submitted in it), answered in it, the share
    answered by the due date, the median days from registration to answer, and appeals overdue now."""
    today = today or timezone.localdate()
    bodies = authorities()
    if authority_ids is not None:
        bodies = bodies.filter(pk__in=authority_ids)
    bodies = bodies.annotate(
        received=Count(
            "received_appeals",
            filter=Q(
                received_appeals__submitted_at__date__gte=start,
                received_appeals__submitted_at__date__lte=end,
            ),
        ),
        overdue_now=Count(
            "received_appeals",
            filter=Q(
                received_appeals__status__in=Appeal.OPEN_STATUSES,
                received_appeals__answer_due__lt=today,
            )
            | Q(
                received_appeals__status=Appeal.Status.SUBMITTED,
                received_appeals__registration_due__lt=today,
            ),
        ),
    )
    answered_rows = Appeal.objects.filter(
        authority__in=[b.pk for b in bodies],
        status=Appeal.Status.ANSWERED,
        answered_on__gte=start,
        answered_on__lte=end,
    ).values_list("authority_id", "registered_on", "answered_on", "answer_due")
    durations: dict[int, list[int]] = {}
    in_time: dict[int, int] = {}
    for authority_id, registered_on, answered_on, answer_due in answered_rows:
        if registered_on is None or answered_on is None or answer_due is None:
            continue  # impossible for an answered appeal (a database constraint), but typed as optional
        durations.setdefault(authority_id, []).append((answered_on - registered_on).days)
        in_time[authority_id] = in_time.get(authority_id, 0) + (answered_on <= answer_due)
    return [
        AuthorityRecord(
            authority=body,
            received=body.received,
            answered=len(durations.get(body.pk, [])),
            answered_in_time=in_time.get(body.pk, 0),
            median_days=statistics.median(durations[body.pk]) if durations.get(body.pk) else None,
            overdue_now=body.overdue_now,
        )
        for body in bodies
    ]


def colleagues(authority: Organization) -> list[Any]:
    memberships = (
        Membership.objects.filter(organization=authority, role__in=ACTING_ROLES)
        .select_related("user")
        .order_by("user__full_name")
    )
    return [m.user for m in memberships if m.user.is_active]


def cabinet_context(user: Any) -> dict[str, Any] | None:
    if not user.is_authenticated:
        return None
    mine = appeals_of_author(user)
    desks = [
        {"authority": body, "counts": desk_counts(body)} for body in authorities_user_serves(user)
    ]
    return {
        "authored": mine.count(),
        "awaiting": mine.filter(
            status__in=[Appeal.Status.SUBMITTED, *Appeal.OPEN_STATUSES]
        ).count(),
        "desks": desks,
        "calendar": can_manage_calendar(user),
        **_calendar_block(user),
    }


def _calendar_block(user: Any) -> dict[str, Any]:
    """What an operator's cabinet says about the calendar: years without one, due dates to review."""
    if not can_manage_calendar(user):
        return {"calendar_warnings": [], "due_date_changes": 0}
    return {
        "calendar_warnings": production_calendar.years_to_warn_about(),
        "due_date_changes": len(due_date_review()),
    }


# Production calendar and the review of due dates ----------------------------------------------
@dataclass(frozen=True)
class CalendarPage:
    year: int
    status: production_calendar.YearStatus
    rows: list[production_calendar.CalendarRow]
    warnings: list[production_calendar.YearStatus]
    pending_changes: int


def calendar_page(year: int, today: date | None = None) -> CalendarPage:
    """A year of the production calendar as operators see it: each day off the plain week with its source,
    where the year's base comes from, and the years operators must be warned about."""
    today = today or timezone.localdate()
    statuses = production_calendar.year_statuses([year, today.year, today.year + 1])
    warned = [status.year for status in production_calendar.years_to_warn_about(today)]
    return CalendarPage(
        year=year,
        status=statuses[year],
        rows=ProductionCalendar().rows(year),
        warnings=[statuses[y] for y in warned],
        pending_changes=len(due_date_review()),
    )


FIELDS = deadlines.DUE_DATE_FIELDS


@dataclass(frozen=True)
class DueDateMove:
    field: str
    old: date | None
    new: date

    @property
    def shortened(self) -> bool:
        return self.old is not None and self.new < self.old


@dataclass(frozen=True)
class DueDateChange:
    appeal: Appeal
    moves: tuple[DueDateMove, ...]
    becomes_overdue: bool  # a due date not yet passed would be in the past after the move


@dataclass(frozen=True)
class DueDateReview:
    changes: list[DueDateChange]
    fingerprint: str

    def __len__(self) -> int:
        return len(self.changes)


def due_date_review(
    *, calendar: ProductionCalendar | None = None, today: date | None = None
) -> DueDateReview:
    """Open appeals whose stored due dates differ from what today's calendar gives them, with old → new.

    Due dates are stored when they are set and never move by themselves; this is what an operator reviews
    after a year's calendar is loaded or corrected. The fingerprint names this exact list, so that
    applying it can refuse when something changed after the operator looked."""
    calendar = calendar or ProductionCalendar()
    today = today or timezone.localdate()
    rows = (
        Appeal.objects.filter(status__in=[Appeal.Status.SUBMITTED, *Appeal.OPEN_STATUSES])
        .order_by("pk")
        .values_list("pk", "status", "submitted_at", "registered_on", "extension_days", *FIELDS)
    )
    moves_of: dict[int, tuple[DueDateMove, ...]] = {}
    for pk, status, submitted_at, registered_on, extension_days, *stored in rows:
        expected = deadlines.expected_due_dates(
            status=status,
            received_at=submitted_at,
            registered_on=registered_on,
            extension_days=extension_days,
            calendar=calendar,
        )
        moves = tuple(
            DueDateMove(field=field, old=old, new=expected[field])
            for field, old in zip(FIELDS, stored, strict=True)
            if field in expected and old != expected[field]
        )
        if moves:
            moves_of[pk] = moves
    appeals = (
        Appeal.objects.select_related("authority", "organization", "author").in_bulk(moves_of)
        if moves_of
        else {}
    )
    changes = [
        DueDateChange(
            appeal=appeals[pk],
            moves=moves,
            becomes_overdue=any(m.new < today <= (m.old or m.new) for m in moves),
        )
        for pk, moves in moves_of.items()
        if pk in appeals
    ]
    digest = hashlib.sha256()
    for change in changes:
        for move in change.moves:
            digest.update(f"{change.appeal.pk}:{move.field}:{move.old}:{move.new};".encode())
    return DueDateReview(changes=changes, fingerprint=digest.hexdigest())
