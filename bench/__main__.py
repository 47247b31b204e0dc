"""Run the benchmarks: `make bench` or `python -m bench [name ...] [--list]`.

Each module bench/bench_<name>.py defines `run(argv: list[str]) -> None` and prints its figures.
Benchmarks set up Django themselves and use the database DATABASE_URL points at (PostgreSQL for the
figures the issues ask for).
"""

import importlib
import os
import pkgutil
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import django

    django.setup()
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
    for name in wanted:
        if name not in names:
            print(f"unknown benchmark {name!r}; known: {', '.join(names)}")
            return 2
        print(f"== {name}")
        importlib.import_module(f"bench.bench_{name}").run([a for a in argv if a.startswith("-")])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
