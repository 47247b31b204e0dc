"""With the task queue (Redis) down, asking for background work never fails the request: the task is
kept, shown to operators, and queued again by the requeue job once the queue answers."""

import logging
from typing import Any

import pytest
from django.db import transaction
from django.tasks import task
from django.test import Client
from django.urls import reverse

from nkohub.notifications import services
from nkohub.notifications.background import enqueue_on_commit, enqueue_safely
from nkohub.notifications.models import ScheduledJob, TaskFailure

pytestmark = pytest.mark.django_db

done: list[str] = []


@task()
def remember(word: str) -> None:
    done.append(word)


@pytest.fixture(autouse=True)
def _fresh() -> None:
    done.clear()


@pytest.fixture
def queue_down(settings: Any) -> None:
    settings.RQ_QUEUES = {"default": {"URL": "redis://127.0.0.1:1/0", "DEFAULT_TIMEOUT": 60}}
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}


def test_enqueueing_with_the_queue_down_keeps_the_task_instead_of_failing(
    queue_down: None, caplog: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with (
        caplog.at_level(logging.WARNING, logger="nkohub.notifications.background"),
        django_capture_on_commit_callbacks(execute=True),
        transaction.atomic(),
    ):
        enqueue_on_commit(remember, "отчёт")
    failure = TaskFailure.objects.get()
    assert failure.stage == TaskFailure.Stage.ENQUEUE
    assert failure.task_path.endswith(".remember")
    assert failure.args == ["отчёт"]
    assert failure.resolved_at is None
    assert "Could not queue" in caplog.text


def test_the_requeue_job_waits_while_the_queue_is_still_down(queue_down: None) -> None:
    enqueue_safely(remember, "отчёт")
    assert services.tasks_requeue().startswith("очередь всё ещё недоступна")
    assert TaskFailure.objects.get().resolved_at is None


def test_the_requeue_job_queues_the_kept_tasks_once_the_queue_answers(settings: Any) -> None:
    original_tasks, original_queues = settings.TASKS, settings.RQ_QUEUES
    settings.RQ_QUEUES = {"default": {"URL": "redis://127.0.0.1:1/0"}}
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    enqueue_safely(remember, "первый")
    enqueue_safely(remember, "второй")
    settings.TASKS, settings.RQ_QUEUES = original_tasks, original_queues  # the queue is back
    assert services.tasks_requeue() == "поставлено в очередь: 2"
    assert done == ["первый", "второй"]
    assert not TaskFailure.objects.filter(resolved_at__isnull=True).exists()
    assert services.tasks_requeue() == "поставлено в очередь: 0"  # nothing is queued twice


def test_the_scheduler_keeps_going_when_the_queue_is_down(queue_down: None) -> None:
    from django.core.management import call_command

    call_command("run_scheduler", "--once")
    assert ScheduledJob.objects.exists()
    assert TaskFailure.objects.filter(stage=TaskFailure.Stage.ENQUEUE).exists()


def test_operators_see_a_task_that_could_not_be_queued(
    client: Client, operator: Any, queue_down: None
) -> None:
    enqueue_safely(remember, "отчёт")
    client.force_login(operator)
    page = client.get(reverse("notifications:operations")).text
    assert "не поставлена в очередь: очередь была недоступна" in page


def test_a_resource_offer_is_saved_with_the_queue_down(
    owner: Any, ngo: Any, queue_down: None, django_capture_on_commit_callbacks: Any
) -> None:
    from nkohub.resources import services as resources_services
    from nkohub.resources.models import ResourceOffer

    with django_capture_on_commit_callbacks(execute=True):
        offer = resources_services.offer_create(
            actor=owner,
            organization=ngo,
            publish=True,
            category="premises",
            title="Зал на 40 человек",
            description="Зал с проектором и доской для семинаров.",
            municipality=ngo.municipality,
            terms="free",
        )
    assert ResourceOffer.objects.filter(pk=offer.pk).exists()
    assert TaskFailure.objects.filter(task_path__contains="refresh_offer_matches").exists()
