"""The one door through which every app tells people things.

Other apps call `notify(...)`; notifications never import their internals.
"""

from collections.abc import Iterable
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction

from nkohub.notifications.models import Notification


@transaction.atomic
def notify(
    *,
    recipients: Iterable[Any],
    kind: str,
    title: str,
    body: str = "",
    obj: models.Model | None = None,
    url: str = "",
    actor: Any = None,
) -> list[Notification]:
    """Put a notification in each recipient's inbox (the actor is never told of their own action).

    `kind` is a dotted name such as "resources.booking.requested"; preferences are per kind.
    """
    content_type = ContentType.objects.get_for_model(obj) if obj is not None else None
    seen: set[int] = set()
    created = []
    for recipient in recipients:
        if recipient is None or recipient.pk in seen or not recipient.is_active:
            continue
        if actor is not None and getattr(actor, "pk", None) == recipient.pk:
            continue
        seen.add(recipient.pk)
        created.append(
            Notification(
                recipient=recipient,
                actor=actor if getattr(actor, "pk", None) else None,
                kind=kind,
                title=title[:300],
                body=body,
                url=url,
                content_type=content_type,
                object_id=str(obj.pk) if obj is not None else "",
            )
        )
    return Notification.objects.bulk_create(created)
