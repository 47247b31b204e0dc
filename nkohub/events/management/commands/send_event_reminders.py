from typing import Any

from django.core.management.base import BaseCommand

from nkohub.events.jobs import send_reminders


class Command(BaseCommand):
    help = (
        "Remind people with a confirmed place a day before the event, and ask those who came for "
        "feedback after it. Idempotent: run it every half hour (run_scheduler does); each goes once."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        summary = send_reminders()
        if options["verbosity"] > 0:
            self.stdout.write(summary)
