"""Redis lost and back, through a TCP proxy the test cuts (the machine's Redis is never stopped): while
it is gone pages still render (the cache behaves as empty), a notification is still made and shown, and
its e-mail, which the queue could not take, goes out through a real worker once Redis returns and the
`retry_emails` job runs (issue 22, item 5). Runs when REDIS_URL is set, on PostgreSQL (the worker is a
second process); CI's PostgreSQL + Redis leg runs it."""

import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import django_rq
import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from nkohub.core.tests.tcp_proxy import TcpProxy
from nkohub.notifications.models import EmailDelivery, Notification
from nkohub.notifications.services import email_deliveries_retry
from nkohub.notifications.tests.rq_worker import (
    REDIS_URL,
    database_url,
    own_queue,
    run_worker,
    sent_messages,
)

pytestmark = [
    pytest.mark.skipif(not REDIS_URL, reason="REDIS_URL is not set: the fault test needs Redis"),
    pytest.mark.django_db(transaction=True),
]


def test_an_email_made_while_redis_is_lost_goes_out_when_it_returns(
    settings: Any, owner: Any
) -> None:
    database_url()  # skips unless the worker process can share the database
    target = urlsplit(REDIS_URL)
    with TcpProxy(target.hostname or "127.0.0.1", target.port or 6379) as proxy:
        through_proxy = f"redis://127.0.0.1:{proxy.port}{target.path or '/0'}"
        settings.CACHES = {
            "default": {
                "BACKEND": "nkohub.core.cache.ResilientRedisCache",
                "LOCATION": through_proxy,
                "KEY_PREFIX": "nkohub-fault-test",
                "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
            }
        }
        with own_queue(settings, through_proxy) as queue:
            client = Client()
            client.force_login(owner)
            assert client.get("/").status_code == 200
            proxy.cut()

            response = client.post(reverse("notifications:send_test"))
            assert response.status_code == 302  # the request does not fail with the queue
            notification = Notification.objects.get(recipient=owner)
            delivery = EmailDelivery.objects.get(notifications=notification)
            assert delivery.status == EmailDelivery.Status.PENDING
            assert "Пробное уведомление" in client.get(reverse("notifications:inbox")).text
            assert client.get("/").status_code == 200  # the home page without its cache

            proxy.restore()
            assert django_rq.get_queue(queue).count == 0  # the queue never got it
            assert email_deliveries_retry() == "1 enqueued, 0 taken back"
            assert django_rq.get_queue(queue).count == 1
            with tempfile.TemporaryDirectory(prefix="nkohub-worker-") as data_dir:
                result = run_worker(queue, data_dir)
                assert result.returncode == 0, result.stderr[-3000:]
                messages = sent_messages(Path(data_dir) / "mail")

    delivery.refresh_from_db()
    assert delivery.status == EmailDelivery.Status.SENT, result.stderr[-3000:]
    assert [m["To"] for m in messages] == [owner.email]
    assert mail.outbox == []  # the web process sent nothing itself
