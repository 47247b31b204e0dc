from typing import Any

from django.core.management.base import BaseCommand

from nkohub.notifications.scheduling import run_job_now


class Command(BaseCommand):
    help = (
        "Destroy personal data whose retention period is over (every rule registered with "
        "accounts.personal_data.register_retention_rule) and record what was destroyed. Safe to run twice."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(run_job_now("accounts.retention"))
