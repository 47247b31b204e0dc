"""/healthz/ reports the database, the cache and the task queue separately; HEAD works for monitors."""

from typing import Any

import pytest
from django.db import OperationalError
from django.test import Client
from django.urls import reverse

from nkohub.core import cache as resilient
from nkohub.core import health

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_outage_left_over() -> Any:
    resilient._down_until.clear()
    yield
    resilient._down_until.clear()


def test_an_uptime_monitors_head_request_is_answered(client: Client) -> None:
    assert client.head(reverse("core:healthz")).status_code == 200


def test_head_on_the_home_page_is_answered_not_405(client: Client) -> None:
    assert client.head("/").status_code == 200


def test_a_lost_database_makes_the_service_unavailable(client: Client, monkeypatch: Any) -> None:
    class BrokenConnection:
        def cursor(self) -> Any:
            raise OperationalError("could not connect to server")

    monkeypatch.setattr(health, "connection", BrokenConnection())
    response = client.get(reverse("core:healthz"))
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"
    assert response.json()["status"] == "unavailable"


def test_a_lost_task_queue_is_reported_on_its_own(client: Client, settings: Any) -> None:
    settings.RQ_QUEUES = {"default": {"URL": "redis://127.0.0.1:1/0"}}
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    response = client.get(reverse("core:healthz"))
    assert response.status_code == 200
    assert response.json() == {
        "status": "degraded",
        "database": "ok",
        "cache": "local",
        "queue": "unavailable",
    }


def test_the_health_answer_is_never_cached(client: Client) -> None:
    assert "no-cache" in client.get(reverse("core:healthz"))["Cache-Control"]
