"""What the writes of events share: telling people, and the rights check that raises."""

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from nkohub.events import permissions
from nkohub.events.models import EVENT_FIELDS, Event

__all__ = ["EVENT_FIELDS", "require_manager", "tell"]
from nkohub.notifications.services import notify


def require_manager(actor: Any, event: Event) -> None:
    if not permissions.can_manage_event(actor, event):
        raise PermissionDenied(_("Only the organiser's owners and editors may manage the event."))


def tell(
    people: Iterable[Any], *, kind: str, title: str, body: str, event: Event, actor: Any
) -> None:
    notify(
        recipients=people,
        kind=kind,
        title=title,
        body=body,
        obj=event,
        url=event.get_absolute_url(),
        actor=actor,
    )
