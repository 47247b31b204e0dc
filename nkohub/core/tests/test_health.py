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
    response = client.head(reverse("core:healthz"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.content == b""


def test_head_on_the_home_page_is_answered_not_405(client: Client) -> None:
    response = client.head("/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert response.content == b""


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
    assert response.json()["queue"] == "unavailable"
    assert response.json()["status"] == "degraded"
    assert response.json()["database"] == "ok"


def test_the_health_answer_is_never_cached(client: Client) -> None:
    assert "no-cache" in client.get(reverse("core:healthz"))["Cache-Control"]


def _pages_without_arguments() -> list[str]:
    from django.urls import URLPattern, URLResolver, get_resolver

    found: list[str] = []

    def walk(patterns: list[Any], prefix: str) -> None:
        for pattern in patterns:
            route = str(pattern.pattern)
            if "<" in route or route.startswith("^") or "(?P" in route:
                continue
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, prefix + route)
            elif isinstance(pattern, URLPattern):
                found.append("/" + prefix + route)

    walk(get_resolver().url_patterns, "")
    return [path for path in found if not path.startswith("/admin/")]


def test_no_page_answers_head_with_405_where_get_is_allowed(client: Client, operator: Any) -> None:
    """Uptime monitors use HEAD: whatever a GET may open, a HEAD may too."""
    client.force_login(operator)
    refused = []
    for path in _pages_without_arguments():
        if client.get(path).status_code == 405:
            continue  # a POST-only endpoint
        if client.head(path).status_code == 405:
            refused.append(path)
    assert len(_pages_without_arguments()) > 20
    assert refused == [], refused
