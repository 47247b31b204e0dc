from typing import Any

from django.core.management.base import BaseCommand

from nkohub.core.app_modules import project_app_modules


class Command(BaseCommand):
    help = "Load reference data of every app (territories, spheres, legal forms...). Idempotent."

    def handle(self, *args: Any, **options: Any) -> None:
        for module in project_app_modules("reference"):
            message = module.load()
            if options["verbosity"] > 0:
                self.stdout.write(f"{module.__name__}: {message}")
