from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from nkohub.core.backup import BackupError, make_backup


class Command(BaseCommand):
    help = (
        "Back up the database (one consistent snapshot), the public and private uploads and the open "
        "data into OUT_DIR, with a manifest of checksums (docs/deployment.md §11)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("out_dir", type=Path, help="A new or empty directory.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            manifest = make_backup(options["out_dir"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest["rows"].values())
        files = sum(entry.get("files", 0) for entry in manifest["files"].values())
        self.stdout.write(
            f"Backed up {rows} rows of {len(manifest['rows'])} tables and {files} files "
            f"into {options['out_dir']}"
        )
