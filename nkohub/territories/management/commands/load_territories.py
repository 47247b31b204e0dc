from typing import Any

from django.core.management.base import BaseCommand

from nkohub.territories.services import territories_load_reference


class Command(BaseCommand):
    help = "Load regions of Russia and municipalities of the reference file (idempotent)."

    def handle(self, *args: Any, **options: Any) -> None:
        result = territories_load_reference()
        self.stdout.write(
            f"Территории: создано {result['created']}, обновлено {result['updated']}."
        )
