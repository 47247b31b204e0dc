from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction

from nkohub.core.app_modules import project_app_modules
from nkohub.core.demo_context import DemoContext


class Command(BaseCommand):
    help = "Create a believable demo cluster for the home region (idempotent; marked as demo)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--quiet-logins", action="store_true", help="Do not print the demo logins."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        call_command("load_reference", verbosity=0)
        ctx = DemoContext()
        with transaction.atomic():
            for module in project_app_modules("demo"):
                module.load(ctx)
        if not options["quiet_logins"]:
            self.print_logins(ctx)

    def print_logins(self, ctx: DemoContext) -> None:
        self.stdout.write("")
        self.stdout.write(f"Демо-входы (пароль у всех: {ctx.password})")
        width = max((len(login[1]) for login in ctx.logins), default=20)
        for role, email, description in ctx.logins:
            self.stdout.write(f"  {role:<22} {email:<{width}}  {description}")
        self.stdout.write("")
