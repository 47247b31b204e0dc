"""Helpers for tests that start the platform's own processes (schedulers, workers, web servers) against
the test database: its address as a DATABASE_URL, and a clean environment for the children."""

import os
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import quote

from django.db import connection

ROOT = Path(__file__).resolve().parents[3]
PYTHON = sys.executable


def database_url() -> str:
    """The test database as a DATABASE_URL another process can open (SQLite file or PostgreSQL)."""
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings['NAME']}"
    credentials = quote(settings["USER"] or "", safe="")
    if settings["PASSWORD"]:
        credentials += ":" + quote(settings["PASSWORD"], safe="")
    host = settings["HOST"] or "127.0.0.1"
    return f"postgres://{credentials}@{host}:{settings['PORT'] or 5432}/{settings['NAME']}"


def child_environment(**extra: str) -> dict[str, str]:
    """This process's environment without what would point a child elsewhere, plus `extra`."""
    dropped = {"DATABASE_URL", "REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE", "DATABASE_REPLICA_URL"}
    environment = {k: v for k, v in os.environ.items() if k not in dropped}
    environment["PYTHONUNBUFFERED"] = "1"
    environment.update(extra)
    return environment


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def manage(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """`manage.py ARGS` in a process of its own (10 minutes at most), `env` on a clean environment."""
    return subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=child_environment(**env),
        capture_output=True,
        text=True,
        timeout=600,
    )


def redis_or_skip(url: str) -> Any:
    """A client of the Redis at `url`, or the test is skipped when it does not answer."""
    import pytest
    import redis

    client = redis.Redis.from_url(url, socket_connect_timeout=0.5)
    try:
        client.ping()
    except redis.exceptions.RedisError:
        pytest.skip("Redis does not answer at " + url)
    return client
