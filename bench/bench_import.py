"""Registry import: rows per second and the import's own peak memory, against a bare COPY.

    DATABASE_URL=postgres://…/nkohub_import_bench python -m bench import [--import-rows=20000,500000]

Each size is imported by a child `manage.py import_organizations` (so its memory is its own: the
peak RSS the kernel reports for the child, read by this small parent through wait4), then imported
again (every row unchanged). The rows/s are the engine's own seconds (its «finished» log record:
from the first row read to the last batch committed), the child's wall time including Django's
start-up is shown beside them. The imported rows (INNs far from any generated registry's) are
deleted before and after each size, so the registry is the same size at every run and no import
can grow it: the size is printed, and checked, before each import and at the end.
"""

import csv
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from django.db import connection

from bench import data
from bench.harness import ROOT, figure, load_note, note
from nkohub.organizations.models import Organization
from nkohub.organizations.sample_data import inn_for, ogrn_for, sample_organization

IMPORT_OFFSET = 2_000_000  # INN numbers of imported rows, apart from any generated registry
TAG = "bench-import-"  # the accounting number of every imported row
GOAL_ROWS_PER_SECOND = 5000
GOAL_PEAK_MB = 300
FINISHED = re.compile(
    r"finished in ([\d.]+) s: (\d+) rows, created (\d+), updated (\d+), unchanged (\d+)"
)


def _sizes(argv: list[str]) -> list[int]:
    for arg in argv:
        if arg.startswith("--import-rows="):
            return [int(n) for n in arg.split("=", 1)[1].split(",") if n]
    return [20_000, 500_000]


def write_import_file(path: Path, rows: int) -> None:
    """A resource centre's spreadsheet as Excel saves it (cp1251, «;»), every row valid and new."""
    rng = random.Random(rows)
    with path.open("w", encoding="cp1251", newline="", errors="replace") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["Учётный номер", "Полное наименование", "ИНН", "ОГРН", "Муниципалитет", "Адрес",
                         "Организационно-правовая форма", "Дата регистрации", "Статус"])  # fmt: skip
        for index in range(rows):
            s = sample_organization(rng, IMPORT_OFFSET + index)
            writer.writerow([
                f"{TAG}{index}", s.full_name, inn_for(IMPORT_OFFSET + index),
                ogrn_for(IMPORT_OFFSET + index, year=15), s.municipality, s.address, s.legal_form,
                s.registration_date.strftime("%d.%m.%Y"), "Зарегистрирована",
            ])  # fmt: skip


def run_import(path: Path) -> tuple[float, float, float, str]:
    """The engine's seconds, the child's wall seconds, its peak RSS (MB), its summary line."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "manage.py", "import_organizations", str(path), "--format=csv"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "LOG_LEVEL": "INFO"},
    )
    assert process.stderr is not None
    log = process.stderr.read()
    _pid, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    if status != 0:
        raise RuntimeError(f"import failed with status {status}:\n{log[-2000:]}")
    found = FINISHED.search(log)
    if found is None:
        raise RuntimeError(f"the import logged no «finished» record:\n{log[-2000:]}")
    return float(found.group(1)), wall, usage.ru_maxrss / 1024, found.group(0)


def copy_baseline(path: Path) -> float:
    """Seconds of a bare COPY of the same file into a table of text columns."""
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS bench_copy")
        cursor.execute(
            "CREATE TEMP TABLE bench_copy (source_id text, full_name text, inn text, ogrn text,"
            " municipality text, address text, legal_form text, registration_date text, status text)"
        )
        started = time.perf_counter()
        with (
            path.open("rb") as handle,
            cursor.copy(
                "COPY bench_copy FROM STDIN WITH (FORMAT csv, HEADER true, DELIMITER ';', ENCODING 'WIN1251')"
            ) as copy,
        ):
            while chunk := handle.read(1 << 16):
                copy.write(chunk)
        elapsed = time.perf_counter() - started
        cursor.execute("DROP TABLE bench_copy")
    return elapsed


def remove_imported() -> None:
    imported = Organization.objects.filter(source_id__startswith=TAG)
    Organization.spheres.through.objects.filter(organization__in=imported).delete()
    imported.delete()


def import_speed(rows: int, registry: int) -> None:
    remove_imported()
    size = Organization.objects.count()
    if size != registry:
        raise RuntimeError(f"the registry holds {size:,} organisations, not {registry:,}")
    try:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / f"import-{rows}.csv"
            write_import_file(path, rows)
            size_mb = path.stat().st_size / 1024 / 1024
            copy_seconds = copy_baseline(path)
            note(
                f"{rows:,} rows ({size_mb:.1f} MB CSV, cp1251) into a registry of {registry:,}; {load_note()}"
            )
            seconds, wall, peak, line = run_import(path)
            note(f"import: {line} (child's wall time with start-up {wall:.1f} s)")
            figure(f"import of {rows:,} new rows", rows / seconds, goal=GOAL_ROWS_PER_SECOND,
                   unit="rows/s", higher_is_better=True)  # fmt: skip
            figure(
                f"import of {rows:,} rows: the import's own peak RSS",
                peak,
                goal=GOAL_PEAK_MB,
                unit="MB",
            )
            note(f"bare COPY of the same rows: {rows / copy_seconds:,.0f} rows/s ({copy_seconds:.2f} s)"
                 f" → the import takes {seconds / copy_seconds:.1f}× the COPY time")  # fmt: skip
            again, wall_again, peak_again, line_again = run_import(path)
            note(f"re-import: {line_again} (wall {wall_again:.1f} s)")
            figure(f"re-import of {rows:,} rows (all unchanged)", rows / again,
                   goal=GOAL_ROWS_PER_SECOND, unit="rows/s", higher_is_better=True)  # fmt: skip
            figure(
                f"re-import of {rows:,} rows: peak RSS", peak_again, goal=GOAL_PEAK_MB, unit="MB"
            )
    finally:
        remove_imported()


def run(argv: list[str]) -> None:
    if connection.vendor != "postgresql":
        print("Point DATABASE_URL at PostgreSQL: the figures the issue asks for are PostgreSQL's.")
    Organization.objects.filter(source_id__startswith=TAG).delete()  # an interrupted run's rows
    data.ensure(data.FULL)  # the registry the import meets: the fixed 200,000 of every bench
    registry = Organization.objects.count()
    print(
        f"import (validated in Python, COPY into a staging table, matched and written in bulk SQL, batches of 1,000); registry {registry:,}"
    )
    for rows in _sizes(argv):
        import_speed(rows, registry)
    after = Organization.objects.count()
    note(f"registry after the imports: {after:,} organisations (before: {registry:,})")
    if after != registry:
        raise RuntimeError("an import changed the size of the registry")
