from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from nkohub.consultations.services import questions_escalate_overdue


class Command(BaseCommand):
    help = (
        "Tell the operators of questions to experts past their due date and not answered. Idempotent: "
        "run it daily (the scheduler does); each question is escalated once."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--date", type=date.fromisoformat, help="Pretend today is this date (YYYY-MM-DD)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        escalated = questions_escalate_overdue(today=options["date"])
        if options["verbosity"] > 0:
            self.stdout.write(f"Overdue questions escalated: {escalated}")
