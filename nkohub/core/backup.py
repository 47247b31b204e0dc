"""A consistent backup of an installation, and its restore into an empty one (docs/deployment.md §11).

    manage.py backup /var/backups/nkohub/2026-12-04      # writes the directory below
    manage.py restore /var/backups/nkohub/2026-12-04     # into an empty database and empty upload dirs

The directory holds the database (`database.dump`, pg_dump's custom format, on PostgreSQL; `database.sqlite3`,
a copy made by SQLite's backup API, on SQLite), one tar archive per upload directory (`media.tar.gz`:
MEDIA_ROOT; `private.tar.gz`: PRIVATE_MEDIA_ROOT, personal data; `opendata.tar.gz`: OPEN_DATA_ROOT) and
`manifest.json`: the SHA-256 and size of each file, the engine, and the number of rows of each table *as
the dump holds them* (on PostgreSQL the rows are counted in the very snapshot pg_dump reads). `restore`
checks every checksum before it touches anything and the row counts after.

Consistency: the database is dumped first, from one snapshot; the upload directories are archived after,
so every file a row names is in the archive (a file uploaded during the backup may be there too; its row
is not — harmless).
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.utils import timezone

FORMAT_VERSION = 1
MANIFEST = "manifest.json"
PG_DUMP = "database.dump"
SQLITE_COPY = "database.sqlite3"


class BackupError(Exception):
    """The backup or the restore cannot go on; the message says why (in English, for the operator)."""


@dataclass(frozen=True)
class UploadDir:
    archive: str
    setting: str

    @property
    def path(self) -> Path:
        return Path(getattr(settings, self.setting))


UPLOAD_DIRS = (
    UploadDir("media.tar.gz", "MEDIA_ROOT"),
    UploadDir("private.tar.gz", "PRIVATE_MEDIA_ROOT"),
    UploadDir("opendata.tar.gz", "OPEN_DATA_ROOT"),
)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()


def _quote(connection: BaseDatabaseWrapper, table: str) -> str:
    return connection.ops.quote_name(table)


def _tables(connection: BaseDatabaseWrapper, cursor: Any) -> list[str]:
    return sorted(connection.introspection.table_names(cursor))


def row_counts(connection: BaseDatabaseWrapper, cursor: Any) -> dict[str, int]:
    counts = {}
    for table in _tables(connection, cursor):
        cursor.execute(f"SELECT COUNT(*) FROM {_quote(connection, table)}")  # noqa: S608
        counts[table] = int(cursor.fetchone()[0])
    return counts


def _pg_environment(database: dict[str, Any]) -> dict[str, str]:
    environment = dict(os.environ)
    for key, variable in (
        ("HOST", "PGHOST"),
        ("PORT", "PGPORT"),
        ("USER", "PGUSER"),
        ("PASSWORD", "PGPASSWORD"),
        ("NAME", "PGDATABASE"),
    ):
        if database.get(key):
            environment[variable] = str(database[key])
    return environment


def _run(command: list[str], environment: dict[str, str]) -> None:
    if shutil.which(command[0]) is None:
        raise BackupError(f"{command[0]} is not installed (apt-get install postgresql-client)")
    result = subprocess.run(  # noqa: S603 - pg_dump/pg_restore with arguments of our own
        command, env=environment, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")


def _dump_postgres(connection: BaseDatabaseWrapper, out: Path) -> dict[str, int]:
    """pg_dump of one exported snapshot, and the row counts of that same snapshot."""
    import psycopg

    database = connection.settings_dict
    with connection.cursor() as cursor:
        tables = _tables(connection, cursor)
    params = {
        "dbname": database["NAME"],
        "user": database["USER"],
        "password": database["PASSWORD"],
    }
    params |= {"host": database["HOST"], "port": database["PORT"]}
    # A connection of its own (not Django's): its transaction stays open while pg_dump reads the snapshot.
    with psycopg.connect(**{k: v for k, v in params.items() if v}) as reader:
        reader.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        snapshot = reader.execute("SELECT pg_export_snapshot()").fetchone()[0]  # type: ignore[index]
        counts = {}
        for table in tables:
            row = reader.execute(f"SELECT COUNT(*) FROM {_quote(connection, table)}").fetchone()  # noqa: S608
            counts[table] = int(row[0])  # type: ignore[index]
        _run(
            ["pg_dump", "--format=custom", f"--snapshot={snapshot}", f"--file={out}"],
            _pg_environment(database),
        )
        reader.rollback()
    return counts


def _copy_sqlite(connection: BaseDatabaseWrapper, out: Path) -> dict[str, int]:
    source = sqlite3.connect(str(connection.settings_dict["NAME"]))
    target = sqlite3.connect(str(out))
    try:
        source.backup(target)
    finally:
        source.close()
    try:
        tables = [
            row[0]
            for row in target.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {
            table: int(target.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0])  # noqa: S608
            for table in sorted(tables)
        }
    finally:
        target.close()


def _archive(directory: Path, out: Path) -> int:
    """Tar the directory's contents (relative names); the number of files archived."""
    count = 0
    with tarfile.open(out, "w:gz") as archive:
        if directory.is_dir():
            for path in sorted(directory.rglob("*")):
                if path.is_file() and not path.is_symlink():
                    archive.add(path, arcname=str(path.relative_to(directory)), recursive=False)
                    count += 1
    return count


