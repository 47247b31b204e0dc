from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from nkohub.reception.services import calendar_warnings_send


class Command(BaseCommand):
    help = (
        "Tell operators when the current year, or from 1 October the next one, has no production calendar "
        "(the holidays package has no decree for it and operators have not entered one). Idempotent: run "
        "it daily; each year is warned about once."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--date", type=date.fromisoformat, help="Pretend today is this date (YYYY-MM-DD)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        sent = calendar_warnings_send(today=options["date"])
        if options["verbosity"] > 0:
            self.stdout.write(f"Calendar warnings sent: {sent}")
