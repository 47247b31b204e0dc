"""Reads: the fair's catalogue with its filters, a project with everything its page shows, coverage
of needs, sponsors' views and reports."""

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import BooleanField, Exists, F, OuterRef, Prefetch, Q, QuerySet, Sum, Value
from django.utils import timezone

from nkohub.core.permissions import is_operator
from nkohub.organizations import search
from nkohub.organizations.models import Organization
from nkohub.organizations.selectors import organizations_user_acts_for
from nkohub.projects.models import (
    FairEntry,
    FairSeason,
    Fulfilment,
    Partnership,
    Pledge,
    Project,
    ProjectNeed,
    SponsorPreferences,
)

ZERO = Decimal("0")


def _accepted_entries() -> QuerySet[FairEntry]:
    return FairEntry.objects.filter(project=OuterRef("pk"), status=FairEntry.Status.ACCEPTED)


def with_fair_flag(projects: QuerySet[Project]) -> QuerySet[Project]:
    return projects.annotate(on_fair=Exists(_accepted_entries()))


def current_season(today: datetime.date | None = None) -> FairSeason | None:
    """The season running now, else the next one, else the latest past one."""
    today = today or timezone.localdate()
    seasons = FairSeason.objects.all()
    return (
        seasons.filter(starts_on__lte=today, ends_on__gte=today).first()
        or seasons.filter(starts_on__gt=today).order_by("starts_on").first()
        or seasons.order_by("-ends_on").first()
    )


def seasons_open_for_submission(today: datetime.date | None = None) -> QuerySet[FairSeason]:
    today = today or timezone.localdate()
    return FairSeason.objects.filter(
        submissions_open_on__lte=today, submissions_close_on__gte=today
    ).order_by("submissions_close_on")


def seasons_project_can_enter(project: Project) -> QuerySet[FairSeason]:
    """Seasons accepting projects now to which the project is not already submitted or accepted."""
    active = FairEntry.objects.filter(
        project=project, status__in=[FairEntry.Status.SUBMITTED, FairEntry.Status.ACCEPTED]
    )
    return seasons_open_for_submission().exclude(pk__in=active.values("season_id"))


def _card_queryset(projects: QuerySet[Project]) -> QuerySet[Project]:
    return projects.select_related("organization").prefetch_related(
        "spheres",
        "municipalities",
        Prefetch("needs", queryset=ProjectNeed.objects.order_by("position", "pk")),
    )


def fair_projects(
    *,
    season: FairSeason | None = None,
    sphere: Any = None,
    municipality: Any = None,
    need: str = "",
    status: str = "",
    query: str = "",
) -> QuerySet[Project]:
    """Projects accepted to the fair (to `season` if given), filtered as visitors ask.

    Every filter over a relation is an EXISTS, so no row repeats and no DISTINCT over wide rows is
    needed; the order is the index projects_project_created_desc (created_at, pk descending), so the
    first page is read from the index instead of sorting every accepted project."""
    entries = _accepted_entries()
    if season is not None:
        entries = entries.filter(season=season)
    projects = Project.objects.filter(Exists(entries))
    if sphere:
        spheres = Project.spheres.through.objects.filter(project=OuterRef("pk"), sphere=sphere)
        projects = projects.filter(Exists(spheres))
    if municipality:
        places = Project.municipalities.through.objects.filter(
            project=OuterRef("pk"), municipality=municipality
        )
        projects = projects.filter(Q(covers_whole_region=True) | Exists(places))
    if need:
        needs = ProjectNeed.objects.filter(project=OuterRef("pk"), kind=need)
        projects = projects.filter(Exists(needs))
    if status:
        projects = projects.filter(status=status)
    if query:
        projects = projects.filter(search.word_forms_condition(("search_text",), query))
    # Only projects on the fair are listed: the flag the cards read is true for all of them.
    projects = projects.annotate(on_fair=Value(True, output_field=BooleanField()))
    return _card_queryset(projects).order_by("-created_at", "-pk")


def fair_suggestion(query: str) -> str:
    """«Возможно, вы имели в виду …» for the fair: from the words of the projects accepted to it."""
    accepted = FairEntry.objects.filter(status=FairEntry.Status.ACCEPTED)
    vocabulary = search.vocabulary_for(
        "projects.fair",
        Project.objects.filter(pk__in=accepted.values("project_id")),
        ("search_text",),
    )
    return search.suggestion(query, vocabulary)


def project_for_page(pk: int) -> Project | None:
    projects = with_fair_flag(Project.objects.filter(pk=pk))
    return (
        projects.select_related("organization", "organization__municipality")
        .prefetch_related(
            "spheres",
            "municipalities",
            "tasks",
            "needs",
            "planned_results",
            "team",
            "result_photos",
            Prefetch("fair_entries", queryset=FairEntry.objects.select_related("season")),
        )
        .first()
    )


