"""A real RQ worker for tests on the production stack: a queue of the test's own, served by the RQ
backend and cleaned out of Redis afterwards; a burst worker in a second process writing its mail to
files; the messages read back."""

import email
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from django.conf import settings as django_settings
from django.db import connection

REDIS_URL = os.environ.get("REDIS_URL", "")
BASE_DIR = Path(django_settings.BASE_DIR)


def database_url() -> str:
    db = connection.settings_dict
    if connection.vendor != "postgresql":
        pytest.skip("the worker process needs a database it can share with the tests (PostgreSQL)")
    credentials = quote(db["USER"] or "", safe="")
    if db["PASSWORD"]:
        credentials += ":" + quote(db["PASSWORD"], safe="")
    return f"postgres://{credentials}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@contextmanager
def own_queue(settings: Any, redis_url: str = REDIS_URL) -> Iterator[str]:
    """A queue nobody else uses, served by the RQ backend, and cleaned out of Redis afterwards."""
    import django_rq
    from rq.registry import (
        CanceledJobRegistry,
        DeferredJobRegistry,
        FailedJobRegistry,
        FinishedJobRegistry,
        ScheduledJobRegistry,
        StartedJobRegistry,
    )

    name = f"nkohub-test-{uuid.uuid4().hex[:12]}"
    settings.RQ_QUEUES = {q: {"URL": redis_url, "DEFAULT_TIMEOUT": 120} for q in ("default", name)}
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default", name]}
    }
    settings.NOTIFICATIONS_EMAIL_QUEUE = name
    yield name
    queue = django_rq.get_queue(name)
    redis = queue.connection
    job_ids = set(queue.get_job_ids())
    for registry_class in (
        FinishedJobRegistry,
        FailedJobRegistry,
        StartedJobRegistry,
        DeferredJobRegistry,
        ScheduledJobRegistry,
        CanceledJobRegistry,
    ):
        job_ids |= set(registry_class(queue=queue).get_job_ids())
    for job_id in job_ids:
        redis.delete(f"rq:job:{job_id}", f"rq:results:{job_id}", f"rq:job:{job_id}:dependents")
    queue.delete(delete_jobs=True)
    leftovers = list(redis.scan_iter(match=f"*{name}*"))
    if leftovers:
        redis.delete(*leftovers)
    redis.srem("rq:queues", f"rq:queue:{name}")


def run_worker(queue: str, data_dir: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "REDIS_URL": REDIS_URL,
        "TASK_QUEUES": f"default,{queue}",
        "NOTIFICATIONS_EMAIL_QUEUE": queue,
        "EMAIL_DELIVERY": "file",
        "DATA_DIR": data_dir,
        "NKOHUB_ENV": "development",
    }
    return subprocess.run(
        [
            sys.executable,
            "manage.py",
            "rqworker",
            queue,
            "--name",
            queue,
            "--job-class",
            "django_tasks_rq.Job",
            "--burst",
        ],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def sent_messages(mail_dir: Path) -> list[email.message.Message]:
    messages = []
    for path in sorted(mail_dir.glob("*.log")) if mail_dir.exists() else []:
        for chunk in path.read_bytes().split(b"-" * 79):
            if chunk.strip():
                messages.append(email.message_from_bytes(chunk.strip() + b"\n"))
    return messages
