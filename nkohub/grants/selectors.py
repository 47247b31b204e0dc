"""Reads of the grants app: the calendar with its filters, applications people may see, the
checker's inputs and the statistics of outcomes."""

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Sum
from django.utils import timezone

from nkohub.core.permissions import is_operator
from nkohub.grants.checker import (
    CompetitionRules,
    Finding,
    OrganizationFacts,
    ProjectFacts,
    RegionFacts,
    check_document,
)
from nkohub.grants.document import snapshot_of
from nkohub.grants.models import (
    Application,
    ApplicationVersion,
    Competition,
    CompetitionFollow,
    Funder,
    RegionComparison,
)
from nkohub.organizations import search
from nkohub.organizations.models import Organization, Sphere
from nkohub.territories.models import Municipality, Region

CLOSING_SOON_DAYS = 14
# the calendar's cached filters and results (core.fragments): dropped on any write to what they show
CALENDAR_FRAGMENTS = "grants.calendar"


def fund_directions() -> QuerySet[Sphere]:
    return Sphere.objects.filter(is_fund_direction=True).order_by("position", "name")


def competition_directions() -> QuerySet[Sphere]:
    used = Competition.directions.through.objects.filter(sphere=OuterRef("pk"))
    return Sphere.objects.filter(Exists(used)).order_by("-is_fund_direction", "position", "name")


def competitions_calendar(
    *,
    today: date | None = None,
    when: str = "",
    funder: Funder | None = None,
    direction: Sphere | None = None,
    query: str = "",
) -> QuerySet[Competition]:
    """Competitions for the calendar. `when`: "open" (accepting now), "closing" (closing within
    two weeks), "upcoming" (not open yet), "past"; anything else — open and upcoming."""
    today = today or timezone.localdate()
    competitions = Competition.objects.select_related("funder").prefetch_related(
        Prefetch("directions", queryset=Sphere.objects.order_by("position", "name"))
    )
    if when == "open":
        competitions = competitions.filter(
            applications_open_on__lte=today, applications_close_on__gte=today
        )
    elif when == "closing":
        competitions = competitions.filter(
            applications_open_on__lte=today,
            applications_close_on__gte=today,
            applications_close_on__lte=today + timedelta(days=CLOSING_SOON_DAYS),
        )
    elif when == "upcoming":
        competitions = competitions.filter(applications_open_on__gt=today)
    elif when == "past":
        competitions = competitions.filter(applications_close_on__lt=today)
    else:
        competitions = competitions.filter(applications_close_on__gte=today)
    if funder is not None:
        competitions = competitions.filter(funder=funder)
    if direction is not None:
        # EXISTS, not a join: no row repeats, so no DISTINCT over the wide rows is needed
        directed = Competition.directions.through.objects.filter(
            competition=OuterRef("pk"), sphere=direction
        )
        competitions = competitions.filter(Exists(directed))
    if query:
        competitions = competitions.filter(
            search.word_forms_condition(("title", "description", "funder__name"), query)
        )
    ordering = ["-applications_close_on"] if when == "past" else ["applications_close_on"]
    return competitions.order_by(*ordering, "pk")


def competitions_suggestion(query: str) -> str:
    """«Возможно, вы имели в виду …» for the calendar: from the words of the competitions."""
    vocabulary = search.vocabulary_for(
        "grants.competitions",
        Competition.objects.all(),
        ("title", "description", "funder__name"),
        stamp_field="created_at",
    )
    return search.suggestion(query, vocabulary)


def followed_competition_ids(user: Any) -> set[int]:
    if not user.is_authenticated:
        return set()
    return set(CompetitionFollow.objects.filter(user=user).values_list("competition_id", flat=True))


def competition_detail(pk: int) -> Competition | None:
    return (
        Competition.objects.select_related("funder")
        .prefetch_related("directions")
        .filter(pk=pk)
        .first()
    )


def applications_visible_to(user: Any) -> QuerySet[Application]:
    applications = Application.objects.select_related(
        "organization", "competition__funder", "funder", "direction"
    )
    if is_operator(user):
        return applications
    if not user.is_authenticated:
        return applications.none()
    return applications.filter(organization__memberships__user=user)


