"""Kinds of notifications, with the names people see in their preferences.

Apps describe the kinds they send from `AppConfig.ready()`:

    register_notification_kind("resources.booking.requested", _("Someone asks to book your resource"))

A kind nobody registered still works (it is shown by its code), and its e-mail default is "at once".
"""

from dataclasses import dataclass

from django.utils.functional import Promise

from nkohub.notifications.models import EmailMode


@dataclass(frozen=True)
class NotificationKind:
    code: str
    label: str | Promise
    default_email_mode: str = EmailMode.IMMEDIATE


_kinds: dict[str, NotificationKind] = {}


def register_notification_kind(
    code: str, label: str | Promise, *, default_email_mode: str = EmailMode.IMMEDIATE
) -> NotificationKind:
    if default_email_mode not in EmailMode.values:
        raise ValueError(f"Unknown e-mail mode {default_email_mode!r} for {code}")
    kind = NotificationKind(code=code, label=label, default_email_mode=default_email_mode)
    _kinds[code] = kind
    return kind


def get_kind(code: str) -> NotificationKind:
    return _kinds.get(code) or NotificationKind(code=code, label=code)


def registered_kinds() -> list[NotificationKind]:
    return [_kinds[code] for code in sorted(_kinds)]
