from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.core.mail.backends.locmem import EmailBackend
from django.utils import timezone

from nkohub.notifications import services
from nkohub.notifications.mail import read_unsubscribe_token
from nkohub.notifications.models import EmailDelivery, Notification
from nkohub.notifications.services import notify

pytestmark = pytest.mark.django_db
KIND = "tests.booking.requested"


@pytest.fixture
def smtp_down(monkeypatch: Any) -> dict[str, int]:
    calls = {"n": 0}

    def refuse(self: Any, messages: Any) -> int:
        calls["n"] += 1
        raise ConnectionRefusedError("SMTP server does not answer")

    monkeypatch.setattr(EmailBackend, "send_messages", refuse)
    return calls


def _notify(person: Any, capture: Any, **kwargs: Any) -> Notification:
    with capture(execute=True):
        (notification,) = notify(
            recipients=[person], kind=KIND, **{"title": "Запрос на бронирование", **kwargs}
        )
    return notification


def test_the_email_is_russian_with_text_and_html(
    owner: Any, ngo: Any, django_capture_on_commit_callbacks: Any
) -> None:
    _notify(
        owner,
        django_capture_on_commit_callbacks,
        body="Зал нужен 5 декабря",
        obj=ngo,
        url="/resources/7/",
    )
    message = mail.outbox[0]
    assert isinstance(message, EmailMultiAlternatives)
    assert message.subject == "Запрос на бронирование"
    assert "Здравствуйте" in message.body
    assert "Зал нужен 5 декабря" in message.body
    assert "https://nko.example.org/resources/7/" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert isinstance(html, str)
    assert "Здравствуйте" in html
    assert 'href="https://nko.example.org/resources/7/"' in html
    assert "Отписаться от таких писем" in message.body


def test_text_part_is_not_html_escaped(owner: Any, django_capture_on_commit_callbacks: Any) -> None:
    _notify(
        owner,
        django_capture_on_commit_callbacks,
        title='АНО "Свет" & партнёры',
        body="<b>не тег</b>",
    )
    message = mail.outbox[0]
    assert isinstance(message, EmailMultiAlternatives)
    assert message.subject == 'АНО "Свет" & партнёры'
    assert "<b>не тег</b>" in message.body
    html = message.alternatives[0][0]
    assert isinstance(html, str)
    assert "&lt;b&gt;" in html


def test_the_email_has_one_click_unsubscribe_headers(
    owner: Any, django_capture_on_commit_callbacks: Any
) -> None:
    _notify(owner, django_capture_on_commit_callbacks)
    message = mail.outbox[0]
    header = message.extra_headers["List-Unsubscribe"]
    assert header.startswith("<https://nko.example.org/notifications/unsubscribe/")
    assert header.endswith("/>")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    token = header.rstrip("/>").rsplit("/", 1)[1]
    assert read_unsubscribe_token(token) == (owner.pk, KIND)
    assert header[1:-1] in message.body


def test_a_send_failure_keeps_the_notification_and_schedules_a_retry(
    owner: Any, smtp_down: dict[str, int], django_capture_on_commit_callbacks: Any
) -> None:
    notification = _notify(owner, django_capture_on_commit_callbacks)
    assert Notification.objects.filter(pk=notification.pk).exists()
    delivery = EmailDelivery.objects.get()
    assert delivery.status == EmailDelivery.Status.PENDING
    assert delivery.attempts == 1
    assert "SMTP server does not answer" in delivery.last_error
    assert delivery.next_attempt_at is not None
    assert delivery.next_attempt_at > timezone.now()


def test_the_retry_job_sends_it_when_the_server_is_back(
    owner: Any, smtp_down: dict[str, int], monkeypatch: Any, django_capture_on_commit_callbacks: Any
) -> None:
    _notify(owner, django_capture_on_commit_callbacks)
    assert services.email_deliveries_retry() == "0 enqueued, 0 taken back"  # not due yet
    monkeypatch.undo()
    with time_machine.travel(timezone.now() + timedelta(minutes=6)):
        services.email_deliveries_retry()
    delivery = EmailDelivery.objects.get()
    assert delivery.status == EmailDelivery.Status.SENT
    assert delivery.attempts == 2
    assert delivery.last_error == ""
    assert len(mail.outbox) == 1


def test_after_the_last_attempt_the_email_is_marked_failed(
    owner: Any, settings: Any, smtp_down: dict[str, int], django_capture_on_commit_callbacks: Any
) -> None:
    settings.NOTIFICATIONS_EMAIL_MAX_ATTEMPTS = 3
    _notify(owner, django_capture_on_commit_callbacks)
    moment = timezone.now()
    for _attempt in range(5):
        moment += timedelta(hours=2)
        with time_machine.travel(moment):
            services.email_deliveries_retry()
    delivery = EmailDelivery.objects.get()
    assert delivery.status == EmailDelivery.Status.FAILED
    assert delivery.attempts == 3
    assert smtp_down["n"] == 3
    assert delivery.next_attempt_at is None


def test_a_delivery_is_sent_once_even_if_its_task_runs_twice(
    owner: Any, django_capture_on_commit_callbacks: Any
) -> None:
    _notify(owner, django_capture_on_commit_callbacks)
    delivery = EmailDelivery.objects.get()
    assert services.email_delivery_send(delivery_id=delivery.pk) == "not due"
    assert len(mail.outbox) == 1


def test_a_delivery_lost_with_its_worker_is_taken_back(owner: Any) -> None:
    notify(recipients=[owner], kind=KIND, title="Ответ")
    EmailDelivery.objects.update(
        status=EmailDelivery.Status.SENDING, claimed_at=timezone.now() - timedelta(hours=1)
    )
    assert services.email_deliveries_retry() == "1 enqueued, 1 taken back"
    assert EmailDelivery.objects.get().status == EmailDelivery.Status.SENT
    assert len(mail.outbox) == 1


def test_nothing_is_sent_to_a_deactivated_person(owner: Any) -> None:
    notify(recipients=[owner], kind=KIND, title="Ответ")
    owner.is_active = False
    owner.save()
    delivery = EmailDelivery.objects.get()
    assert services.email_delivery_send(delivery_id=delivery.pk) == "cancelled"
    assert mail.outbox == []
