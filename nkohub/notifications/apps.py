from datetime import time, timedelta

from django.apps import AppConfig
from django.db.models import Count
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "nkohub.notifications"
    verbose_name = _("Notifications")

    def ready(self) -> None:
        from django.conf import settings

        from nkohub.accounts.personal_data import PersonalDataHandler, register_personal_data
        from nkohub.accounts.retention import destroy_expired_summary
        from nkohub.core.cabinet import CabinetBlock, register_cabinet_block
        from nkohub.notifications import personal_data, services
        from nkohub.notifications.kinds import register_notification_kind
        from nkohub.notifications.scheduling import PeriodicJob, register_periodic_job
        from nkohub.notifications.views import cabinet_context

        self._register_metrics()

        register_notification_kind(services.TEST_KIND, _("Test notifications you send yourself"))
        register_notification_kind("notifications.welcome", _("Welcome messages and tips"))
        hour, minute = (int(part) for part in settings.NOTIFICATIONS_DIGEST_TIME.split(":"))
        register_periodic_job(
            PeriodicJob(
                name="notifications.send_digests",
                title=_("Daily digest of notifications"),
                run=lambda: services.digests_send(),
                daily_at=time(hour, minute),
            )
        )
        register_periodic_job(
            PeriodicJob(
                name="notifications.retry_emails",
                title=_("Retry e-mails that could not be sent"),
                run=lambda: services.email_deliveries_retry(),
                every=timedelta(minutes=5),
            )
        )
        register_periodic_job(
            PeriodicJob(
                name="notifications.requeue_tasks",
                title=_("Queue again the tasks the queue could not take"),
                run=lambda: services.tasks_requeue(),
                every=timedelta(minutes=5),
            )
        )
        register_periodic_job(
            PeriodicJob(
                name="accounts.retention",
                title=_("Destroy personal data whose retention period is over"),
                run=destroy_expired_summary,
                daily_at=time(2, 45),
            )
        )
        register_periodic_job(
            PeriodicJob(
                name="notifications.purge",
                title=_("Delete old read notifications"),
                run=lambda: services.notifications_purge(),
                daily_at=time(3, 30),
            )
        )
        register_cabinet_block(
            CabinetBlock(order=5, template="notifications/_cabinet.html", context=cabinet_context)
        )
        register_personal_data(
            PersonalDataHandler(
                key="notifications", export=personal_data.export, erase=personal_data.erase
            )
        )

    def _register_metrics(self) -> None:
        """E-mails by status and tasks kept failed or unqueued, read from the database at each scrape."""
        from nkohub.core.metrics import register_gauge
        from nkohub.notifications import selectors

        register_gauge(
            "nkohub_email_deliveries",
            "E-mail deliveries by status (failed: given up after the last attempt)",
            ["status"],
            lambda: [({"status": k}, n) for k, n in selectors.delivery_counts().items()],
        )
        register_gauge(
            "nkohub_task_failures_unresolved",
            "Tasks that failed for good or could not be queued, not yet resolved",
            ["stage"],
            lambda: [
                ({"stage": row["stage"]}, row["n"])
                for row in selectors.unresolved_task_failures()
                .values("stage")
                .annotate(n=Count("pk"))
                .order_by()
            ],
        )
