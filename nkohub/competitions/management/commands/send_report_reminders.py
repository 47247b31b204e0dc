from typing import Any

from django.core.management.base import BaseCommand

from nkohub.competitions.services import send_report_reminders


class Command(BaseCommand):
    help = "Remind grantees of overdue reports and escalate long-overdue ones to the funder (idempotent)."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(send_report_reminders())