def make_backup(out_dir: Path, *, using: str = "default") -> dict[str, Any]:
    """Write a backup into `out_dir` (created; must be empty) and return its manifest."""
    out_dir.mkdir(parents=True, exist_ok=True)
    if any(out_dir.iterdir()):
        raise BackupError(f"{out_dir} is not empty")
    connection = connections[using]
    files: dict[str, dict[str, Any]] = {}
    if connection.vendor == "postgresql":
        database_file = PG_DUMP
        counts = _dump_postgres(connection, out_dir / PG_DUMP)
    elif connection.vendor == "sqlite":
        database_file = SQLITE_COPY
        counts = _copy_sqlite(connection, out_dir / SQLITE_COPY)
    else:
        raise BackupError(f"no backup for the {connection.vendor} database engine")
    files[database_file] = {}
    for upload in UPLOAD_DIRS:
        files[upload.archive] = {"files": _archive(upload.path, out_dir / upload.archive)}
    for name, entry in files.items():
        entry["sha256"] = _sha256(out_dir / name)
        entry["bytes"] = (out_dir / name).stat().st_size
    manifest = {
        "format": FORMAT_VERSION,
        "created_at": timezone.now().isoformat(),
        "engine": connection.vendor,
        "database": database_file,
        "files": files,
        "rows": counts,
    }
    (out_dir / MANIFEST).write_text(
        json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return manifest


def read_manifest(in_dir: Path) -> dict[str, Any]:
    """The manifest, after checking that every file it lists is there with its checksum."""
    try:
        manifest = json.loads((in_dir / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BackupError(f"{in_dir} holds no {MANIFEST}: not a backup") from None
    if manifest.get("format") != FORMAT_VERSION:
        raise BackupError(f"unknown backup format {manifest.get('format')!r}")
    for name, entry in manifest["files"].items():
        path = in_dir / name
        if not path.is_file():
            raise BackupError(f"{name} is missing from the backup")
        if _sha256(path) != entry["sha256"]:
            raise BackupError(f"{name} does not match its checksum: the backup is damaged")
    return manifest


def _database_is_empty(connection: BaseDatabaseWrapper) -> bool:
    with connection.cursor() as cursor:
        return not _tables(connection, cursor)


@contextmanager
def _staging(target: Path) -> Iterator[Path]:
    """Extract next to the target, then move into place (a failed extraction leaves nothing half-done)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-restore-", dir=target.parent))
    try:
        yield staging
        target.mkdir(parents=True, exist_ok=True)
        for item in staging.iterdir():
            item.rename(target / item.name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def restore_backup(in_dir: Path, *, using: str = "default") -> dict[str, Any]:
    """Restore `in_dir` into an empty database and empty upload directories; the manifest restored."""
    manifest = read_manifest(in_dir)
    connection = connections[using]
    if manifest["engine"] != connection.vendor:
        raise BackupError(
            f"the backup is of a {manifest['engine']} database, this installation uses {connection.vendor}"
        )
    if not _database_is_empty(connection):
        raise BackupError(
            "the database is not empty: restore into a new, empty database (do not run migrate first)"
        )
    for upload in UPLOAD_DIRS:
        if upload.path.is_dir() and any(upload.path.iterdir()):
            raise BackupError(f"{upload.setting} ({upload.path}) is not empty")

    if connection.vendor == "postgresql":
        connection.close()
        _run(
            [
                "pg_restore",
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                "--single-transaction",
                f"--dbname={connection.settings_dict['NAME']}",
                str(in_dir / PG_DUMP),
            ],
            _pg_environment(connection.settings_dict),
        )
    else:
        connection.close()
        source = sqlite3.connect(str(in_dir / SQLITE_COPY))
        target = sqlite3.connect(str(connection.settings_dict["NAME"]))
        try:
            source.backup(target)
        finally:
            source.close()
            target.close()

    for upload in UPLOAD_DIRS:
        with _staging(upload.path) as staging, tarfile.open(in_dir / upload.archive) as archive:
            archive.extractall(staging, filter="data")

    with connection.cursor() as cursor:
        restored = row_counts(connection, cursor)
    if restored != manifest["rows"]:
        differing = sorted(
            table
            for table in set(restored) | set(manifest["rows"])
            if restored.get(table) != manifest["rows"].get(table)
        )
        raise BackupError(f"the restored tables do not hold the rows backed up: {differing}")
    return manifest
