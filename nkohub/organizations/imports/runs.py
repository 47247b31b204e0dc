"""Use cases of importing: from the command line, and from the operator's page as a background task."""

import traceback
import uuid
from dataclasses import asdict
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from nkohub.accounts.models import User
from nkohub.core.audit import audit_log
from nkohub.core.errors import DomainError
from nkohub.core.storage import original_filename
from nkohub.notifications.background import enqueue_on_commit
from nkohub.organizations import permissions
from nkohub.organizations.documents import validate_import_file
from nkohub.organizations.imports.engine import Importer, ImportResult
from nkohub.organizations.imports.readers import HEAD_BYTES, ReaderError, detect_format, open_rows
from nkohub.organizations.imports.validation import Problem
from nkohub.organizations.models import ImportRun, Organization

SOURCE_BY_FORMAT = {
    "minjust-xml": Organization.Source.MINJUST,
    "minjust-csv": Organization.Source.MINJUST,
    "egrul-xml": Organization.Source.EGRUL,
    "csv": Organization.Source.SPREADSHEET,
    "xlsx": Organization.Source.SPREADSHEET,
}


def resolve_format(path: Path, fmt: str) -> str:
    if fmt != "auto":
        return fmt
    with path.open("rb") as handle:
        return detect_format(path.name, handle.read(HEAD_BYTES))


def import_file(
    *,
    path: Path,
    fmt: str = "auto",
    mapping: dict[str, str] | None = None,
    dry_run: bool = False,
    actor: User | None = None,
    on_problem: Any = None,
    on_exclusion: Any = None,
    on_batch: Any = None,
    run_id: str | None = None,
) -> ImportResult:
    """Import one file; ReaderError when the file cannot be read at all.

    An EGRUL extract keeps only the cluster's region (`CLUSTER_REGION`) and non-profit forms.
    `run_id` marks the engine's log records (an `ImportRun`'s id; a fresh one from the command)."""
    fmt = resolve_format(path, fmt)
    rows, bytes_read, close = open_rows(
        path, "csv" if fmt == "minjust-csv" else fmt, mapping, region_code=settings.CLUSTER_REGION
    )
    importer = Importer(
        source=SOURCE_BY_FORMAT[fmt],
        dry_run=dry_run,
        run_id=run_id or f"cli-{uuid.uuid4().hex[:8]}",
        file_format=fmt,
        size=path.stat().st_size,
    )
    importer.on_problem = on_problem
    importer.on_exclusion = on_exclusion
    try:
        result = importer.run(
            rows, on_batch=(lambda r: on_batch(r, bytes_read())) if on_batch else None
        )
    finally:
        close()
    if not dry_run:
        audit_log(
            actor=actor,
            action="organizations.import",
            changes={
                "file": path.name,
                "format": fmt,
                "rows": result.rows,
                "created": result.created,
                "updated": result.updated,
                "skipped": result.skipped,
                "excluded": result.excluded,
            },
        )
    return result


@transaction.atomic
def import_run_create(
    *, actor: User, upload: UploadedFile, fmt: str, mapping: dict[str, str], dry_run: bool
) -> ImportRun:
    if not permissions.can_import(actor):
        raise DomainError(gettext("Only an operator imports organisations."))
    try:
        validate_import_file(upload)
    except ValidationError as exc:
        raise DomainError(exc.messages[0], field="file") from exc
    run = ImportRun(
        original_name=original_filename(upload.name, fallback="import"),
        format=fmt,
        mapping=mapping,
        dry_run=dry_run,
        created_by=actor,
        bytes_total=upload.size or 0,
    )
    run.file.save(upload.name or "import.csv", upload, save=False)
    run.full_clean()
    run.save()
    audit_log(
        actor=actor, action="organizations.import.start", obj=run, changes={"dry_run": dry_run}
    )
    from nkohub.organizations.tasks import run_import

    enqueue_on_commit(run_import, run.pk)
    return run


def _store(run: ImportRun, result: ImportResult, bytes_done: int) -> None:
    run.rows_total = result.rows
    run.created_count, run.updated_count = result.created, result.updated
    run.unchanged_count, run.skipped_count = result.unchanged, result.skipped
    run.excluded_count, run.excluded_reasons = result.excluded, dict(result.excluded_reasons)
    run.bytes_done = bytes_done
    ImportRun.objects.filter(pk=run.pk).update(
        rows_total=run.rows_total,
        created_count=run.created_count,
        updated_count=run.updated_count,
        unchanged_count=run.unchanged_count,
        skipped_count=run.skipped_count,
        excluded_count=run.excluded_count,
        excluded_reasons=run.excluded_reasons,
        bytes_done=bytes_done,
    )


def import_run_execute(*, run_id: int) -> ImportRun:
    """The task's body: read the stored file, write in batches, report progress after each batch."""
    run = ImportRun.objects.select_related("created_by").get(pk=run_id)
    if run.status != ImportRun.Status.PENDING:
        return run
    run.status, run.started_at = ImportRun.Status.RUNNING, timezone.now()
    run.save(update_fields=["status", "started_at"])
    try:
        result = import_file(
            path=Path(run.file.path),
            fmt=run.format,
            mapping=run.mapping or None,
            dry_run=run.dry_run,
            actor=run.created_by,
            on_batch=lambda r, done: _store(run, r, done),
            run_id=f"run-{run.pk}",
        )
    except ReaderError as exc:
        run.status, run.error = ImportRun.Status.FAILED, str(exc)
    except Exception:  # the operator sees that it failed; the trace goes to the log and the run
        run.status, run.error = (
            ImportRun.Status.FAILED,
            "Внутренняя ошибка импорта.\n" + traceback.format_exc(limit=3),
        )
    else:
        _store(run, result, run.bytes_total)
        run.status = ImportRun.Status.DONE
        run.problems = [asdict(p) for p in result.problems]
        run.changes = [asdict(c) for c in result.changes]
    run.finished_at = timezone.now()
    run.save()
    return run


def problems_as_rows(run: ImportRun) -> list[Problem]:
    return [Problem(**p) for p in run.problems]
