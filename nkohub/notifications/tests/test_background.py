from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from nkohub.core.models import AuditEntry
from nkohub.notifications.background import background_task
from nkohub.notifications.models import EmailDelivery, TaskFailure
from nkohub.notifications.services import notify

pytestmark = pytest.mark.django_db
attempts: dict[str, int] = {}


@background_task(max_attempts=3)
def flaky(key: str, fail_times: int) -> str:
    attempts[key] = attempts.get(key, 0) + 1
    if attempts[key] <= fail_times:
        raise ConnectionError(f"Внешний сервис недоступен ({key})")
    return "done"


@pytest.fixture(autouse=True)
def _fresh_attempts() -> None:
    attempts.clear()


def test_a_task_that_recovers_within_its_attempts_leaves_no_failure() -> None:
    flaky.enqueue("a", 2)
    assert attempts["a"] == 3
    assert not TaskFailure.objects.exists()


def test_retries_are_bounded_and_the_last_failure_is_recorded() -> None:
    flaky.enqueue("b", 10)
    assert attempts["b"] == 3
    failure = TaskFailure.objects.get()
    assert failure.task_path == f"{__name__}.flaky"
    assert failure.args == ["b", 10]
    assert failure.kwargs == {}
    assert failure.attempts == 3
    assert "Внешний сервис недоступен (b)" in failure.error
    assert failure.error_summary == "ConnectionError: Внешний сервис недоступен (b)"


def test_the_operations_page_is_for_operators(client: Client, owner: Any, operator: Any) -> None:
    client.force_login(owner)
    assert client.get(reverse("notifications:operations")).status_code == 403
    client.force_login(operator)
    response = client.get(reverse("notifications:operations"))
    assert response.status_code == 200
    assert "<h1>Фоновые задачи</h1>" in response.text
    assert "Напоминания о закрытии конкурсов" in response.text


def test_operators_see_failed_tasks_and_run_them_again(client: Client, operator: Any) -> None:
    flaky.enqueue("c", 3)
    failure = TaskFailure.objects.get()
    client.force_login(operator)
    page = client.get(reverse("notifications:operations"))
    assert "ConnectionError: Внешний сервис недоступен (c)" in page.text
    with_commit = client.post(
        reverse("notifications:task_failure_action", args=[failure.pk]), {"action": "retry"}
    )
    assert with_commit.status_code == 302
    failure.refresh_from_db()
    assert failure.resolved_at is not None
    assert AuditEntry.objects.filter(action="notifications.task_retried").exists()
    response = client.post(
        reverse("notifications:task_failure_action", args=[failure.pk]),
        {"action": "retry"},
        follow=True,
    )
    assert "Этот сбой уже закрыт" in response.text


def test_a_retried_task_runs_again(operator: Any, django_capture_on_commit_callbacks: Any) -> None:
    from nkohub.notifications.services import task_failure_retry

    flaky.enqueue("d", 3)
    with django_capture_on_commit_callbacks(execute=True):
        task_failure_retry(actor=operator, failure=TaskFailure.objects.get())
    assert attempts["d"] == 4
    assert TaskFailure.objects.count() == 1


def test_members_cannot_act_on_failures(client: Client, owner: Any) -> None:
    flaky.enqueue("e", 3)
    failure = TaskFailure.objects.get()
    client.force_login(owner)
    assert (
        client.post(
            reverse("notifications:task_failure_action", args=[failure.pk]), {"action": "resolve"}
        ).status_code
        == 403
    )
    failure.refresh_from_db()
    assert failure.resolved_at is None


def test_operators_can_close_a_failure(client: Client, operator: Any) -> None:
    flaky.enqueue("f", 3)
    failure = TaskFailure.objects.get()
    client.force_login(operator)
    client.post(
        reverse("notifications:task_failure_action", args=[failure.pk]), {"action": "resolve"}
    )
    failure.refresh_from_db()
    assert failure.resolved_at is not None
    assert "Сбойных задач нет" in client.get(reverse("notifications:operations")).text


def test_operators_send_a_failed_email_again(
    client: Client, owner: Any, operator: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from django.core import mail

    notify(recipients=[owner], kind="tests.x", title="Письмо")
    EmailDelivery.objects.update(
        status=EmailDelivery.Status.FAILED, attempts=5, last_error="SMTPServerDisconnected: закрыто"
    )
    delivery = EmailDelivery.objects.get()
    client.force_login(owner)
    assert (
        client.post(reverse("notifications:delivery_retry", args=[delivery.pk])).status_code == 403
    )
    client.force_login(operator)
    assert "SMTPServerDisconnected: закрыто" in client.get(reverse("notifications:operations")).text
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("notifications:delivery_retry", args=[delivery.pk]))
    delivery.refresh_from_db()
    assert delivery.status == EmailDelivery.Status.SENT
    assert delivery.attempts == 1
    assert len(mail.outbox) == 1


def test_the_operations_page_keeps_a_constant_number_of_queries(
    client: Client, operator: Any, django_assert_num_queries: Any
) -> None:
    client.force_login(operator)
    for key in "ghijk":
        flaky.enqueue(key, 3)
    with django_assert_num_queries(7):
        client.get(reverse("notifications:operations"))


def test_operators_find_the_page_from_their_cabinet(
    client: Client, owner: Any, operator: Any
) -> None:
    client.force_login(operator)
    assert reverse("notifications:operations") in client.get(reverse("core:cabinet")).text
    client.force_login(owner)
    assert reverse("notifications:operations") not in client.get(reverse("core:cabinet")).text
