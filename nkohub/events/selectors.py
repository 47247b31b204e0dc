"""Reads of events: the calendar with its filters, an event's page, the organiser's lists, feeds,
feedback aggregates. Each list is a constant number of queries whatever its size."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db.models import Avg, Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from nkohub.core.permissions import is_operator
from nkohub.events.models import Event, Feedback, Registration
from nkohub.organizations.models import Membership, Organization
from nkohub.organizations.permissions import ACTING_ROLES


def visible_events(user: Any) -> QuerySet[Event]:
    """Events the person may see: public ones; for the signed-in, members' ones; staff events of
    their own organisations; operators see all."""
    events = Event.objects.all()
    if is_operator(user):
        return events
    if not (user and user.is_authenticated):
        return events.filter(audience=Event.Audience.PUBLIC)
    staff_of = Membership.objects.filter(user=user, organization=OuterRef("organizer_id"))
    return events.filter(
        Q(audience__in=[Event.Audience.PUBLIC, Event.Audience.MEMBERS])
        | Q(Exists(staff_of), audience=Event.Audience.STAFF)
    )


def _day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def calendar(
    user: Any,
    *,
    kind: str = "",
    municipality: Any = None,
    organizer: Any = None,
    mode: str = "",
    date_from: date | None = None,
    date_to: date | None = None,
    past: bool = False,
) -> QuerySet[Event]:
    """Upcoming (not yet ended) events by start, or past ones newest first."""
    now = timezone.now()
    events = visible_events(user).select_related("organizer", "municipality")
    events = events.filter(ends_at__lte=now) if past else events.filter(ends_at__gt=now)
    if kind:
        events = events.filter(kind=kind)
    if municipality is not None:
        events = events.filter(municipality=municipality)
    if organizer is not None:
        events = events.filter(organizer=organizer)
    if mode == "online":
        events = events.filter(is_online=True)
    elif mode == "offline":
        events = events.filter(is_online=False)
    if date_from:
        events = events.filter(starts_at__gte=_day_start(date_from))
    if date_to:
        events = events.filter(starts_at__lt=_day_start(date_to + timedelta(days=1)))
    return events.order_by("-starts_at", "-pk") if past else events.order_by("starts_at", "pk")


def organizers() -> QuerySet[Organization]:
    """Organisations that have run or announced events: the calendar's organiser filter."""
    return Organization.objects.filter(
        Exists(Event.objects.filter(organizer=OuterRef("pk")))
    ).order_by("short_name", "full_name")


def event_by_pk(pk: int) -> Event | None:
    return (
        Event.objects.select_related("organizer", "municipality")
        .prefetch_related("questions")
        .filter(pk=pk)
        .first()
    )


def registration_of(user: Any, event: Event) -> Registration | None:
    if not (user and user.is_authenticated):
        return None
    return (
        Registration.objects.filter(user=user, event=event)
        .annotate(has_feedback=Exists(Feedback.objects.filter(registration=OuterRef("pk"))))
        .first()
    )


def registrations_for(event: Event, *, status: str = "") -> QuerySet[Registration]:
    registrations = (
        Registration.objects.filter(event=event)
        .select_related("user", "organization")
        .order_by("registered_at", "pk")
    )
    if status:
        registrations = registrations.filter(status=status)
    return registrations


@dataclass(frozen=True)
class Counts:
    confirmed: int
    waiting: int
    attended: int


def counts_for(event: Event) -> Counts:
    figures = Registration.objects.filter(event=event).aggregate(
        confirmed=Count("pk", filter=Q(status=Registration.Status.CONFIRMED)),
        waiting=Count("pk", filter=Q(status=Registration.Status.WAITING)),
        attended=Count("pk", filter=Q(attended_at__isnull=False)),
    )
    return Counts(**figures)


def attendance_by_organization(event: Event) -> list[dict[str, Any]]:
    rows: Any = (
        Registration.objects.filter(event=event, status=Registration.Status.CONFIRMED)
        .values("organization__short_name", "organization__full_name")
        .annotate(registered=Count("pk"), attended=Count("pk", filter=Q(attended_at__isnull=False)))
        .order_by("-attended", "organization__short_name")
    )
    return list(rows)


@dataclass(frozen=True)
class FeedbackSummary:
    count: int
    average: float | None
    by_rating: list[tuple[int, int]]  # (rating, how many), 5 down to 1


