"""Registry at scale: a 200,000-organisation generator, page query count,
and import speed and memory against a bare COPY of the same rows.

    DATABASE_URL=postgres://…/nkohub_bench python -m bench organizations [--size=200000] [--import-rows=100000]

The data set is bench.data's (`ensure()`); --size changes only the number of organisations. SQL per
directory page is measured by bench/bench_pages.py.
"""

import csv
import dataclasses
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from django.db import connection

from bench import data, data_registry
from nkohub.organizations.models import Organization
from nkohub.organizations.sample_data import inn_for, ogrn_for, sample_organization

BATCH = 5000
IMPORT_OFFSET = 2_000_000  # INN numbers of imported rows, apart from the generated registry


def _option(argv: list[str], name: str, default: int) -> int:
    for arg in argv:
        if arg.startswith(f"--{name}="):
            return int(arg.split("=", 1)[1])
    return default


def generate(size: int) -> None:
    """The registry at exactly `size` generated organisations (bench.data; every other table as is)."""
    if data_registry.ensure_organizations(size):
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE organizations_organization")
            cursor.execute("ANALYZE organizations_organization_spheres")


def write_import_file(path: Path, rows: int) -> None:
    rng = random.Random(rows)
    with path.open("w", encoding="cp1251", newline="", errors="replace") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["Учётный номер", "Полное наименование", "ИНН", "ОГРН", "Муниципалитет", "Адрес",
                         "Организационно-правовая форма", "Дата регистрации", "Статус"])  # fmt: skip
        for index in range(rows):
            s = sample_organization(rng, IMPORT_OFFSET + index)
            writer.writerow([
                f"bench-import-{index}", s.full_name, inn_for(IMPORT_OFFSET + index),
                ogrn_for(IMPORT_OFFSET + index, year=15), s.municipality, s.address, s.legal_form,
                s.registration_date.strftime("%d.%m.%Y"), "Зарегистрирована",
            ])  # fmt: skip


def _run_import(path: Path) -> tuple[float, float]:
    """Seconds and peak RSS (MB) of `manage.py import_organizations` in its own process."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "manage.py", "import_organizations", str(path), "--format=csv"],
        stdout=subprocess.DEVNULL,
        env=os.environ.copy(),
    )
    _pid, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    if status != 0:
        raise RuntimeError(f"import failed with status {status}")
    return elapsed, usage.ru_maxrss / 1024


def copy_baseline(path: Path) -> float:
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS bench_copy")
        cursor.execute(
            "CREATE TEMP TABLE bench_copy (source_id text, full_name text, inn text, ogrn text, municipality text,"
            " address text, legal_form text, registration_date text, status text)"
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


def import_speed(rows_list: list[int]) -> None:
    for rows in rows_list:
        Organization.objects.filter(source_id__startswith="bench-import-").delete()
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / f"import-{rows}.csv"
            write_import_file(path, rows)
            size_mb = path.stat().st_size / 1024 / 1024
            copy_seconds = copy_baseline(path)
            seconds, peak = _run_import(path)
            again, peak_again = _run_import(path)
        created = Organization.objects.filter(source_id__startswith="bench-import-").count()
        print(
            f"  {rows:,} rows ({size_mb:.1f} MB CSV, cp1251): import {rows / seconds:,.0f} rows/s ({seconds:.1f} s, "
            f"peak RSS {peak:.0f} MB, {created:,} created); re-import (all unchanged) {rows / again:,.0f} rows/s "
            f"(peak {peak_again:.0f} MB); bare COPY of the same rows {rows / copy_seconds:,.0f} rows/s "
            f"({copy_seconds:.2f} s) → import takes {seconds / copy_seconds:.1f}× the COPY time"
        )
    Organization.objects.filter(source_id__startswith="bench-import-").delete()


def run(argv: list[str]) -> None:
    if connection.vendor != "postgresql":
        print("Point DATABASE_URL at PostgreSQL: the figures the issue asks for are PostgreSQL's.")
    size = _option(argv, "size", data.FULL.organizations)
    import_rows = _option(argv, "import-rows", 100_000)
    data.ensure(dataclasses.replace(data.FULL, organizations=size))
    print("search and facets: python -m bench search; directory page: python -m bench pages")
    print("import (each row validated, matched by OGRN then INN, written in batches of 1,000):")
    import_speed([max(1, import_rows // 5), import_rows])


def main() -> Any:  # pragma: no cover — python bench/bench_organizations.py
    return run(sys.argv[1:])
