from typing import Any

import pytest

from nkohub.accounts.personal_data import handlers
from nkohub.notifications.models import EmailDelivery, Notification, NotificationPreference
from nkohub.notifications.services import notify

pytestmark = pytest.mark.django_db


def _handler() -> Any:
    return next(h for h in handlers() if h.key == "notifications")


def test_export_contains_the_inbox_and_settings(owner: Any) -> None:
    notify(recipients=[owner], kind="tests.x", title="Ответ на обращение")
    NotificationPreference.objects.create(user=owner, kind="tests.x", email_mode="digest")
    data = _handler().export(owner)
    assert data["notifications"][0]["title"] == "Ответ на обращение"
    assert data["email_preferences"] == {"tests.x": "digest"}


def test_erase_removes_only_that_persons_data(owner: Any, member: Any) -> None:
    notify(recipients=[owner, member], kind="tests.x", title="Всем")
    summary = _handler().erase(owner)
    assert summary["notifications"] == 1
    assert not Notification.objects.filter(recipient=owner).exists()
    assert not EmailDelivery.objects.filter(recipient=owner).exists()
    assert Notification.objects.filter(recipient=member).exists()
