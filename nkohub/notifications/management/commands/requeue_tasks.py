from typing import Any

from django.core.management.base import BaseCommand

from nkohub.notifications.scheduling import run_job_now


class Command(BaseCommand):
    help = "Queue again the tasks the queue (Redis) could not take when they were asked for. Safe to run twice."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(run_job_now("notifications.requeue_tasks"))
