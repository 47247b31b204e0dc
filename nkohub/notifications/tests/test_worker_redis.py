"""End to end on the production stack: a notification made in a web request is e-mailed by a real RQ worker.

Runs only when REDIS_URL is set and the database is one a second process can reach (PostgreSQL);
CI's PostgreSQL + Redis leg runs it. It uses a queue of its own and removes every key it made.
"""

import email
import email.header
import os
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.db import connection
from django.test import Client
from django.urls import reverse

from nkohub.notifications.models import EmailDelivery, Notification

REDIS_URL = os.environ.get("REDIS_URL", "")
BASE_DIR = Path(django_settings.BASE_DIR)

pytestmark = [
    pytest.mark.skipif(not REDIS_URL, reason="REDIS_URL is not set: the worker test needs Redis"),
    pytest.mark.django_db(transaction=True),
]


def _database_url() -> str:
    db = connection.settings_dict
    if connection.vendor != "postgresql":
        pytest.skip("the worker process needs a database it can share with the tests (PostgreSQL)")
    credentials = quote(db["USER"] or "", safe="")
    if db["PASSWORD"]:
        credentials += ":" + quote(db["PASSWORD"], safe="")
    return f"postgres://{credentials}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def queue_name(settings: Any) -> Iterator[str]:
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
    settings.RQ_QUEUES = {q: {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 120} for q in ("default", name)}
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


def _run_worker(queue: str, data_dir: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
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


def _sent_messages(mail_dir: Path) -> list[email.message.Message]:
    messages = []
    for path in sorted(mail_dir.glob("*.log")) if mail_dir.exists() else []:
        for chunk in path.read_bytes().split(b"-" * 79):
            if chunk.strip():
                messages.append(email.message_from_bytes(chunk.strip() + b"\n"))
    return messages


def test_a_notification_from_a_web_request_is_emailed_by_the_worker(
    queue_name: str, owner: Any
) -> None:
    client = Client()
    client.force_login(owner)
    response = client.post(reverse("notifications:send_test"))
    assert response.status_code == 302

    # The inbox has it at once; the web process sent nothing itself.
    notification = Notification.objects.get(recipient=owner)
    assert "Пробное уведомление" in client.get(reverse("notifications:inbox")).text
    assert mail.outbox == []
    delivery = EmailDelivery.objects.get(notifications=notification)
    assert delivery.status == EmailDelivery.Status.PENDING

    with tempfile.TemporaryDirectory(prefix="nkohub-worker-") as data_dir:
        result = _run_worker(queue_name, data_dir)
        assert result.returncode == 0, result.stderr[-3000:]
        messages = _sent_messages(Path(data_dir) / "mail")

    delivery.refresh_from_db()
    assert delivery.status == EmailDelivery.Status.SENT, (
        delivery.last_error,
        result.stderr[-3000:],
    )
    assert delivery.attempts == 1
    assert len(messages) == 1
    subject = str(email.header.make_header(email.header.decode_header(messages[0]["Subject"])))
    assert subject == "Пробное уведомление"
    assert messages[0]["To"] == owner.email
    assert messages[0]["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