def feedback_summary(event: Event) -> FeedbackSummary:
    rows = dict(
        Feedback.objects.filter(registration__event=event)
        .values_list("rating")
        .annotate(n=Count("pk"))
        .values_list("rating", "n")
    )
    count = sum(rows.values())
    average = sum(r * n for r, n in rows.items()) / count if count else None
    return FeedbackSummary(
        count=count, average=average, by_rating=[(r, rows.get(r, 0)) for r in range(5, 0, -1)]
    )


def feedback_comments(event: Event) -> QuerySet[Feedback]:
    return (
        Feedback.objects.filter(registration__event=event)
        .exclude(useful="", to_change="")
        .order_by("-created_at")
    )


def feedback_across_events() -> QuerySet[Event]:
    """For operators: every event that has feedback, with how many left it and the average."""
    return (
        Event.objects.select_related("organizer")
        .annotate(
            feedback_count=Count("registrations__feedback"),
            feedback_average=Avg("registrations__feedback__rating"),
        )
        .filter(feedback_count__gt=0)
        .order_by("-starts_at", "-pk")
    )


def managed_events(user: Any) -> QuerySet[Event]:
    events = Event.objects.select_related("organizer").order_by("-starts_at", "-pk")
    if is_operator(user):
        return events
    return events.filter(
        organizer__memberships__user=user, organizer__memberships__role__in=ACTING_ROLES
    )


def acting_organizations(user: Any) -> QuerySet[Organization]:
    """Organisations the person may create events for."""
    if is_operator(user):
        return Organization.objects.filter(is_published=True).order_by("short_name", "full_name")
    return Organization.objects.filter(
        memberships__user=user, memberships__role__in=ACTING_ROLES
    ).order_by("short_name", "full_name")


def organizations_of(user: Any) -> QuerySet[Organization]:
    """Organisations the person may say they come from."""
    if not (user and user.is_authenticated):
        return Organization.objects.none()
    return Organization.objects.filter(memberships__user=user).order_by("short_name", "full_name")


def my_registrations(user: Any) -> QuerySet[Registration]:
    return (
        Registration.objects.filter(user=user)
        .select_related("event__organizer", "event__municipality")
        .annotate(has_feedback=Exists(Feedback.objects.filter(registration=OuterRef("pk"))))
        .order_by("-event__starts_at", "-pk")
    )


def feed_events(user: Any) -> QuerySet[Event]:
    """A person's calendar feed: the events they are registered for (cancelled ones too, so that
    calendars remove them)."""
    return (
        Event.objects.filter(
            registrations__user=user, registrations__status__in=Registration.ACTIVE
        )
        .select_related("organizer", "municipality")
        .order_by("starts_at", "pk")
    )


def confirmed_event_ids(user: Any) -> set[int]:
    return set(
        Registration.objects.filter(user=user, status=Registration.Status.CONFIRMED).values_list(
            "event_id", flat=True
        )
    )


def organization_feed_events(organization: Organization) -> QuerySet[Event]:
    """An organisation's public calendar: its public events from 90 days back."""
    since = timezone.now() - timedelta(days=90)
    return (
        Event.objects.filter(
            organizer=organization, audience=Event.Audience.PUBLIC, ends_at__gte=since
        )
        .select_related("organizer", "municipality")
        .order_by("starts_at", "pk")
    )


def with_registrations_prefetched(events: QuerySet[Event], user: Any) -> QuerySet[Event]:
    """Each event with the person's own registration (`mine`, a list of at most one)."""
    if not (user and user.is_authenticated):
        return events
    return events.prefetch_related(
        Prefetch("registrations", Registration.objects.filter(user=user), to_attr="mine")
    )


def profile_section(organization: Organization, user: Any) -> dict[str, Any] | None:
    """The organisation's upcoming events (those the viewer may see) for its public profile; left
    out for an organisation that has never announced one."""
    upcoming = list(
        calendar(user, organizer=organization)
        .select_related(None)
        .select_related("municipality")[:5]
    )
    if not upcoming and not Event.objects.filter(organizer=organization).exists():
        return None
    return {"events": upcoming}


def cabinet_summary(user: Any) -> dict[str, Any]:
    now = timezone.now()
    counts = Registration.objects.filter(user=user, event__ends_at__gt=now).aggregate(
        confirmed=Count("pk", filter=Q(status=Registration.Status.CONFIRMED)),
        waiting=Count("pk", filter=Q(status=Registration.Status.WAITING)),
    )
    return {"confirmed": counts["confirmed"], "waiting": counts["waiting"]}
