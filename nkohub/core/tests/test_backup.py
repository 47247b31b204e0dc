"""`manage.py backup` and `manage.py restore` (docs/deployment.md §11): data made in several apps and files in
every upload directory are backed up, restored by another process into a fresh database and fresh
directories, and every row and every file is found again, byte for byte. SQLite always; PostgreSQL when the
test database is one (CI's PostgreSQL leg)."""

import hashlib
import json
import os
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.management import CommandError, call_command
from django.db import connection

from nkohub.core.backup import MANIFEST
from nkohub.core.tests.processes import database_url, manage
from nkohub.events.tests.factories import RegistrationFactory
from nkohub.grants.tests.factories import ApplicationFactory
from nkohub.ideas.tests.factories import IdeaSupportFactory
from nkohub.news.tests.factories import NewsItemFactory
from nkohub.notifications.services import TEST_KIND, notify
from nkohub.organizations.tests.factories import MembershipFactory
from nkohub.resources.tests.factories import BookingFactory

pytestmark = pytest.mark.django_db(transaction=True)  # another process reads the committed rows


@pytest.fixture
def storage_dirs(settings: Any, tmp_path: Path) -> dict[str, Path]:
    """Upload directories of the test's own (the storages follow the settings when they change)."""
    dirs = {name: tmp_path / "source" / name for name in ("media", "private", "opendata")}
    settings.MEDIA_ROOT = dirs["media"]
    settings.PRIVATE_MEDIA_ROOT = dirs["private"]
    settings.OPEN_DATA_ROOT = dirs["opendata"]
    return dirs


def _make_data_in_every_app(owner: Any, dirs: dict[str, Path]) -> None:
    MembershipFactory()
    BookingFactory()
    RegistrationFactory()
    ApplicationFactory()
    IdeaSupportFactory()
    NewsItemFactory()
    notify(recipients=[owner], kind=TEST_KIND, title="Проверка резервной копии")
    storages["default"].save("logos/логотип.png", ContentFile(b"\x89PNG" + os.urandom(256)))
    storages["private"].save("claims/2026/устав.pdf", ContentFile(b"%PDF-1.7 " + os.urandom(512)))
    (dirs["opendata"] / "7100000000-organizations").mkdir(parents=True)
    (dirs["opendata"] / "7100000000-organizations" / "data-20261204.csv").write_text(
        "inn;name\r\n4000000000;АНО\r\n", encoding="utf-8"
    )


def _files(directory: Path) -> dict[str, str]:
    return {
        str(path.relative_to(directory)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(directory.rglob("*"))
        if path.is_file()
    }


FINGERPRINTS = """
import hashlib, json
from django.db import connection
with connection.cursor() as cursor:
    result = {}
    for table in sorted(connection.introspection.table_names(cursor)):
        cursor.execute("SELECT * FROM " + connection.ops.quote_name(table))
        rows = sorted(repr(tuple(row)) for row in cursor.fetchall())
        result[table] = [len(rows), hashlib.sha256("\\n".join(rows).encode()).hexdigest()]
print(json.dumps(result))
"""


def _fingerprints(**env: str) -> dict[str, list[Any]]:
    """Every table's row count and a digest of all its rows, read by a process of its own."""
    result = manage("shell", "-c", FINGERPRINTS, **env)
    assert result.returncode == 0, result.stderr
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


@pytest.fixture
def fresh_database(tmp_path: Path) -> Iterator[str]:
    """An empty database of the test database's engine, never migrated."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    name = f"nkohub_restore_{uuid.uuid4().hex[:10]}"
    admin = database_url().rsplit("/", 1)[0] + "/postgres"
    subprocess.run(["psql", admin, "-qc", f'CREATE DATABASE "{name}"'], check=True, timeout=60)
    try:
        yield database_url().rsplit("/", 1)[0] + "/" + name
    finally:
        subprocess.run(
            ["psql", admin, "-qc", f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'], timeout=60
        )


def test_a_backup_restored_into_an_empty_installation_holds_every_row_and_file(
    owner: Any, storage_dirs: dict[str, Path], fresh_database: str, tmp_path: Path
) -> None:
    _make_data_in_every_app(owner, storage_dirs)
    backup_dir = tmp_path / "backup"
    call_command("backup", str(backup_dir), stdout=open(os.devnull, "w"))  # noqa: SIM115

    manifest = json.loads((backup_dir / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["engine"] == connection.vendor
    assert manifest["files"]["media.tar.gz"]["files"] == 1
    assert manifest["files"]["private.tar.gz"]["files"] == 1
    for table in ("organizations_membership", "resources_booking", "events_registration"):
        assert manifest["rows"][table] >= 1, table
    for table in ("grants_application", "ideas_ideasupport", "news_newsitem"):
        assert manifest["rows"][table] >= 1, table
    assert manifest["rows"]["notifications_notification"] == 1

    source = _fingerprints(DATABASE_URL=database_url())
    restored_dirs = {name: tmp_path / "restored" / name for name in storage_dirs}
    target_env = {
        "DATABASE_URL": fresh_database,
        "MEDIA_ROOT": str(restored_dirs["media"]),
        "PRIVATE_MEDIA_ROOT": str(restored_dirs["private"]),
        "OPEN_DATA_ROOT": str(restored_dirs["opendata"]),
    }
    result = manage("restore", str(backup_dir), **target_env)
    assert result.returncode == 0, result.stderr
    assert "Restored" in result.stdout

    assert _fingerprints(DATABASE_URL=fresh_database) == source
    for name, directory in storage_dirs.items():
        assert _files(restored_dirs[name]) == _files(directory), name
    assert "claims/2026/устав.pdf" in _files(restored_dirs["private"])

    # The restored installation is a working one: its migrations are all applied.
    check = manage("migrate", "--check", **target_env)
    assert check.returncode == 0, check.stdout + check.stderr


def test_restore_refuses_a_database_that_is_not_empty(
    storage_dirs: dict[str, Path], tmp_path: Path
) -> None:
    call_command("backup", str(tmp_path / "backup"), stdout=open(os.devnull, "w"))  # noqa: SIM115
    with pytest.raises(CommandError, match="the database is not empty"):
        call_command("restore", str(tmp_path / "backup"))


def test_restore_refuses_a_damaged_backup_before_touching_anything(
    storage_dirs: dict[str, Path], tmp_path: Path
) -> None:
    storages["default"].save("logo.png", ContentFile(b"logo"))
    backup_dir = tmp_path / "backup"
    call_command("backup", str(backup_dir), stdout=open(os.devnull, "w"))  # noqa: SIM115
    archive = backup_dir / "media.tar.gz"
    data = bytearray(archive.read_bytes())
    data[len(data) // 2] ^= 0xFF
    archive.write_bytes(bytes(data))
    with pytest.raises(CommandError, match=r"media\.tar\.gz does not match its checksum"):
        call_command("restore", str(backup_dir))


def test_backup_refuses_a_directory_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "old.txt").write_text("x", encoding="utf-8")
    with pytest.raises(CommandError, match="is not empty"):
        call_command("backup", str(tmp_path))
