from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from nkohub.core.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Restore a backup made by `backup` into an empty installation: a new empty database (no "
        "migrate before) and empty upload directories. Checksums are checked first, row counts after."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("in_dir", type=Path, help="The directory `backup` wrote.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            manifest = restore_backup(options["in_dir"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest["rows"].values())
        self.stdout.write(
            f"Restored {rows} rows of {len(manifest['rows'])} tables from {options['in_dir']} "
            f"(backup of {manifest['created_at']})"
        )
