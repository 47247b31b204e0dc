"""Several processes of each kind at once against one PostgreSQL and one Redis (docs/deployment.md §6–§9):
two gunicorn web processes, two RQ workers and two schedulers. Every periodic job runs exactly once,
a person signs in on one web process and is known on the other, a notification's e-mail made there is
sent by one of the workers, and /healthz/ on both sees the queue and the scheduler. Skipped without
PostgreSQL and Redis; bounded in time (each wait has a deadline, every process is stopped at the end)."""

import functools
import os
import re
import signal
import subprocess
import time
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import requests
from django.db import connection
from django.utils import timezone

from nkohub.core.tests.processes import (
    PYTHON,
    ROOT,
    child_environment,
    database_url,
    free_port,
    redis_or_skip,
)
from nkohub.notifications.models import EmailDelivery, ScheduledJob
from nkohub.notifications.scheduling import periodic_jobs
from nkohub.organizations.tests.factories import OrganizationFactory

REDIS_URL = os.environ.get("OPS_TEST_REDIS_URL", "redis://127.0.0.1:6379/4")
DEADLINE_SECONDS = 240
PASSWORD = "correct-horse-battery-staple-42"

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def _wait(what: str, check: Callable[[], Any], deadline: float) -> Any:
    while True:
        try:
            value = check()
        except (requests.RequestException, AssertionError):
            value = None
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting: {what}")
        time.sleep(0.5)


@pytest.fixture
def cluster(tmp_path: Path, transactional_db: None) -> Iterator[dict[str, Any]]:
    if connection.vendor != "postgresql":
        pytest.skip("several processes need a database they can share: PostgreSQL")
    redis = redis_or_skip(REDIS_URL)
    # Every job is due before the schedulers start: each must then run exactly once.
    names = sorted(job.name for job in periodic_jobs())
    past = timezone.now() - timedelta(minutes=1)
    ScheduledJob.objects.bulk_create(ScheduledJob(name=name, next_run_at=past) for name in names)
    redis.flushdb()  # Redis DB of these tests only: no queue of another test survives
    environment = child_environment(
        DATABASE_URL=database_url(),
        REDIS_URL=REDIS_URL,
        DATA_DIR=str(tmp_path),
        EMAIL_DELIVERY="file",
        LOG_LEVEL="WARNING",
        DEBUG="0",
        GUNICORN_WORKERS="1",
        GUNICORN_THREADS="2",
    )
    ports = [free_port(), free_port()]
    commands = [
        *(
            [
                str(Path(PYTHON).with_name("gunicorn")),
                "--config",
                "deploy/gunicorn.conf.py",
                "--bind",
                f"127.0.0.1:{port}",
                "config.wsgi:application",
            ]
            for port in ports
        ),
        *(
            [
                *(PYTHON, "manage.py", "rqworker", "default", "--job-class", "django_tasks_rq.Job"),
                *("--with-scheduler", "--name", f"test-worker-{n}-{os.getpid()}"),
            ]
            for n in (1, 2)
        ),
        *([PYTHON, "manage.py", "run_scheduler", "--interval", "2"] for _ in (1, 2)),
    ]
    logs = [tmp_path / f"process-{n}.log" for n in range(len(commands))]
    processes = [
        subprocess.Popen(
            command,
            cwd=ROOT,
            env=environment,
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        for command, log in zip(commands, logs, strict=True)
    ]
    try:
        yield {
            "jobs": names,
            "urls": [f"http://127.0.0.1:{port}" for port in ports],
            "processes": processes,
            "logs": logs,
            "mail": tmp_path / "mail",
        }
    finally:
        for process in processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)
        redis.flushdb()
        redis.close()


def _sign_in(session: requests.Session, base: str, email: str, password: str) -> None:
    login = session.get(f"{base}/accounts/login/", timeout=30)
    assert login.status_code == 200
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login.text)
    assert token is not None
    answer = session.post(
        f"{base}/accounts/login/",
        data={"login": email, "password": password, "csrfmiddlewaretoken": token.group(1)},
        headers={"Referer": f"{base}/accounts/login/"},
        timeout=30,
        allow_redirects=False,
    )
    assert answer.status_code == 302, answer.text[:500]


def test_two_web_processes_two_workers_and_two_schedulers_work_together(
    cluster: dict[str, Any], member: Any, settings: Any
) -> None:
    deadline = time.monotonic() + DEADLINE_SECONDS
    # The web processes check passwords with the real hasher, not the tests' fast one.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    member.set_password(PASSWORD)
    member.save(update_fields=["password"])
    names = cluster["jobs"]
    organization: Any = OrganizationFactory(
        short_name="АНО «Два процесса»", full_name="АНО «Два процесса»"
    )
    first, second = cluster["urls"]

    def healthy(base: str) -> dict[str, Any] | None:
        body: dict[str, Any] = requests.get(f"{base}/healthz/", timeout=10).json()
        scheduler = body["scheduler"] or {}
        return body if scheduler.get("state") == "ok" else None

    for base in (first, second):
        health = _wait(
            f"{base}/healthz/ with the scheduler's heartbeat",
            functools.partial(healthy, base),
            deadline,
        )
        assert health["database"] == "ok"
        assert health["queue"] == "ok"
        assert health["cache"] == "ok"

    # Every job was made due once: between them the schedulers enqueue each one once, workers run it.
    def all_jobs_ran() -> bool:
        states = ScheduledJob.objects.filter(name__in=names)
        return all(s.last_outcome in {"ok", "failed"} for s in states)

    _wait("every periodic job run by a worker", all_jobs_ran, deadline)
    scheduler_logs = "".join(log.read_text() for log in cluster["logs"][4:])
    enqueued = sorted(re.findall(r"^Enqueued (\S+)$", scheduler_logs, re.MULTILINE))
    assert enqueued == names, scheduler_logs

    # A person signs in on one web process; the other knows the session (it is in the database).
    session = requests.Session()
    _sign_in(session, first, member.email, PASSWORD)
    settings_page = session.get(f"{second}/notifications/settings/", timeout=30)
    assert settings_page.status_code == 200
    assert "/accounts/login/" not in settings_page.url
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', settings_page.text)
    assert token is not None
    sent = session.post(
        f"{second}/notifications/settings/test/",
        data={"csrfmiddlewaretoken": token.group(1)},
        headers={"Referer": f"{second}/notifications/settings/"},
        timeout=30,
    )
    assert sent.status_code == 200
    request_id = sent.history[0].headers["X-Request-ID"] if sent.history else ""

    delivery = _wait(
        "the test notification's e-mail sent by a worker",
        lambda: EmailDelivery.objects.filter(
            recipient=member, status=EmailDelivery.Status.SENT
        ).first(),
        deadline,
    )
    assert delivery.attempts == 1  # sent once, by one worker
    assert any(cluster["mail"].glob("*.log"))

    # The registry's search answers on both processes (and the row made here is found).
    for base in (first, second):
        page = requests.get(f"{base}/organizations/", params={"q": "Два процесса"}, timeout=30)
        assert page.status_code == 200
        assert str(organization.short_name) in page.text
    assert request_id
    for process in cluster["processes"]:
        assert process.poll() is None, "a process died during the journeys"
