"""Who may do what in the notifications app."""

from typing import Any

from django.http import Http404

from nkohub.core.permissions import is_operator
from nkohub.notifications.models import Notification


def can_view_operations(user: Any) -> bool:
    """Failed tasks, failed e-mails and scheduled jobs are for the resource centre's operators."""
    return is_operator(user)


def get_notification_for_user(user: Any, pk: int) -> Notification:
    """A person's own notification; anyone else's is 404 (it is not there for them)."""
    try:
        return Notification.objects.get(pk=pk, recipient=user)
    except Notification.DoesNotExist:
        raise Http404 from None
