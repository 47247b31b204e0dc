"""The import engine logs what it does, every record with the run's id; a refused batch falls back
to row by row and says why."""

import logging
import random
from pathlib import Path
from typing import Any

import pytest
from django.db import IntegrityError

from nkohub.core.identifiers import make_inn_legal, make_ogrn
from nkohub.organizations.imports.engine import bulk, writing
from nkohub.organizations.imports.runs import import_file
from nkohub.organizations.models import Organization

pytestmark = pytest.mark.django_db
rng = random.Random(23)


def spreadsheet(tmp_path: Path, rows: int) -> Path:
    lines = ["Полное наименование;ИНН;ОГРН"]
    lines += [f"Фонд № {i};{make_inn_legal(rng)};{make_ogrn(rng)}" for i in range(rows)]
    lines.append("Фонд без номеров;;")
    path = tmp_path / "reestr.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def engine_records(caplog: Any) -> list[dict[str, Any]]:
    """The engine's records as dicts: what `extra=` put on them is read by name, as a log shipper would."""
    return [vars(r) for r in caplog.records if r.name == "nkohub.organizations.imports"]


def test_every_record_of_a_run_carries_its_id(
    tmp_path: Path, reference_data: None, caplog: Any
) -> None:
    caplog.set_level(logging.INFO, logger="nkohub.organizations.imports")
    path = spreadsheet(tmp_path, 1200)
    import_file(path=path, run_id="run-7")
    records = engine_records(caplog)
    assert [r["event"] for r in records] == ["started", "batch", "batch", "finished"]
    assert {r["run"] for r in records} == {"run-7"}
    started, first, second, finished = records
    assert (started["source"], started["file_format"], started["size_bytes"]) == (
        Organization.Source.SPREADSHEET,
        "csv",
        path.stat().st_size,
    )
    assert (first["rows"], second["rows"]) == (1000, 201)
    assert (finished["created_rows"], finished["updated_rows"], finished["skipped_rows"]) == (
        1200,
        0,
        1,
    )
    assert finished["seconds"] >= first["seconds"]


def test_a_command_run_gets_an_id_of_its_own(
    tmp_path: Path, reference_data: None, caplog: Any
) -> None:
    caplog.set_level(logging.INFO, logger="nkohub.organizations.imports")
    import_file(path=spreadsheet(tmp_path, 3))
    runs = {r["run"] for r in engine_records(caplog)}
    assert len(runs) == 1
    assert runs.pop().startswith("cli-")


def test_a_refused_batch_is_written_row_by_row_and_the_log_says_why(
    tmp_path: Path, reference_data: None, caplog: Any, monkeypatch: Any
) -> None:
    def refuse(*args: Any, **kwargs: Any) -> None:
        raise IntegrityError("refused for the test")

    monkeypatch.setattr(writing, "write_orm", refuse)
    monkeypatch.setattr(bulk.BulkBatch, "write", refuse)
    caplog.set_level(logging.INFO, logger="nkohub.organizations.imports")
    result = import_file(path=spreadsheet(tmp_path, 5), run_id="run-9")
    assert (result.created, result.skipped) == (5, 1)
    assert Organization.objects.filter(full_name__startswith="Фонд №").count() == 5
    (fallback,) = [r for r in engine_records(caplog) if r["event"] == "fallback"]
    assert (fallback["run"], fallback["rows"], fallback["reason"]) == (
        "run-9",
        5,
        "refused for the test",
    )
    assert fallback["levelname"] == "WARNING"
