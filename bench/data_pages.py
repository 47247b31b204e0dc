"""Generated data for the public pages' benchmarks: fair projects accepted to a season (marked
«Бенчмарк-ярмарка»), so that the fair's list can be timed and explained at 5,000 and 50,000 projects.

    DATABASE_URL=postgres://…/nkohub_pages_bench python -m bench.data_pages [--projects=5000]

Organisations come from the generated registry (bench/bench_organizations.py `generate`), or a few
hundred of its own when the registry is empty. Running it again only tops the projects up.
"""

import datetime as dt
import random
import sys
import time

MARK = "Бенчмарк-ярмарка"
BATCH = 5000
WORDS = ["помощь", "детям", "пожилым", "семьям", "клуб", "мастерская", "школа", "парк", "двор"]


def generate_projects(size: int) -> None:
    from django.db import connection

    from nkohub.organizations.models import Organization
    from nkohub.projects.models import FairEntry, FairSeason, Project

    existing = Project.objects.filter(title__startswith=MARK).count()
    if existing >= size:
        print(f"fair: {existing:,} generated projects already present")
        return
    organization_ids = list(Organization.objects.values_list("pk", flat=True)[:5000])
    if not organization_ids:
        organization_ids = [
            o.pk
            for o in Organization.objects.bulk_create(
                Organization(full_name=f"{MARK} НКО №{n}", short_name=f"НКО №{n}")
                for n in range(300)
            )
        ]
    from django.utils import timezone

    today = timezone.localdate()
    season, _ = FairSeason.objects.get_or_create(
        slug="bench-fair",
        defaults={
            "title": f"{MARK} {today.year}",
            "submissions_open_on": today - dt.timedelta(days=30),
            "submissions_close_on": today + dt.timedelta(days=30),
            "starts_on": today - dt.timedelta(days=10),
            "ends_on": today + dt.timedelta(days=60),
        },
    )
    rng = random.Random(2026 + existing)
    started = time.perf_counter()
    for start in range(existing, size, BATCH):
        projects = Project.objects.bulk_create(
            Project(
                organization_id=rng.choice(organization_ids),
                title=f"{MARK}: {' '.join(rng.sample(WORDS, 3))} №{n}",
                summary=" ".join(rng.choices(WORDS, k=40)),
                status=rng.choice(["idea", "preparing", "seeking_partners", "running"]),
                search_text=f"{MARK.lower()} {n}",
            )
            for n in range(start, min(start + BATCH, size))
        )
        # Most projects are accepted; some wait for review or were rejected.
        FairEntry.objects.bulk_create(
            FairEntry(
                season=season,
                project=project,
                status=rng.choices(["accepted", "submitted", "rejected"], [80, 10, 10])[0],
            )
            for project in projects
        )
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE projects_project")
            cursor.execute("ANALYZE projects_fairentry")
    print(f"fair: generated up to {size:,} projects in {time.perf_counter() - started:.0f} s")


def main(argv: list[str]) -> None:  # pragma: no cover — python -m bench.data_pages
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    size = next((int(a.split("=", 1)[1]) for a in argv if a.startswith("--projects=")), 5000)
    generate_projects(size)


if __name__ == "__main__":  # pragma: no cover
    main(sys.argv[1:])
