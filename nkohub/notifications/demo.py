"""Demo inbox: a welcome notification for every demo person, and one person who chose the daily digest."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from nkohub.core.demo_context import DemoContext
from nkohub.notifications.models import ALL_KINDS, EmailMode, Notification, NotificationPreference

WELCOME_KIND = "notifications.welcome"
WELCOME_TITLE = "Добро пожаловать в НКО-Кластер (демо)"
WELCOME_BODY = (
    "Это демонстрационное уведомление. Здесь появляются ответы на обращения, запросы на бронирование, "
    "напоминания о сроках конкурсов и другие новости для вас. В настройках можно выбрать, какие из них "
    "присылать на почту: сразу, раз в день в сводке или не присылать."
)
SETTINGS_TITLE = "Настройте письма с уведомлениями (демо)"


def load(ctx: DemoContext) -> None:
    now = timezone.now()
    for index, (key, person) in enumerate(sorted(ctx.users.items())):
        welcome, created = Notification.objects.get_or_create(
            recipient=person,
            kind=WELCOME_KIND,
            title=WELCOME_TITLE,
            defaults={
                "body": WELCOME_BODY,
                "url": reverse("core:cabinet"),
                "email_mode": EmailMode.OFF,
            },
        )
        if created:
            Notification.objects.filter(pk=welcome.pk).update(
                created_at=now - timedelta(days=3, hours=index)
            )
        Notification.objects.get_or_create(
            recipient=person,
            kind=WELCOME_KIND,
            title=SETTINGS_TITLE,
            defaults={
                "body": "Выберите, о чём писать на почту, а о чём — только на сайте.",
                "url": reverse("notifications:preferences"),
                "email_mode": EmailMode.OFF,
                "read_at": now if key == "operator" else None,
            },
        )
    if "expert" in ctx.users:
        NotificationPreference.objects.get_or_create(
            user=ctx.users["expert"], kind=ALL_KINDS, defaults={"email_mode": EmailMode.DIGEST}
        )
