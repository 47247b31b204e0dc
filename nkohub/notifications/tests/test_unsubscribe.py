from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from nkohub.core.models import AuditEntry
from nkohub.notifications.mail import unsubscribe_token
from nkohub.notifications.models import ALL_KINDS, EmailMode, NotificationPreference
from nkohub.notifications.services import notify

pytestmark = pytest.mark.django_db
KIND = "tests.event.reminder"


def _url(user: Any, kind: str) -> str:
    return reverse("notifications:unsubscribe", args=[unsubscribe_token(user.pk, kind)])


def test_opening_the_link_only_asks(client: Client, owner: Any) -> None:
    response = client.get(_url(owner, KIND))
    assert response.status_code == 200
    assert "Отписаться" in response.text
    assert owner.email in response.text
    assert not NotificationPreference.objects.exists()


def test_one_click_post_unsubscribes_from_the_kind_without_a_session(owner: Any) -> None:
    client = Client(enforce_csrf_checks=True)
    response = client.post(_url(owner, KIND), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert "Вы отписались" in response.text
    assert NotificationPreference.objects.get(user=owner, kind=KIND).email_mode == EmailMode.OFF
    assert AuditEntry.objects.filter(action="notifications.unsubscribed").exists()


def test_unsubscribing_from_all_turns_every_kind_off(client: Client, owner: Any) -> None:
    NotificationPreference.objects.create(user=owner, kind=KIND, email_mode=EmailMode.IMMEDIATE)
    NotificationPreference.objects.create(
        user=owner, kind="tests.other", email_mode=EmailMode.DIGEST
    )
    notify(recipients=[owner], kind="tests.other", title="Ждёт сводки")
    client.post(_url(owner, ALL_KINDS))
    modes = dict(
        NotificationPreference.objects.filter(user=owner).values_list("kind", "email_mode")
    )
    assert modes == {KIND: EmailMode.OFF, "tests.other": EmailMode.OFF, ALL_KINDS: EmailMode.OFF}
    assert owner.notifications.get().email_mode == EmailMode.OFF


def test_a_tampered_link_is_refused(client: Client, owner: Any) -> None:
    token = unsubscribe_token(owner.pk, KIND)
    response = client.post(reverse("notifications:unsubscribe", args=[token[:-2] + "xx"]))
    assert response.status_code == 400
    assert "Ссылка не работает" in response.text
    assert not NotificationPreference.objects.exists()


def test_a_link_for_someone_else_does_not_touch_me(client: Client, owner: Any, member: Any) -> None:
    client.force_login(member)
    client.post(_url(owner, KIND))
    assert not NotificationPreference.objects.filter(user=member).exists()
    assert NotificationPreference.objects.filter(user=owner).exists()