def application_document(application: Application) -> Application:
    """The application with everything its document needs in six queries."""
    return (
        Application.objects.select_related(
            "organization", "competition__funder", "funder", "direction", "project"
        )
        .prefetch_related("municipalities", "tasks", "team", "budget_items", "plan_events")
        .get(pk=application.pk)
    )


def application_versions(application: Application) -> QuerySet[ApplicationVersion]:
    return application.versions.select_related("created_by").order_by("-number")


def competition_rules(competition: Competition | None) -> CompetitionRules | None:
    if competition is None:
        return None
    return CompetitionRules(
        direction_ids=frozenset(competition.directions.values_list("pk", flat=True)),
        applications_close_on=competition.applications_close_on,
        implementation_starts_from=competition.implementation_starts_from,
        implementation_ends_by=competition.implementation_ends_by,
        min_amount=competition.min_amount,
        max_amount=competition.max_amount,
        cofinancing_min_percent=competition.cofinancing_min_percent,
        vague_budget_item_max_percent=competition.vague_budget_item_max_percent,
    )


def project_facts(application: Application) -> ProjectFacts | None:
    project = application.project
    if project is None:
        return None
    return ProjectFacts(
        covers_whole_region=project.covers_whole_region,
        municipality_names=frozenset(project.municipalities.values_list("name", flat=True)),
        target_groups=tuple(project.target_group_list),
    )


def organization_facts(organization: Organization) -> OrganizationFacts:
    return OrganizationFacts(
        name=organization.display_name,
        registered_on=organization.registration_date,
        website=organization.website,
        social_links=tuple(str(link) for link in organization.social_links or ()),
    )


def region_facts() -> RegionFacts:
    """The cluster's region and its municipalities (one query)."""
    rows = list(
        Municipality.objects.filter(region__code=settings.CLUSTER_REGION).values_list(
            "name", "region__name"
        )
    )
    if rows:
        return RegionFacts(name=rows[0][1], places=frozenset(name for name, _ in rows))
    region = Region.objects.filter(code=settings.CLUSTER_REGION).first()
    return RegionFacts(name=region.name if region else "")


def check_application(application: Application) -> list[Finding]:
    """The checker's findings for the application as it is saved now."""
    document = application_document(application)
    return check_document(
        snapshot_of(document),
        rules=competition_rules(document.competition),
        project=project_facts(document),
        organization=organization_facts(document.organization),
        region=region_facts(),
    )


# --- statistics ----------------------------------------------------------------------------


@dataclass
class StatRow:
    key: Any
    label: str
    applications: int = 0
    winners: int = 0
    amount: Decimal = Decimal("0")

    @property
    def success_percent(self) -> Decimal | None:
        if not self.applications:
            return None
        return (Decimal(self.winners) * 100 / self.applications).quantize(Decimal("0.1"))


@dataclass
class GrantStatistics:
    total: StatRow
    by_year: list[StatRow] = field(default_factory=list)
    by_funder: list[StatRow] = field(default_factory=list)
    by_direction: list[StatRow] = field(default_factory=list)


def region_applications() -> QuerySet[Application]:
    """Applications of the cluster region's organisations (by territory, or by the INN's region
    code when the territory is not known)."""
    region = settings.CLUSTER_REGION
    return Application.objects.filter(
        Q(organization__municipality__region__code=region)
        | Q(organization__municipality__isnull=True, organization__inn__startswith=region)
    )


def _filed(applications: QuerySet[Application]) -> QuerySet[Application]:
    return applications.filter(status__in=Application.FILED_STATUSES)


def _aggregate(applications: QuerySet[Application], group: str) -> list[dict[str, Any]]:
    return list(
        applications.values(group)
        .annotate(
            applications=Count("pk"),
            winners=Count("pk", filter=Q(status=Application.Status.WON)),
            amount=Sum("awarded_amount", filter=Q(status=Application.Status.WON)),
        )
        .order_by(group)
    )


def _rows(data: list[dict[str, Any]], group: str, labels: dict[Any, str]) -> list[StatRow]:
    return [
        StatRow(
            key=item[group],
            label=labels.get(item[group], "—") if item[group] is not None else "не указано",
            applications=item["applications"],
            winners=item["winners"],
            amount=item["amount"] or Decimal("0"),
        )
        for item in data
    ]


