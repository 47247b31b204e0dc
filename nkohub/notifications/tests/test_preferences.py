from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from nkohub.core.models import AuditEntry
from nkohub.notifications.models import ALL_KINDS, EmailMode, NotificationPreference
from nkohub.notifications.services import TEST_KIND, notify
from nkohub.notifications.tests.factories import NotificationFactory

pytestmark = pytest.mark.django_db
URL = reverse("notifications:preferences")


def test_it_requires_login(client: Client) -> None:
    assert client.get(URL).status_code == 302


def test_it_lists_registered_kinds_and_those_received(client: Client, owner: Any) -> None:
    NotificationFactory(recipient=owner, kind="tests.received.kind")
    client.force_login(owner)
    response = client.get(URL)
    assert "Пробные уведомления, которые вы отправляете себе" in response.text
    assert "tests.received.kind" in response.text
    assert "В ежедневной сводке" in response.text
    assert "Все уведомления" in response.text


def test_saving_stores_a_choice_per_kind_and_is_audited(client: Client, owner: Any) -> None:
    NotificationFactory(recipient=owner, kind="tests.received.kind")
    client.force_login(owner)
    response = client.post(
        URL,
        {"tests.received.kind": "digest", TEST_KIND: "off", ALL_KINDS: "immediate"},
        follow=True,
    )
    assert "Настройки уведомлений сохранены" in response.text
    modes = dict(
        NotificationPreference.objects.filter(user=owner).values_list("kind", "email_mode")
    )
    assert modes == {"tests.received.kind": "digest", TEST_KIND: "off", ALL_KINDS: "immediate"}
    assert AuditEntry.objects.filter(action="notifications.preferences_changed").count() == 1
    form = client.get(URL).context["form"]
    assert form["tests.received.kind"].initial == "digest"


def test_a_kind_can_follow_the_default_again(
    client: Client, owner: Any, django_capture_on_commit_callbacks: Any
) -> None:
    NotificationPreference.objects.create(
        user=owner, kind="tests.received.kind", email_mode=EmailMode.IMMEDIATE
    )
    NotificationFactory(recipient=owner, kind="tests.received.kind")
    client.force_login(owner)
    client.post(URL, {"tests.received.kind": "", ALL_KINDS: "digest"})
    modes = dict(
        NotificationPreference.objects.filter(user=owner).values_list("kind", "email_mode")
    )
    assert modes == {ALL_KINDS: "digest"}
    with django_capture_on_commit_callbacks(execute=True):
        (notification,) = notify(
            recipients=[owner], kind="tests.received.kind", title="По умолчанию"
        )
    assert notification.email_mode == EmailMode.DIGEST
    assert mail.outbox == []


def test_kinds_are_grouped_by_the_app_that_sends_them(client: Client, owner: Any) -> None:
    client.force_login(owner)
    response = client.get(URL)
    assert "<h2>Уведомления</h2>" in response.text
    assert "Как для всех" in response.text


def test_an_unknown_choice_is_refused_with_a_message(client: Client, owner: Any) -> None:
    client.force_login(owner)
    response = client.post(URL, {TEST_KIND: "hourly", ALL_KINDS: "immediate"})
    assert response.status_code == 200
    assert "Выберите корректный вариант" in response.text
    assert not NotificationPreference.objects.exists()


def test_a_test_notification_reaches_the_inbox_and_the_mailbox(
    client: Client, owner: Any, django_capture_on_commit_callbacks: Any
) -> None:
    client.force_login(owner)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("notifications:send_test"), follow=True)
    assert "Пробное уведомление — в вашем списке" in response.text
    assert owner.notifications.get().title == "Пробное уведомление"
    assert mail.outbox[0].subject == "Пробное уведомление"


def test_test_notifications_are_rate_limited(client: Client, owner: Any) -> None:
    client.force_login(owner)
    client.post(reverse("notifications:send_test"))
    response = client.post(reverse("notifications:send_test"), follow=True)
    assert "меньше минуты назад" in response.text
    assert owner.notifications.count() == 1


def test_the_test_respects_the_setting(
    client: Client, owner: Any, django_capture_on_commit_callbacks: Any
) -> None:
    NotificationPreference.objects.create(user=owner, kind=TEST_KIND, email_mode=EmailMode.OFF)
    client.force_login(owner)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("notifications:send_test"))
    assert owner.notifications.count() == 1
    assert mail.outbox == []
