"""E-mails of notifications: rendering (Russian, plain text and HTML) and the unsubscribe link."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from nkohub.notifications.kinds import get_kind
from nkohub.notifications.models import ALL_KINDS, EmailDelivery, Notification

UNSUBSCRIBE_SALT = "nkohub.notifications.unsubscribe"


def unsubscribe_token(user_id: int, kind: str) -> str:
    """A signed token naming a person and a kind ("*" for every e-mail); it never expires."""
    return signing.dumps({"u": user_id, "k": kind}, salt=UNSUBSCRIBE_SALT, compress=True)


def read_unsubscribe_token(token: str) -> tuple[int, str]:
    """The (user id, kind) of a token; raises signing.BadSignature when it was tampered with."""
    data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    if (
        not isinstance(data, dict)
        or not isinstance(data.get("u"), int)
        or not isinstance(data.get("k"), str)
    ):
        raise signing.BadSignature("Malformed unsubscribe token")
    return data["u"], data["k"]


def absolute_url(path_or_url: str) -> str:
    if not path_or_url or path_or_url.startswith(("http://", "https://")):
        return path_or_url
    return settings.SITE_URL + ("" if path_or_url.startswith("/") else "/") + path_or_url


def unsubscribe_url(user_id: int, kind: str) -> str:
    return absolute_url(
        reverse("notifications:unsubscribe", args=[unsubscribe_token(user_id, kind)])
    )


@dataclass
class DigestGroup:
    """The notifications of a digest about one subject (one object), newest first."""

    subject: str
    url: str
    about_object: bool
    items: list[Notification] = field(default_factory=list)


def group_by_subject(notifications: Sequence[Notification]) -> list[DigestGroup]:
    """Group by the object they are about; groups and items newest first (the input is newest first)."""
    groups: dict[Any, DigestGroup] = {}
    for notification in notifications:
        key: Any = (
            (notification.content_type_id, notification.object_id)
            if notification.content_type_id
            else notification.pk
        )
        group = groups.get(key)
        if group is None:
            target = notification.target if notification.content_type_id else None
            subject = str(target) if target is not None else notification.title
            group = groups[key] = DigestGroup(
                subject=subject, url=absolute_url(notification.url), about_object=target is not None
            )
        group.items.append(notification)
    return list(groups.values())


def build_message(
    delivery: EmailDelivery, notifications: Sequence[Notification]
) -> EmailMultiAlternatives:
    """The e-mail of a delivery, in Russian, with plain-text and HTML bodies and List-Unsubscribe headers."""
    recipient = delivery.recipient
    if delivery.kind == EmailDelivery.Kind.SINGLE:
        notification = notifications[0]
        kind = notification.kind
        template = "notifications/email/single"
        context: dict[str, Any] = {
            "notification": notification,
            "kind_label": get_kind(kind).label,
            "url": absolute_url(notification.url),
        }
    else:
        kind = ALL_KINDS
        template = "notifications/email/digest"
        context = {"groups": group_by_subject(notifications), "count": len(notifications)}
    unsubscribe = unsubscribe_url(recipient.pk, kind)
    context |= {
        "recipient": recipient,
        "site_name": settings.SITE_NAME,
        "site_url": settings.SITE_URL,
        "inbox_url": absolute_url(reverse("notifications:inbox")),
        "preferences_url": absolute_url(reverse("notifications:preferences")),
        "unsubscribe_url": unsubscribe,
        "unsubscribe_all": kind == ALL_KINDS,
        "today": timezone.localdate(),
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        text = render_to_string(f"{template}.txt", context)
        html = render_to_string(f"{template}.html", context)
    message = EmailMultiAlternatives(
        subject=subject[:300],
        body=text,
        to=[recipient.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )
    message.attach_alternative(html, "text/html")
    return message
