from typing import Any

import factory

from nkohub.accounts.tests.factories import UserFactory
from nkohub.notifications.models import EmailMode, Notification


class NotificationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Notification

    recipient = factory.SubFactory(UserFactory)
    kind = "tests.thing.happened"
    title = factory.Sequence(lambda n: f"Событие №{n}")
    body = "Подробности события."
    url = "/organizations/"
    email_mode = EmailMode.OFF


def make_notification(**kwargs: Any) -> Notification:
    notification: Notification = NotificationFactory(**kwargs)  # type: ignore[assignment]
    return notification
