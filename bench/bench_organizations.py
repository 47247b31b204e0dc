"""Registry at scale: a 200,000-organisation generator, directory search latency, page query count.
The import's figures are bench/bench_import.py's.

    DATABASE_URL=postgres://…/nkohub_organizations python -m bench organizations [--size=200000]

The generator is idempotent: it tops the registry up to --size organisations marked `bench-N`.
"""

import random
import statistics
import sys
import time
from typing import Any

from django.db import connection, reset_queries
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings

from nkohub.organizations.models import LegalForm, Organization, Sphere
from nkohub.organizations.sample_data import sample_organization
from nkohub.organizations.search import search_text_for
from nkohub.organizations.selectors import DirectoryQuery, directory_facets, directory_results
from nkohub.territories.models import Municipality

BATCH = 5000
IMPORT_OFFSET = 2_000_000  # INN numbers of imported rows, apart from the generated registry
QUERIES = [
    "образовательные проекты",
    "благотворительный фонд",
    "благотворительый фонд",
    "помощь пожилым людям",
    "ветераны",
    "приют для бездомных собак",
    "Ладушки",
    "молодёжные инициативы Обнинск",
    "инвалидность реабилитация",
    "казачье общество",
    "экологические субботники",
    "спортивный клуб",
    "милосердее",
    "4050000",
    "405000012",
]


def _option(argv: list[str], name: str, default: int) -> int:
    for arg in argv:
        if arg.startswith(f"--{name}="):
            return int(arg.split("=", 1)[1])
    return default


def generate(size: int) -> None:
    existing = Organization.objects.filter(source_id__startswith="bench-").count()
    if existing >= size:
        print(f"registry: {existing:,} generated organisations already present")
        return
    rng = random.Random(2026 + existing)
    municipalities = {
        m.name.removesuffix(" район"): m.pk for m in Municipality.objects.filter(region__code="40")
    }
    forms = dict(LegalForm.objects.values_list("name", "pk"))
    spheres = dict(Sphere.objects.values_list("code", "pk"))
    through = Organization.spheres.through
    started = time.perf_counter()
    for start in range(existing, size, BATCH):
        batch, sphere_codes = [], []
        for index in range(start, min(start + BATCH, size)):
            s = sample_organization(rng, index + 1)
            batch.append(
                Organization(
                    full_name=s.full_name,
                    short_name=s.short_name,
                    legal_form_id=forms.get(s.legal_form),
                    inn=s.inn,
                    ogrn=s.ogrn,
                    municipality_id=municipalities.get(s.municipality),
                    address=s.address,
                    description=s.description,
                    registration_date=s.registration_date,
                    website=s.website,
                    public_email=s.public_email,
                    public_phone=s.public_phone,
                    is_verified=s.is_verified,
                    source=Organization.Source.DEMO,
                    source_id=f"bench-{index}",
                    is_demo=True,
                    search_text=search_text_for(
                        s.full_name, s.short_name, s.description, s.inn, s.ogrn
                    ),
                )
            )
            sphere_codes.append(s.spheres)
        Organization.objects.bulk_create(batch)
        through.objects.bulk_create(
            [
                through(organization_id=o.pk, sphere_id=spheres[c])
                for o, codes in zip(batch, sphere_codes, strict=True)
                for c in codes
            ]
        )
        done = min(start + BATCH, size)
        if done % 50_000 == 0 or done == size:
            print(f"  generated {done:,} in {time.perf_counter() - started:.0f} s")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE organizations_organization")
        cursor.execute("ANALYZE organizations_organization_spheres")


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def search_latency(rounds: int) -> None:
    """Server-side time of what the directory does for a query: count, first page, spheres of the page."""
    per_query: dict[str, list[float]] = {}
    all_times: list[float] = []
    for q in QUERIES:
        query = DirectoryQuery(q=q)
        times = []
        for attempt in range(rounds + 1):
            started = time.perf_counter()
            results = directory_results(
                query
            )  # what the page does: count, ids of the page, rows, spheres
            count = results.count()
            rows = results[0:20]
            for row in rows:
                list(row.spheres.all())
            elapsed = (time.perf_counter() - started) * 1000
            if attempt:  # the first run warms the caches
                times.append(elapsed)
        per_query[q] = times
        all_times.extend(times)
        print(
            f"  {q!r:42} {count:>7,} found  p50 {statistics.median(times):6.1f} ms  p95 {_percentile(times, 0.95):6.1f} ms"
        )
    print(
        f"search over all typical queries: p50 {statistics.median(all_times):.1f} ms, p95 {_percentile(all_times, 0.95):.1f} ms"
    )


def facets_latency(rounds: int) -> None:
    times = []
    for q in ("", "благотворительный фонд", "ветераны"):
        for _ in range(rounds):
            started = time.perf_counter()
            directory_facets(DirectoryQuery(q=q, verified=bool(q)))
            times.append((time.perf_counter() - started) * 1000)
    print(
        f"facet counts (5 GROUP BY, uncached): p50 {statistics.median(times):.1f} ms, p95 {_percentile(times, 0.95):.1f} ms"
    )


@override_settings(ALLOWED_HOSTS=["testserver"], DEBUG=False)
def page_queries() -> None:
    client = Client()
    for params in (
        {},
        {"q": "благотворительный фонд"},
        {"q": "ветераны", "sphere": "veterans", "page": "3"},
    ):
        reset_queries()
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get("/organizations/", params)
            elapsed = (time.perf_counter() - started) * 1000
        print(
            f"  page {params!r:60} status {response.status_code}, {len(captured)} SQL queries, {elapsed:.0f} ms"
        )


def run(argv: list[str]) -> None:
    if connection.vendor != "postgresql":
        print("Point DATABASE_URL at PostgreSQL: the figures the issue asks for are PostgreSQL's.")
    size = _option(argv, "size", 200_000)
    print(f"database: {connection.vendor}; registry size {size:,}")
    generate(size)
    total = Organization.objects.count()
    print(f"organisations in the registry: {total:,}")
    search_latency(rounds=_option(argv, "rounds", 10))
    facets_latency(rounds=5)
    print("directory page (server side, through the test client):")
    page_queries()


def main() -> Any:  # pragma: no cover — python bench/bench_organizations.py
    return run(sys.argv[1:])
