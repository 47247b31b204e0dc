"""End to end on the production stack: a notification made in a web request is e-mailed by a real RQ worker.

Runs only when REDIS_URL is set and the database is one a second process can reach (PostgreSQL);
CI's PostgreSQL + Redis leg runs it. It uses a queue of its own and removes every key it made.
"""

import email.header
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from nkohub.notifications.models import EmailDelivery, Notification
from nkohub.notifications.tests.rq_worker import REDIS_URL, own_queue, run_worker, sent_messages

pytestmark = [
    pytest.mark.skipif(not REDIS_URL, reason="REDIS_URL is not set: the worker test needs Redis"),
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def queue_name(settings: Any) -> Iterator[str]:
    with own_queue(settings) as name:
        yield name


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
        result = run_worker(queue_name, data_dir)
        assert result.returncode == 0, result.stderr[-3000:]
        messages = sent_messages(Path(data_dir) / "mail")

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