def grant_statistics(applications: QuerySet[Application]) -> GrantStatistics:
    """Applications filed, winners, success rate and money by year, funder and direction.
    A constant number of queries whatever the number of applications."""
    filed = _filed(applications)
    by_year = _aggregate(filed.filter(submitted_on__isnull=False), "submitted_on__year")
    by_funder = _aggregate(filed, "funder")
    by_direction = _aggregate(filed, "direction")
    funders = dict(Funder.objects.values_list("pk", "short_name"))
    directions = dict(Sphere.objects.values_list("pk", "name"))
    years = {item["submitted_on__year"]: str(item["submitted_on__year"]) for item in by_year}
    totals = filed.aggregate(
        applications=Count("pk"),
        winners=Count("pk", filter=Q(status=Application.Status.WON)),
        amount=Sum("awarded_amount", filter=Q(status=Application.Status.WON)),
    )
    return GrantStatistics(
        total=StatRow(
            key=None,
            label="всего",
            applications=totals["applications"],
            winners=totals["winners"],
            amount=totals["amount"] or Decimal("0"),
        ),
        by_year=sorted(_rows(by_year, "submitted_on__year", years), key=lambda r: r.key),
        by_funder=sorted(
            _rows(by_funder, "funder", funders), key=lambda r: (-r.applications, r.label)
        ),
        by_direction=sorted(
            _rows(by_direction, "direction", directions), key=lambda r: (-r.applications, r.label)
        ),
    )


@dataclass
class Comparison:
    figures: RegionComparison
    ours: StatRow


def region_comparisons() -> list[Comparison]:
    """Each operator-entered figure of another region next to ours for the same funder and years."""
    comparisons = []
    filed = _filed(region_applications())
    for figures in RegionComparison.objects.select_related("region", "funder"):
        totals = filed.filter(
            funder=figures.funder,
            submitted_on__year__gte=figures.year_from,
            submitted_on__year__lte=figures.year_to,
        ).aggregate(
            applications=Count("pk"),
            winners=Count("pk", filter=Q(status=Application.Status.WON)),
            amount=Sum("awarded_amount", filter=Q(status=Application.Status.WON)),
        )
        comparisons.append(
            Comparison(
                figures=figures,
                ours=StatRow(
                    key=figures.pk,
                    label="",
                    applications=totals["applications"],
                    winners=totals["winners"],
                    amount=totals["amount"] or Decimal("0"),
                ),
            )
        )
    return comparisons


def organization_applications(organization: Organization) -> QuerySet[Application]:
    return Application.objects.filter(organization=organization)


def competitions_with_dates_between(start: date, end: date) -> QuerySet[Competition]:
    """Competitions whose applications open or close between two dates (inclusive)."""
    return (
        Competition.objects.filter(
            Q(applications_open_on__range=(start, end))
            | Q(applications_close_on__range=(start, end))
        )
        .select_related("funder")
        .order_by("applications_close_on", "pk")
    )


def region_won_applications_count() -> int:
    """Applications of the region's organisations that won a grant."""
    return _filed(region_applications()).filter(status=Application.Status.WON).count()


# --- the Fund's results entered by operators (read by analytics) --------------------------------


def fund_results(
    *, year_from: int | None = None, year_to: int | None = None
) -> QuerySet[RegionComparison]:
    """Figures of the Fund's results entered by operators, for the cluster region and others: one
    row a region, funder, period and competition, with the region and the funder joined."""
    rows = RegionComparison.objects.select_related("region", "funder")
    if year_from is not None:
        rows = rows.filter(year_to__gte=year_from)
    if year_to is not None:
        rows = rows.filter(year_from__lte=year_to)
    return rows.order_by("region__code", "funder__position", "year_from", "competition", "pk")


def funder_by_text(text: str) -> Funder | None:
    """A funder by its code, name or short name, case aside («ФПГ», «Фонд президентских грантов»)."""
    value = " ".join(text.split())
    if not value:
        return None
    return (
        Funder.objects.filter(
            Q(code__iexact=value) | Q(name__iexact=value) | Q(short_name__iexact=value)
        )
        .order_by("position", "pk")
        .first()
    )


def region_by_text(text: str) -> Region | None:
    """A region by its two-digit code or its name, case aside («40», «Калужская область»)."""
    value = " ".join(text.split())
    if not value:
        return None
    if value.isdigit():
        return Region.objects.filter(code=value.zfill(2)).first()
    return Region.objects.filter(name__iexact=value).first()
