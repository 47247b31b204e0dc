"""The lists of the benchmarks' data set (bench/data.py): grant competitions, the fair's projects (one
season, every project accepted) and reception's published appeals. Each table is regenerated whole
from its own seed when its size differs; `ensure_*` says whether it had to."""

import datetime as dt
import random
import uuid
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from bench.data_registry import (
    ANCHOR,
    AUTHORITIES,
    BATCH,
    FIRST_PROJECT_OWNER,
    NAMESPACE,
    PROJECT_OWNERS,
    SEED,
    bench_user,
    delete_all,
    registry_pks,
)
from bench.data_words import competition_text, project_text

# --- grant competitions -------------------------------------------------------------------------


def ensure_competitions(count: int) -> bool:
    from nkohub.grants.models import Competition

    if Competition.objects.count() == count:
        return False
    delete_all(Competition.objects.all())
    _create_competitions(count)
    return True


def _create_competitions(count: int) -> None:
    from nkohub.grants.models import Competition, Funder
    from nkohub.organizations.models import Sphere

    rng = random.Random(SEED + 2)
    funders = list(Funder.objects.order_by("pk"))
    for n in range(len(funders), 8):
        funders.append(
            Funder.objects.create(
                code=f"bench-{n}",
                name=f"Бенчмарк: фонд поддержки инициатив №{n}",
                short_name=f"Фонд №{n}",
                kind=Funder.Kind.choices[-1][0],
            )
        )
    directions = list(Sphere.objects.order_by("pk").values_list("pk", flat=True))
    competitions = []
    chosen: list[list[int]] = []
    for n in range(count):
        title, description = competition_text(rng, n)
        opens = ANCHOR + dt.timedelta(days=rng.randint(-400, 900))
        closes = opens + dt.timedelta(days=rng.randint(14, 90))
        starts = closes + dt.timedelta(days=rng.randint(30, 120))
        low = Decimal(rng.choice([50_000, 100_000, 300_000, 500_000]))
        competitions.append(
            Competition(
                funder=funders[n % len(funders)],
                title=title,
                description=description,
                applications_open_on=opens,
                applications_close_on=closes,
                implementation_starts_from=starts,
                implementation_ends_by=starts + dt.timedelta(days=rng.randint(180, 720)),
                min_amount=low,
                max_amount=low * rng.choice([4, 10, 20]),
                cofinancing_min_percent=Decimal(rng.choice([0, 10, 25])),
                url=f"https://fund.example.ru/competitions/{n}",
                is_demo=True,
            )
        )
        chosen.append(rng.sample(directions, rng.randint(1, 3)) if directions else [])
    competitions = Competition.objects.bulk_create(competitions, batch_size=BATCH)
    through = Competition.directions.through
    through.objects.bulk_create(
        through(competition_id=c.pk, sphere_id=s)
        for c, spheres in zip(competitions, chosen, strict=True)
        for s in spheres
    )


# --- the fair's projects ------------------------------------------------------------------------


def ensure_fair(count: int) -> bool:
    from nkohub.projects.models import FairEntry, Project

    accepted = FairEntry.objects.filter(status=FairEntry.Status.ACCEPTED)
    if (
        Project.objects.count() == count
        and accepted.count() == count
        and FairEntry.objects.count() == count
    ):
        return False
    delete_all(Project.objects.all())
    _create_fair(count)
    return True


