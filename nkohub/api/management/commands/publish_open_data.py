from typing import Any

from django.core.management.base import BaseCommand

from nkohub.api.opendata.jobs import publish_open_data


class Command(BaseCommand):
    help = "Write today's version of every open dataset (CSV, JSON, structure, passport)."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(publish_open_data())
