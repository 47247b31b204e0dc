"""The apps' slow work goes through background_task: a failure is retried as far as it is safe, and
the last one is kept for operators."""

from typing import Any

import pytest

from nkohub.notifications.models import TaskFailure
from nkohub.organizations import tasks as organization_tasks
from nkohub.resources import tasks as resource_tasks

pytestmark = pytest.mark.django_db


def _fail(**_: object) -> None:
    raise ConnectionError("база данных недоступна")


@pytest.mark.parametrize(
    ("task", "service"),
    [
        (resource_tasks.refresh_offer_matches, "matches_refresh_for_offer"),
        (resource_tasks.refresh_request_matches, "matches_refresh_for_request"),
    ],
)
def test_a_failing_refresh_of_suggestions_is_retried_then_kept(
    monkeypatch: pytest.MonkeyPatch, task: Any, service: str
) -> None:
    monkeypatch.setattr(f"nkohub.resources.services.{service}", _fail)
    task.enqueue(41)
    failure = TaskFailure.objects.get()
    assert failure.attempts == 3
    assert failure.args == [41]
    assert failure.error_summary == "ConnectionError: база данных недоступна"


def test_a_failing_import_is_not_run_twice_but_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("nkohub.organizations.imports.runs.import_run_execute", _fail)
    organization_tasks.run_import.enqueue(7)
    failure = TaskFailure.objects.get()
    assert failure.attempts == 1
    assert failure.task_path == "nkohub.organizations.tasks.run_import"
