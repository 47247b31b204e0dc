"""What the notifications app holds about a person: their inbox, e-mail records and preferences."""

from typing import Any

from nkohub.notifications.models import EmailDelivery, Notification, NotificationPreference


def export(user: Any) -> dict[str, Any]:
    return {
        "notifications": [
            {
                "kind": n.kind,
                "title": n.title,
                "text": n.body,
                "link": n.url,
                "created": n.created_at.isoformat(),
                "read": n.read_at.isoformat() if n.read_at else None,
            }
            for n in Notification.objects.filter(recipient=user).order_by("created_at", "id")
        ],
        "email_preferences": dict(
            NotificationPreference.objects.filter(user=user)
            .order_by("kind")
            .values_list("kind", "email_mode")
        ),
        "emails_sent": [
            {
                "subject": d.subject,
                "to": d.address,
                "sent": d.sent_at.isoformat() if d.sent_at else None,
            }
            for d in EmailDelivery.objects.filter(
                recipient=user, status=EmailDelivery.Status.SENT
            ).order_by("sent_at")
        ],
    }


def erase(user: Any) -> dict[str, Any]:
    notifications, _detail = Notification.objects.filter(recipient=user).delete()
    deliveries, _detail = EmailDelivery.objects.filter(recipient=user).delete()
    preferences, _detail = NotificationPreference.objects.filter(user=user).delete()
    return {
        "notifications": notifications,
        "email_deliveries": deliveries,
        "preferences": preferences,
    }