def projects_of_organizations(organizations: Any) -> QuerySet[Project]:
    projects = with_fair_flag(Project.objects.filter(organization__in=organizations))
    return projects.select_related("organization").order_by("-updated_at", "-pk")


def projects_user_manages(user: Any) -> QuerySet[Project]:
    """Projects of the organisations the person acts for (e.g. to start a grant application from)."""
    return projects_of_organizations(organizations_user_acts_for(user))


def project_with_parts(pk: int) -> Project | None:
    """A project with everything an application form carries over: tasks and planned results in
    order, needs, team, spheres and municipalities (one query each)."""
    return (
        Project.objects.filter(pk=pk)
        .select_related("organization")
        .prefetch_related("tasks", "planned_results", "needs", "team", "spheres", "municipalities")
        .first()
    )


@dataclass(frozen=True)
class NeedCoverage:
    need: ProjectNeed
    pledged: Decimal
    received: Decimal
    pending: Decimal

    @property
    def pledged_percent(self) -> int:
        return min(int(self.pledged * 100 / self.need.quantity), 100) if self.need.quantity else 0

    @property
    def received_percent(self) -> int:
        return min(int(self.received * 100 / self.need.quantity), 100) if self.need.quantity else 0

    @property
    def is_covered(self) -> bool:
        return self.pledged >= self.need.quantity


def _coverage_of(needs: list[ProjectNeed], projects: Any) -> list[NeedCoverage]:
    """For each need: how much accepted pledges promise, how much has been received, how much
    awaits the team's answer. An ended partnership counts only for what it delivered.
    Two aggregate queries for all the needs of `projects` (a project, a list or a queryset)."""
    if not needs:
        return []
    ended = Partnership.Status.CANCELLED
    pledged: dict[int, dict[str, Decimal]] = {}
    rows = (
        Pledge.objects.filter(
            project__in=projects,
            need__isnull=False,
            status__in=[Pledge.Status.ACCEPTED, Pledge.Status.PENDING],
        )
        .exclude(partnership__status=ended)
        .values("need_id", "status")
        .annotate(total=Sum("amount"))
    )
    for row in rows:
        pledged.setdefault(row["need_id"], {})[row["status"]] = row["total"] or ZERO
    received: dict[int, dict[str, Any]] = {
        row["need_id"]: dict(row)
        for row in Fulfilment.objects.filter(
            partnership__pledge__project__in=projects, partnership__pledge__need__isnull=False
        )
        .values(need_id=F("partnership__pledge__need_id"))
        .annotate(
            total=Sum("amount"), from_ended=Sum("amount", filter=Q(partnership__status=ended))
        )
    }
    coverage = []
    for need in needs:
        got = received.get(need.pk, {})
        coverage.append(
            NeedCoverage(
                need=need,
                pledged=pledged.get(need.pk, {}).get(Pledge.Status.ACCEPTED, ZERO)
                + (got.get("from_ended") or ZERO),
                pending=pledged.get(need.pk, {}).get(Pledge.Status.PENDING, ZERO),
                received=got.get("total") or ZERO,
            )
        )
    return coverage


def need_coverage(project: Project) -> list[NeedCoverage]:
    """Each need of the project with what is pledged, received and pending (two queries)."""
    return _coverage_of(list(project.needs.all()), [project])


@dataclass(frozen=True)
class CoverageSummary:
    """How far a project's needs are covered, for its card: the bar shows `percent`, the mean
    covered share of each need (needs are in different units, so shares, not amounts, are averaged)."""

    needs: int
    covered: int
    percent: int


def with_coverage(projects: list[Project]) -> list[Project]:
    """Sets `coverage` (a CoverageSummary, or None) on each project of a card list whose needs are
    prefetched; two queries whatever the number of projects. Only open projects get a bar: a
    completed or cancelled one looks for nobody."""
    looking = [project for project in projects if project.status in Project.OPEN_STATUSES]
    needs = [need for project in looking for need in project.needs.all()]
    by_project: dict[int, list[NeedCoverage]] = {}
    for row in _coverage_of(needs, looking):
        by_project.setdefault(row.need.project_id, []).append(row)
    for project in projects:
        rows = by_project.get(project.pk, [])
        project.coverage = (
            CoverageSummary(
                needs=len(rows),
                covered=sum(1 for row in rows if row.is_covered),
                percent=round(sum(row.pledged_percent for row in rows) / len(rows)),
            )
            if rows
            else None
        )
    return projects


def _pledge_queryset() -> QuerySet[Pledge]:
    return Pledge.objects.select_related(
        "project", "project__organization", "need", "organization", "pledged_by", "partnership"
    ).prefetch_related("partnership__fulfilments")


