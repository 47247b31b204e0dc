from typing import Any

from django.core.management.base import BaseCommand

from nkohub.notifications.scheduling import run_job_now


class Command(BaseCommand):
    help = "Send the daily digest of notifications to everyone who has something new in it. Safe to run twice."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(run_job_now("notifications.send_digests"))
