"""Public pages at full size, each against its floor view (bench/floors.py), on the one data set.

    BENCH_REDIS_URL=redis://127.0.0.1:6379/15 \\
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/nkohub_bench python -m bench pages \\
        [--seconds=10] [--samples=100] [--no-gunicorn]

For the directory, the competitions, the fair, the resource catalogue and reception's public answers:

* the floor lists the rows the page shows on its first page, in the same order (else the ratio lies);
* SQL per page with cold caches at two sizes — the FULL data set here and the SMALL one in the database
  beside it (`<name>_small`, measured in a child process): ≤ 12 and equal at both sizes;
* the page's server time through the test client, p95 over ≥ 100 samples, cold (every cache cleared
  before each sample) and warm, separately;
* requests per second of the page as a share of its floor's, measured one after the other in the same
  run: in-process and through gunicorn (2 workers, DEBUG off, Redis cache: docs/deployment.md) with
  wrk, or a Python load generator without it — goal ≥ 50 %.
"""

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.test import Client

from bench import data, harness

SQL_GOAL = 12  # queries per page with cold caches (issue 14)
RATIO_GOAL = 50  # per cent of the floor's requests per second
COLD_GOAL_MS = 150.0  # the page's server time, p95, every cache empty
WARM_GOAL_MS = 50.0  # the same with the caches filled by earlier requests
MARK = "SQL-COUNTS "


@dataclass(frozen=True)
class Page:
    label: str
    path: str
    floor: str  # name in bench.floors.FLOORS
    link: (
        str  # the links of the page's rows, the row's pk in the group: the floor must list the same
    )


PAGES = [
    Page("directory", "/organizations/", "organizations", r'href="/organizations/(\d+)/"'),
    Page("competitions", "/grants/", "grants", r'href="/grants/competitions/(\d+)/"'),
    Page("fair", "/fair/", "fair", r'href="/fair/projects/(\d+)/"'),
    Page("resource catalogue", "/resources/", "resources", r'href="/resources/(?:offers/)?(\d+)/"'),
    Page("reception's answers", "/reception/", "reception", r'href="/reception/answers/(\d+)/"'),
]
# SQL is counted on these too: a search and a filtered list issue the queries a bare list does not.
SQL_ONLY = [
    ("directory search", "/organizations/?q=благотворительный+фонд"),
    ("directory, sphere, page 3", "/organizations/?sphere=veterans&page=3"),
    ("fair search", "/fair/?q=волонтёров"),
]


def _option(argv: list[str], name: str, default: int) -> int:
    for arg in argv:
        if arg.startswith(f"--{name}="):
            return int(arg.split("=", 1)[1])
    return default


def _floor_url(page: Page) -> str:
    return f"/bench-floor/{page.floor}/"


def same_rows() -> None:
    """Each floor lists the rows of its page's first page, in the same order: else the ratio lies."""
    client = Client()
    for page in PAGES:
        html = client.get(page.path).content.decode()
        shown = list(dict.fromkeys(int(pk) for pk in re.findall(page.link, html)))
        floor = json.loads(client.get(_floor_url(page)).content)["results"]
        listed = [row["pk"] for row in floor]
        differ = sum(a != b for a, b in zip(shown, listed, strict=False)) + abs(
            len(shown) - len(listed)
        )
        harness.note(
            f"{page.label}: the page shows {len(shown)} rows, its floor lists {len(listed)}"
        )
        harness.figure(
            f"{page.label}: rows of the floor unlike the page's", differ, goal=0, unit="rows"
        )


def sql_counts() -> dict[str, int]:
    """SQL queries of every measured path with every cache cleared first."""
    counts = {}
    client = Client()
    for label, path in [(p.label, p.path) for p in PAGES] + SQL_ONLY:
        harness.clear_caches()
        counts[label] = harness.queries_of(path, client=client)
    return counts


