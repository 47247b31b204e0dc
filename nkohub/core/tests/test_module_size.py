"""Rooms a person can read: no Python module of the project over 500 lines, migrations excepted.

A module that grows past the limit becomes a package split by the entity or the step it serves, its
public names still importable from the package (see docs/architecture.md)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
LIMIT = 500
FOLDERS = ("nkohub", "bench", "scripts", "config", "e2e")


def modules() -> list[Path]:
    found = []
    for folder in FOLDERS:
        for path in (ROOT / folder).rglob("*.py"):
            if "migrations" in path.parts or ".venv" in path.parts or "node_modules" in path.parts:
                continue
            found.append(path)
    return found


def line_count(path: Path) -> int:
    with path.open(encoding="utf-8") as handle:
        return sum(1 for _ in handle)


def test_the_check_sees_the_project():
    names = {path.relative_to(ROOT).as_posix() for path in modules()}
    assert "nkohub/core/permissions.py" in names
    assert "bench/harness.py" in names
    assert not any("/migrations/" in name for name in names)


def test_no_module_is_over_500_lines():
    offenders = sorted(
        f"{path.relative_to(ROOT).as_posix()} ({lines} lines)"
        for path in modules()
        if (lines := line_count(path)) > LIMIT
    )
    assert not offenders, "split these modules into packages: " + ", ".join(offenders)
