"""Run the benchmarks: `make bench` or `python -m bench [name ...] [--list]`.

Each module bench/bench_<name>.py defines `run(argv: list[str]) -> None` and prints its figures through
bench.harness.figure() (each beside its goal, ✔/✘ and the machine's load). At the end the run prints
every figure again as one table and exits with status 1 when any goal was missed.

Benchmarks use the database DATABASE_URL points at — PostgreSQL, a database whose name says "bench"
(`make bench` uses BENCH_DATABASE_URL) — and call bench.data.ensure() for the one fixed-size data set.
"""

import importlib
import os
import pkgutil
import sys
import warnings
from pathlib import Path


def main(argv: list[str]) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import django

    django.setup()
    from bench import harness

    # whitenoise's, in-process: static files are collected only for gunicorn (bench.harness.gunicorn)
    warnings.filterwarnings("ignore", "No directory at")

    names = sorted(
        m.name[len("bench_") :]
        for m in pkgutil.iter_modules([str(Path(__file__).resolve().parent)])
        if m.name.startswith("bench_")
    )
    if "--list" in argv:
        print("\n".join(names))
        return 0
    wanted = [a for a in argv if not a.startswith("-")] or names
    if not names:
        print("no benchmarks yet")
        return 0
    unknown = [name for name in wanted if name not in names]
    if unknown:
        print(f"unknown benchmark {unknown[0]!r}; known: {', '.join(names)}")
        return 2
    print(f"machine: {harness.load_note()}")
    for name in wanted:
        print(f"\n== {name}  ({harness.load_note()})")
        importlib.import_module(f"bench.bench_{name}").run([a for a in argv if a.startswith("-")])
    return harness.summary()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