def small_sql_counts() -> dict[str, int]:
    """The same counts at the SMALL size, in a child process on the database beside this one."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        raise SystemExit("bench pages: DATABASE_URL must point at PostgreSQL")
    result = subprocess.run(
        [sys.executable, "-m", "bench", "pages", "--sql-counts", "--size=small"],
        cwd=harness.ROOT,
        env={**os.environ, "DATABASE_URL": data.small_database_url(url)},
        capture_output=True,
        text=True,
        check=False,
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith(MARK)]
    for line in result.stdout.splitlines():
        if line.startswith("  data"):
            print(line)
    if result.returncode not in (0, 1) or not lines:
        raise RuntimeError(f"the SMALL size's counts failed:\n{result.stdout}\n{result.stderr}")
    return dict(json.loads(lines[-1].removeprefix(MARK)))


def sql_figures(full: dict[str, int], small: dict[str, int]) -> None:
    for label, queries in full.items():
        harness.note(
            f"{label}: {queries} SQL at {data.FULL.name}, {small[label]} at {data.SMALL.name}"
        )
        harness.figure(f"{label}: SQL per page, cold caches", queries, goal=SQL_GOAL, unit="SQL")
        harness.figure(
            f"{label}: Δ SQL {data.SMALL.name} → {data.FULL.name} size",
            abs(queries - small[label]),
            goal=0,
            unit="SQL",
        )


def latency(samples: int) -> None:
    client = Client()

    for page in PAGES:

        def get(path: str = page.path) -> None:
            response = client.get(path)
            if response.status_code != 200:
                raise RuntimeError(f"{path} answered {response.status_code}")

        cold, warm = harness.cold_and_warm(get, samples=samples)
        harness.p95_figure(f"{page.label}: server time, cold caches", cold, goal=COLD_GOAL_MS)
        harness.p95_figure(f"{page.label}: server time, warm caches", warm, goal=WARM_GOAL_MS)


def throughput(seconds: int, *, base: str | None) -> None:
    for page in PAGES:
        harness.page_against_floor(
            page.label, page.path, _floor_url(page), base=base, seconds=seconds
        )


def through_gunicorn(seconds: int) -> None:
    redis = os.environ.get("BENCH_REDIS_URL") or os.environ.get("REDIS_URL", "")
    env = {"DB_CONN_MAX_AGE": "60", "CACHE_KEY_PREFIX": "bench-gunicorn"}
    if redis:
        env["REDIS_URL"] = redis
    else:
        harness.note("no BENCH_REDIS_URL: gunicorn runs with a per-process memory cache, not Redis")
    with harness.gunicorn(workers=2, env=env) as base:
        harness.note(
            f"gunicorn at {base}, 2 workers, DEBUG off, cache {'Redis' if redis else 'memory'}"
        )
        throughput(seconds, base=base)


def _check_floors() -> None:
    from bench.floors import FLOORS

    missing = [page.floor for page in PAGES if page.floor not in FLOORS]
    if missing:
        raise SystemExit(f"bench pages: no floor view for {', '.join(missing)} in bench/floors.py")


def run(argv: list[str]) -> None:
    size = data.SIZES[next((a.split("=", 1)[1] for a in argv if a.startswith("--size=")), "full")]
    if "--sql-counts" in argv:  # the child process of small_sql_counts()
        data.ensure(size)
        print(MARK + json.dumps(sql_counts()))
        return
    _check_floors()
    measured = data.ensure(size)
    print(f"measured at: {measured.describe()} ({connection.vendor})")
    samples = _option(argv, "samples", harness.MIN_SAMPLES)
    seconds = _option(argv, "seconds", 10)

    print("each floor view lists what its page shows:")
    same_rows()
    print("SQL per page, every cache cleared first, at two sizes:")
    sql_figures(sql_counts(), small_sql_counts())
    print(f"server time through the test client, {samples} samples cold and {samples} warm:")
    latency(samples)
    print("requests per second against the floor, in-process (test client, one thread):")
    throughput(seconds, base=None)
    if "--no-gunicorn" in argv:
        harness.note("--no-gunicorn: the figures through gunicorn were not taken")
        return
    print("requests per second against the floor, through gunicorn:")
    through_gunicorn(seconds)


def main() -> Any:  # pragma: no cover — python bench/bench_pages.py
    return run(sys.argv[1:])
