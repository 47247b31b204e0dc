"""Directory search and facet counts at scale, against the raw SQL of the same plan.

    make bench BENCH_ARGS=search       (or: DATABASE_URL=postgres://…/nkohub_bench python -m bench search
                                        [--rounds=8] [--facet-samples=100])

What the directory does for a query — count, the first page's ids, its rows and spheres — timed
through the selector over the typical queries (≥ 100 samples in all), cold (every cache the search
reads is missed: a fresh cache key prefix per sample, nothing flushed) and warm; beside it the very
SQL statements the selector issued for each query, replayed raw on the same connection (the same
plans, no ORM): the selector's p95 must stay within 2× of theirs. Then the facet counts computed
without their cache, and with it. Each figure is printed with its goal (✔/✘) and the machine's load.

The data set is bench.data's fixed one (`ensure()`: no import or earlier run changes its size).
"""

import itertools
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from typing import Any

from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings

from bench import data
from bench.harness import describe, figure, load_note, note, percentile, sample_ms
from nkohub.core.spelling import forget_vocabularies
from nkohub.organizations.models import Organization
from nkohub.organizations.selectors import DirectoryQuery, directory_facets, directory_results
from nkohub.organizations.selectors.facets import _computed_facets

SEARCH_P95_MS = 50.0  # issue 14: on a quiet machine, at 200,000 organisations
RAW_RATIO = 2.0  # the selector's p95 against the raw SQL of the same plan
FACETS_UNCACHED_P95_MS = 100.0
FACETS_CACHED_P95_MS = 5.0
PAGE_QUERIES = 12  # SQL statements of a directory search page with cold caches
FACET_QUERIES = (
    DirectoryQuery(),
    DirectoryQuery(q="благотворительный фонд"),
    DirectoryQuery(q="ветераны", verified=True),
)
_cold = itertools.count()
# the typical queries of issue 14: broad, narrow, mistyped, a name, identifiers
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


@contextmanager
def cold_caches() -> Iterator[None]:
    """Every cache lookup inside misses: a key prefix never used before (nothing is flushed, so a
    shared Redis keeps its task queues), and the process's vocabularies forgotten."""
    previous = cache.key_prefix
    cache.key_prefix = f"bench-cold-{next(_cold)}"
    forget_vocabularies()
    try:
        yield
    finally:
        cache.key_prefix = previous


def what_the_page_does(query: DirectoryQuery) -> Callable[[], Any]:
    def action() -> Any:
        results = directory_results(query)
        count = results.count()
        rows = results[0:20]  # with their spheres (`card_spheres`), as the cards show them
        return count, rows

    return action


def cold(action: Callable[[], Any]) -> Callable[[], Any]:
    def run() -> Any:
        with cold_caches():
            return action()

    return run


def captured_sql(action: Callable[[], Any]) -> list[str]:
    """The statements `action` sends, with their parameters bound by the driver."""
    with CaptureQueriesContext(connection) as captured:
        action()
    return [item["sql"] for item in captured.captured_queries]


def raw(statements: list[str]) -> Callable[[], None]:
    def run() -> None:
        with connection.cursor() as cursor:
            raw_cursor = cursor.cursor  # the driver's own cursor: no ORM, no Django wrapper
            for sql in statements:
                raw_cursor.execute(sql)
                if raw_cursor.description:
                    raw_cursor.fetchall()

    return run


def search_latency(rounds: int) -> None:
    selector_cold: list[float] = []
    selector_warm: list[float] = []
    raw_warm: list[float] = []
    for q in QUERIES:
        query = DirectoryQuery(q=q)
        action = what_the_page_does(query)
        count, _rows = action()  # warms the caches this query reads
        capped = directory_results(query)
        capped.count()
        statements = captured_sql(action)
        warm_times = sample_ms(action, samples=rounds)
        raw_times = sample_ms(raw(statements), samples=rounds, warmup=1)
        cold_times = sample_ms(cold(action), samples=rounds)
        selector_warm += warm_times
        raw_warm += raw_times
        selector_cold += cold_times
        shown = f"more than {count:,}" if capped.is_capped else f"{count:,}"
        note(
            f"{q!r:34} {shown:>16} found, {len(statements):2} SQL: warm p95"
            f" {percentile(warm_times, 0.95, minimum=1):6.1f} ms, raw p95"
            f" {percentile(raw_times, 0.95, minimum=1):6.1f} ms, cold p95"
            f" {percentile(cold_times, 0.95, minimum=1):6.1f} ms (a note: {rounds} samples each)"
        )
    note(f"selector, warm: {describe(selector_warm)}")
    note(f"raw SQL of the same plans: {describe(raw_warm)}")
    note(f"selector, cold caches: {describe(selector_cold)}")
    figure(
        "search p95, cold caches",
        percentile(selector_cold, 0.95),
        goal=SEARCH_P95_MS,
        samples=len(selector_cold),
    )
    figure(
        "search p95, warm",
        percentile(selector_warm, 0.95),
        goal=SEARCH_P95_MS,
        samples=len(selector_warm),
    )
    figure(
        "search p95 / raw SQL p95 of the same plans",
        percentile(selector_warm, 0.95) / percentile(raw_warm, 0.95),
        goal=RAW_RATIO,
        unit="×",
        samples=len(raw_warm),
    )


def facets_latency(samples: int) -> None:
    per_query = max(1, -(-samples // len(FACET_QUERIES)))
    uncached: list[float] = []
    cached: list[float] = []
    for query in FACET_QUERIES:
        uncached += sample_ms(partial(_computed_facets, query), samples=per_query, warmup=1)
        directory_facets(query)
        cached += sample_ms(partial(directory_facets, query), samples=per_query)
    note(f"facets without their cache: {describe(uncached)}")
    figure(
        "facet counts p95, uncached",
        percentile(uncached, 0.95),
        goal=FACETS_UNCACHED_P95_MS,
        samples=len(uncached),
    )
    figure(
        "facet counts p95, cached",
        percentile(cached, 0.95),
        goal=FACETS_CACHED_P95_MS,
        samples=len(cached),
    )


@override_settings(ALLOWED_HOSTS=["testserver"], DEBUG=False)
def page_queries() -> None:
    client = Client()
    client.get("/organizations/")  # the framework's own one-time caches
    worst = 0
    for params in ("?q=благотворительный+фонд", "?q=ветераны&sphere=veterans&page=3"):
        with cold_caches(), CaptureQueriesContext(connection) as captured:
            response = client.get("/organizations/" + params)
        if response.status_code != 200:
            raise RuntimeError(f"/organizations/{params} answered {response.status_code}")
        note(f"/organizations/{params}: {len(captured)} SQL statements with cold caches")
        worst = max(worst, len(captured))
    figure("directory search page SQL, cold caches", worst, goal=PAGE_QUERIES, unit="queries")


def run(argv: list[str]) -> None:
    if connection.vendor != "postgresql":
        print("Point DATABASE_URL at PostgreSQL: the figures the issue asks for are PostgreSQL's.")
    rounds = _option(argv, "rounds", 8)
    data.ensure(data.FULL)
    total = Organization.objects.count()
    print(f"registry: {total:,} organisations on {connection.vendor}; {load_note()}")
    started = time.perf_counter()
    search_latency(rounds)
    facets_latency(_option(argv, "facet-samples", 100))
    page_queries()
    note(f"search benchmark took {time.perf_counter() - started:.0f} s; {load_note()}")