def _create_fair(count: int) -> None:
    from nkohub.organizations.models import Organization, Sphere
    from nkohub.projects.models import FairEntry, FairSeason, Project, ProjectNeed, normalize_search
    from nkohub.territories.models import Municipality

    rng = random.Random(SEED + 3)
    season, _ = FairSeason.objects.get_or_create(
        slug="bench-fair",
        defaults={
            "title": "Бенчмарк: ярмарка социальных проектов",
            "submissions_open_on": ANCHOR - dt.timedelta(days=90),
            "submissions_close_on": ANCHOR + dt.timedelta(days=30),
            "starts_on": ANCHOR - dt.timedelta(days=30),
            "ends_on": ANCHOR + dt.timedelta(days=365 * 3),
            "is_demo": True,
        },
    )
    owners = dict(
        Organization.objects.filter(
            pk__in=registry_pks(FIRST_PROJECT_OWNER, PROJECT_OWNERS)
        ).values_list("pk", "full_name")
    )
    owner_pks = sorted(owners)
    spheres = list(Sphere.objects.order_by("pk").values_list("pk", flat=True))
    municipalities = list(
        Municipality.objects.filter(region__code="40").order_by("pk").values_list("pk", flat=True)
    )
    user = bench_user()
    projects, links = [], []
    for n in range(count):
        owner = rng.choice(owner_pks)
        title, summary = project_text(rng, n)
        budget = Decimal(rng.randint(50, 3000) * 1000)
        projects.append(
            Project(
                organization_id=owner,
                title=title,
                summary=summary,
                goal=summary,
                covers_whole_region=rng.random() < 0.1,
                starts_on=ANCHOR + dt.timedelta(days=rng.randint(-200, 200)),
                budget_total=budget,
                own_contribution=(budget * Decimal("0.1")).quantize(Decimal("1")),
                status=rng.choice(Project.OPEN_STATUSES),
                created_by=user,
                is_demo=True,
                search_text=normalize_search(f"{title} {summary} {owners[owner]}"),
            )
        )
        links.append(
            (
                rng.sample(spheres, rng.randint(1, 3)),
                rng.sample(municipalities, rng.randint(1, 2)),
                [rng.choice(ProjectNeed.Kind.values) for _ in range(rng.randint(1, 4))],
            )
        )
    projects = Project.objects.bulk_create(projects, batch_size=BATCH)
    created = dt.datetime.combine(ANCHOR, dt.time(12), tzinfo=dt.UTC)
    for n, project in enumerate(projects):  # spread over a year, newest first by pk
        project.created_at = created - dt.timedelta(hours=2 * (len(projects) - n))
    Project.objects.bulk_update(projects, ["created_at"], batch_size=BATCH)
    _bulk(
        Project.spheres.through,
        (
            {"project_id": p.pk, "sphere_id": s}
            for p, (ss, _m, _k) in zip(projects, links, strict=True)
            for s in ss
        ),
    )
    _bulk(
        Project.municipalities.through,
        (
            {"project_id": p.pk, "municipality_id": m}
            for p, (_s, ms, _k) in zip(projects, links, strict=True)
            for m in ms
        ),
    )
    ProjectNeed.objects.bulk_create(
        (
            ProjectNeed(
                project=p,
                kind=kind,
                description=f"Нужно для проекта: {ProjectNeed.Kind(kind).label}",
                quantity=Decimal(100_000 if kind == ProjectNeed.Kind.MONEY else 10),
                unit="" if kind == ProjectNeed.Kind.MONEY else "шт.",
                position=i,
            )
            for p, (_s, _m, kinds) in zip(projects, links, strict=True)
            for i, kind in enumerate(kinds)
        ),
        batch_size=BATCH,
    )
    FairEntry.objects.bulk_create(
        (
            FairEntry(
                season=season,
                project=p,
                status=FairEntry.Status.ACCEPTED,
                submitted_by=user,
                decided_at=created,
            )
            for p in projects
        ),
        batch_size=BATCH,
    )


def _bulk(model: Any, rows: Iterable[dict[str, int]]) -> None:
    model.objects.bulk_create((model(**row) for row in rows), batch_size=BATCH)


# --- reception's published appeals --------------------------------------------------------------


def ensure_appeals(count: int) -> bool:
    from nkohub.reception.models import Appeal

    published = Appeal.objects.filter(status=Appeal.Status.ANSWERED, publish_consent=True)
    if Appeal.objects.count() == count and published.count() == count:
        return False
    delete_all(Appeal.objects.all())
    _create_appeals(count)
    return True


def _create_appeals(count: int) -> None:
    from nkohub.reception.models import Appeal, Topic

    rng = random.Random(SEED + 4)
    authorities = registry_pks(0, AUTHORITIES)
    topics: dict[int, list[int]] = {}
    for authority in authorities:
        topics[authority] = [
            Topic.objects.get_or_create(authority_id=authority, name=name)[0].pk
            for name in ("Субсидии НКО", "Помещения для НКО", "Социальное обслуживание")
        ]
    askers = registry_pks(FIRST_PROJECT_OWNER, PROJECT_OWNERS)
    user = bench_user()
    appeals = []
    for n in range(count):
        authority = authorities[n % len(authorities)]
        submitted = ANCHOR - dt.timedelta(days=rng.randint(20, 700))
        registered = submitted + dt.timedelta(days=rng.randint(0, 3))
        subject, text = project_text(rng, n)
        appeals.append(
            Appeal(
                authority_id=authority,
                topic_id=rng.choice(topics[authority]),
                author=user,
                organization_id=rng.choice(askers) if rng.random() < 0.7 else None,
                kind=rng.choice(Appeal.Kind.values),
                subject=f"Вопрос: {subject}"[:200],
                text=text,
                publish_consent=True,
                status=Appeal.Status.ANSWERED,
                idempotency_key=uuid.uuid5(NAMESPACE, f"appeal-{n}"),
                submitted_at=dt.datetime.combine(submitted, dt.time(10), tzinfo=dt.UTC),
                registration_number=f"Б-{n}",
                registered_on=registered,
                answer_due=registered + dt.timedelta(days=30),
                answer_text=f"Разъясняем порядок: {text}",
                answered_on=registered + dt.timedelta(days=rng.randint(5, 35)),
            )
        )
    Appeal.objects.bulk_create(appeals, batch_size=BATCH)