def project_pledges_for(user: Any, project: Project, *, team: bool) -> list[Pledge]:
    """The team and operators see every pledge; a pledger sees only their own."""
    pledges = _pledge_queryset().filter(project=project).order_by("-created_at", "-pk")
    if team or is_operator(user):
        return list(pledges)
    if not user.is_authenticated:
        return []
    mine = Q(pledged_by=user, organization__isnull=True) | Q(
        organization__in=organizations_user_acts_for(user)
    )
    return list(pledges.filter(mine))


def project_partners(project: Project) -> QuerySet[Organization]:
    """Organisations whose support the project accepted (people who pledged personally stay private)."""
    accepted = Pledge.objects.filter(
        project=project, status=Pledge.Status.ACCEPTED, organization__isnull=False
    )
    return Organization.objects.filter(pk__in=accepted.values("organization_id")).order_by(
        "full_name"
    )


def pledges_of_organization(organization: Organization) -> QuerySet[Pledge]:
    return _pledge_queryset().filter(organization=organization).order_by("-created_at", "-pk")


def pending_pledges_for_user(user: Any) -> QuerySet[Pledge]:
    return _pledge_queryset().filter(
        project__organization__in=organizations_user_acts_for(user), status=Pledge.Status.PENDING
    )


def partnership_received(partnership: Partnership) -> Decimal:
    return sum((f.amount or ZERO for f in partnership.fulfilments.all()), ZERO)


def entries_awaiting_decision() -> QuerySet[FairEntry]:
    return (
        FairEntry.objects.filter(status=FairEntry.Status.SUBMITTED)
        .select_related("season", "project", "project__organization", "submitted_by")
        .order_by("submitted_at", "pk")
    )


def sponsor_preferences(organization: Organization) -> SponsorPreferences | None:
    return (
        SponsorPreferences.objects.filter(organization=organization)
        .prefetch_related("spheres", "municipalities")
        .first()
    )


def projects_matching_sponsor(organization: Organization) -> QuerySet[Project]:
    """Open projects at the fair in the sponsor's chosen spheres and territories (a project for the
    whole region matches every territory). With no preferences, all open projects at the fair."""
    projects = fair_projects().filter(status__in=Project.OPEN_STATUSES)
    preferences = sponsor_preferences(organization)
    if preferences is None:
        return projects
    sphere_ids = [s.pk for s in preferences.spheres.all()]
    municipality_ids = [m.pk for m in preferences.municipalities.all()]
    if sphere_ids:
        projects = projects.filter(spheres__in=sphere_ids)
    if municipality_ids:
        projects = projects.filter(
            Q(covers_whole_region=True) | Q(municipalities__in=municipality_ids)
        )
    return projects.distinct()


@dataclass(frozen=True)
class ContributionRow:
    received_on: datetime.date
    project: str
    recipient: str
    kind: str
    amount: Decimal | None
    unit: str
    note: str
    is_money: bool


def contributions_for_period(
    organization: Organization, start: datetime.date, end: datetime.date
) -> list[ContributionRow]:
    """What the organisation actually delivered to projects between two dates (inclusive)."""
    fulfilments = (
        Fulfilment.objects.filter(
            partnership__pledge__organization=organization,
            received_on__gte=start,
            received_on__lte=end,
        )
        .select_related("partnership__pledge__project__organization", "partnership__pledge__need")
        .order_by("received_on", "pk")
    )
    rows = []
    for fulfilment in fulfilments:
        pledge = fulfilment.partnership.pledge
        unit = (
            "₽" if pledge.kind == Pledge.Kind.MONEY else (pledge.need.unit if pledge.need else "")
        )
        rows.append(
            ContributionRow(
                received_on=fulfilment.received_on,
                project=pledge.project.title,
                recipient=str(pledge.project.organization),
                kind=str(pledge.get_kind_display()),
                amount=fulfilment.amount,
                unit=unit,
                note=fulfilment.note or pledge.description,
                is_money=pledge.kind == Pledge.Kind.MONEY,
            )
        )
    return rows


def money_total(rows: list[ContributionRow]) -> Decimal:
    return sum((r.amount or ZERO for r in rows if r.is_money), ZERO)


def fair_projects_for_home(limit: int = 3) -> list[Project]:
    """Open projects at the fair for the front page, newest first, with how far their needs are
    covered (a constant number of queries)."""
    projects = fair_projects().filter(status__in=Project.OPEN_STATUSES)
    return with_coverage(list(projects[:limit]))


def projects_on_fair_count() -> int:
    entries = FairEntry.objects.filter(status=FairEntry.Status.ACCEPTED)
    return Project.objects.filter(pk__in=entries.values("project_id")).count()
