from typing import Any

from django.core.management.base import BaseCommand

from nkohub.notifications.scheduling import run_job_now


class Command(BaseCommand):
    help = "Enqueue notification e-mails that are due for another attempt. Safe to run twice."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(run_job_now("notifications.retry_emails"))
