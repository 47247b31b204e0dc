"""The sector dashboard and report at scale: 200,000 organisations (bench.data's data set) plus five
years of entered figures (5,000 subsidies a year, the Fund's results of two regions, media by month).
The dashboard at /analytics/ must answer in at most 300 ms with a warm cache and 2 s cold (p95); the
sector report for a year (HTML, PDF and XLSX) in at most 60 s.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/nkohub_bench python -m bench analytics [--reports=3]

The entered figures are the benchmark's own (source «bench-analytics»), made again only when their
count differs; the organisations are bench.data's.
"""

import datetime
import random
import time
from decimal import Decimal

from django.test import Client

from bench import data, harness

WARM_GOAL_MS = 300.0
COLD_GOAL_MS = 2000.0
REPORT_GOAL_MS = 60_000.0
YEARS = range(2017, 2022)
SUBSIDIES_A_YEAR = 5_000
SOURCE = "bench-analytics"


def _option(argv: list[str], name: str, default: int) -> int:
    for arg in argv:
        if arg.startswith(f"--{name}="):
            return int(arg.split("=", 1)[1])
    return default


def _ensure_figures() -> None:
    from django.db import transaction

    from nkohub.analytics.models import MediaFigure, Subsidy
    from nkohub.core.identifiers import make_inn_legal
    from nkohub.grants import services as grants_services
    from nkohub.grants.reference import federal_funder
    from nkohub.territories.models import Region

    wanted = SUBSIDIES_A_YEAR * len(YEARS)
    if Subsidy.objects.filter(source=SOURCE).count() != wanted:
        rng = random.Random(19)
        inns: list[str] = []
        seen: set[str] = set()
        while len(inns) < SUBSIDIES_A_YEAR:  # distinct recipients: (year, INN, direction) is unique
            inn = make_inn_legal(rng)
            if inn not in seen:
                seen.add(inn)
                inns.append(inn)
        directions = [f"Направление поддержки № {n}" for n in range(1, 13)]
        spheres = [f"Сфера № {n}" for n in range(1, 9)]
        with transaction.atomic():
            Subsidy.objects.filter(source=SOURCE).delete()
            Subsidy.objects.bulk_create(
                [
                    Subsidy(
                        recipient=f"Получатель № {n}",
                        inn=inns[n],
                        direction=directions[n % len(directions)],
                        sphere=spheres[n % len(spheres)],
                        amount=Decimal(rng.randint(50, 3000) * 1000),
                        year=year,
                        source=SOURCE,
                    )
                    for year in YEARS
                    for n in range(SUBSIDIES_A_YEAR)
                ],
                batch_size=5000,
            )
        harness.note(f"entered subsidies made: {Subsidy.objects.filter(source=SOURCE).count():,}")
    funder = federal_funder("pfg")
    for code, scale in (("40", 1), ("31", 3)):
        region = Region.objects.filter(code=code).first()
        if region is None:
            continue
        for year in YEARS:
            grants_services.fund_result_record(
                actor=None,
                region=region,
                funder=funder,
                year=year,
                applications=40 * scale + year % 7,
                winners=15 * scale,
                source=SOURCE,
            )
    for year in YEARS:
        for month in range(1, 13):
            MediaFigure.objects.update_or_create(
                year=year,
                month=month,
                defaults={"publications": 50 + month, "mentions": 120 + month, "source": SOURCE},
            )


def run(argv: list[str]) -> None:
    from nkohub.analytics.report import render_report
    from nkohub.core import fragments

    data.ensure(data.FULL)
    _ensure_figures()
    client = Client()

    def page() -> None:
        response = client.get("/analytics/")
        assert response.status_code == 200, response.status_code

    fragments.bump("analytics.dashboard")
    harness.note(f"SQL statements of a cold page: {harness.queries_of('/analytics/')}")
    cold, warm = harness.cold_and_warm(page)  # cold: every cache emptied before each sample
    harness.p95_figure("dashboard, cold cache", cold, goal=COLD_GOAL_MS)
    harness.p95_figure("dashboard, warm cache", warm, goal=WARM_GOAL_MS)

    reports = max(1, _option(argv, "reports", 3))
    times = []
    for _ in range(reports):
        started = time.perf_counter()
        files = render_report(datetime.date(2021, 1, 1), datetime.date(2021, 12, 31), "Выводы.")
        times.append((time.perf_counter() - started) * 1000)
    harness.note(
        f"report files: PDF {len(files.pdf) / 1024:.0f} KiB, XLSX {len(files.xlsx) / 1024:.0f} KiB;"
        f" first render {times[0]:.0f} ms (loads WeasyPrint)"
    )
    harness.figure(
        f"sector report for a year, slowest of {reports}", max(times), goal=REPORT_GOAL_MS
    )
