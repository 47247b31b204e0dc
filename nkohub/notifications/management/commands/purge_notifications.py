from typing import Any

from django.core.management.base import BaseCommand

from nkohub.notifications.scheduling import run_job_now


class Command(BaseCommand):
    help = "Delete read notifications and e-mail records older than NOTIFICATIONS_RETENTION_DAYS. Safe to run twice."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(run_job_now("notifications.purge"))
