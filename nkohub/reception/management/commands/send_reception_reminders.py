from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from nkohub.reception.services import appeals_send_reminders


class Command(BaseCommand):
    help = (
        "Remind officials 7 and 2 days before an appeal's answer is due and when it has passed, and tell the "
        "authors of overdue appeals. Idempotent: run it daily (or more often); each reminder goes once."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--date", type=date.fromisoformat, help="Pretend today is this date (YYYY-MM-DD)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        sent = appeals_send_reminders(today=options["date"])
        if options["verbosity"] > 0:
            self.stdout.write(f"Reminders sent: {sent}")
