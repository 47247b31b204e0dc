from typing import Any

from django.core.management.base import BaseCommand

from nkohub.grants.services import send_competition_reminders


class Command(BaseCommand):
    help = "Remind followers before competitions close (idempotent: safe to run many times a day)."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(send_competition_reminders())
