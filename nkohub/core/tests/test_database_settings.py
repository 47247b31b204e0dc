"""The database settings of docs/deployment.md §4: psycopg's pool (DATABASE_POOL=1), PgBouncer's
transaction mode (DATABASE_PGBOUNCER=1) and the read replica (DATABASE_REPLICA_URL), read in a fresh
process the way a web process reads them."""

import json
import os
import subprocess

import pytest

from nkohub.core.tests.processes import manage

PG_URL = os.environ.get("OPS_TEST_PG_URL", "postgres://postgres@127.0.0.1:5432/postgres")
SHOW = (
    "import json; from django.conf import settings; from django.db import connections;"
    "c = connections['default']; c.ensure_connection();"
    "cur = c.cursor(); cur.execute('SELECT 1'); cur.fetchone();"
    "print(json.dumps({'pool': type(getattr(c, 'pool', None)).__name__,"
    " 'options': settings.DATABASES['default'].get('OPTIONS', {}),"
    " 'age': settings.DATABASES['default']['CONN_MAX_AGE'],"
    " 'cursors': settings.DATABASES['default'].get('DISABLE_SERVER_SIDE_CURSORS', False),"
    " 'aliases': sorted(settings.DATABASES),"
    " 'mirror': settings.DATABASES.get('replica', {}).get('TEST', {}).get('MIRROR'),"
    " 'routers': settings.DATABASE_ROUTERS}))"
)


def _settings(**env: str) -> dict:
    result = manage("shell", "-c", SHOW, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def postgres() -> str:
    probe = subprocess.run(
        ["psql", PG_URL, "-Atc", "SELECT 1"], capture_output=True, text=True, timeout=20
    )
    if probe.returncode != 0:
        pytest.skip("PostgreSQL does not answer at " + PG_URL)
    return PG_URL


def test_without_the_new_variables_nothing_changes(tmp_path: object) -> None:
    shown = _settings(DATA_DIR=str(tmp_path))
    assert shown["aliases"] == ["default"]
    assert shown["routers"] == []
    assert shown["pool"] == "NoneType"


def test_database_pool_gives_each_process_a_psycopg_pool(postgres: str) -> None:
    shown = _settings(DATABASE_URL=postgres, DATABASE_POOL="1", DATABASE_POOL_MAX_SIZE="4")
    assert shown["pool"] == "ConnectionPool"
    assert shown["options"]["pool"] == {"min_size": 2, "max_size": 4, "timeout": 10.0}
    assert shown["age"] == 0  # Django refuses persistent connections with a pool


def test_pgbouncer_mode_turns_off_server_side_cursors(postgres: str) -> None:
    shown = _settings(DATABASE_URL=postgres, DATABASE_PGBOUNCER="1")
    assert shown["cursors"] is True
    assert shown["pool"] == "NoneType"


def test_a_replica_url_adds_the_alias_and_the_router(postgres: str) -> None:
    shown = _settings(DATABASE_URL=postgres, DATABASE_REPLICA_URL=postgres, DATABASE_POOL="1")
    assert shown["aliases"] == ["default", "replica"]
    assert shown["mirror"] == "default"
    assert shown["routers"] == ["nkohub.core.db_router.ReplicaRouter"]
