"""Reads of the notifications app."""

from collections.abc import Iterable
from typing import Any

from django.apps import apps
from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext

from nkohub.notifications.kinds import get_kind, registered_kinds
from nkohub.notifications.models import (
    ALL_KINDS,
    EmailDelivery,
    EmailMode,
    Notification,
    NotificationPreference,
    ScheduledJob,
    TaskFailure,
)


def email_modes_for(user_ids: Iterable[int], kind: str) -> dict[int, str]:
    """Each person's e-mail mode for `kind`: their choice for the kind, else their default, else the kind's."""
    ids = list(user_ids)
    chosen: dict[int, dict[str, str]] = {}
    for user_id, pref_kind, mode in NotificationPreference.objects.filter(
        user_id__in=ids, kind__in=[kind, ALL_KINDS]
    ).values_list("user_id", "kind", "email_mode"):
        chosen.setdefault(user_id, {})[pref_kind] = mode
    default = get_kind(kind).default_email_mode
    return {
        user_id: chosen.get(user_id, {}).get(kind)
        or chosen.get(user_id, {}).get(ALL_KINDS)
        or default
        for user_id in ids
    }


def inbox_for(user: Any, *, unread_only: bool = False) -> QuerySet[Notification]:
    notifications = (
        Notification.objects.filter(recipient=user)
        .select_related("actor")
        .order_by("-created_at", "-id")
    )
    if unread_only:
        notifications = notifications.filter(read_at__isnull=True)
    return notifications


def unread_count(user: Any) -> int:
    if not getattr(user, "is_authenticated", False):
        return 0
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def inbox_counts(user: Any) -> dict[str, int]:
    return Notification.objects.filter(recipient=user).aggregate(
        total=Count("pk"), unread=Count("pk", filter=Q(read_at__isnull=True))
    )


def preference_sections(user: Any) -> list[dict[str, Any]]:
    """The kinds a person can set (registered ones and any they have received), grouped by the app
    that sends them, each with the person's own choice ("" when they follow their default)."""
    received = set(
        Notification.objects.filter(recipient=user).values_list("kind", flat=True).distinct()
    )
    codes = {kind.code for kind in registered_kinds()} | received
    saved = dict(NotificationPreference.objects.filter(user=user).values_list("kind", "email_mode"))
    sections: dict[str, list[dict[str, Any]]] = {}
    for code in codes:
        sections.setdefault(_section_name(code), []).append(
            {"code": code, "label": get_kind(code).label, "mode": saved.get(code, "")}
        )
    return [
        {"name": name, "rows": sorted(rows, key=lambda row: str(row["label"]).lower())}
        for name, rows in sorted(sections.items(), key=lambda item: item[0].lower())
    ]


def _section_name(code: str) -> str:
    app_label = code.split(".", 1)[0]
    try:
        return str(apps.get_app_config(app_label).verbose_name)
    except LookupError:
        return gettext("Other")


def default_preference(user: Any) -> str | None:
    return (
        NotificationPreference.objects.filter(user=user, kind=ALL_KINDS)
        .values_list("email_mode", flat=True)
        .first()
    )


def pending_digest_notifications() -> QuerySet[Notification]:
    return Notification.objects.filter(
        email_mode=EmailMode.DIGEST,
        delivery__isnull=True,
        read_at__isnull=True,
        recipient__is_active=True,
    )


def unresolved_task_failures() -> QuerySet[TaskFailure]:
    return TaskFailure.objects.filter(resolved_at__isnull=True).order_by("-failed_at", "-id")


def failed_deliveries() -> QuerySet[EmailDelivery]:
    return (
        EmailDelivery.objects.filter(status=EmailDelivery.Status.FAILED)
        .select_related("recipient")
        .order_by("-created_at", "-id")
    )


def delivery_counts() -> dict[str, int]:
    rows = EmailDelivery.objects.values("status").annotate(n=Count("pk")).order_by()
    counts = dict.fromkeys(EmailDelivery.Status.values, 0)
    counts.update({row["status"]: row["n"] for row in rows})
    return counts


def scheduled_job_states() -> dict[str, ScheduledJob]:
    return {job.name: job for job in ScheduledJob.objects.all()}
