import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext

from nkohub.grants.card_import import card_files, fund_cards_import


class Command(BaseCommand):
    help = (
        "Import the Presidential Grants Fund's project cards (text copied from the Fund's site): "
        "a file or a folder of .txt/.md/.html files. Creates or updates the organisation (by OGRN, "
        "then INN), the project and the application with its outcome."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="A card file or a folder of cards.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Read and report; change nothing."
        )
        parser.add_argument("--json", action="store_true", help="Print every field read as JSON.")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["path"])
        if not path.exists():
            raise CommandError(gettext("No such file or folder: %(path)s") % {"path": path})
        files = card_files(path)
        if not files:
            raise CommandError(
                gettext("The folder %(path)s holds no cards (.txt, .md, .html).") % {"path": path}
            )
        results = fund_cards_import(actor=None, files=files, dry_run=options["dry_run"])
        if options["json"]:
            payload: Any = [r.as_json() for r in results]
            if path.is_file():
                payload = payload[0]
            self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2))
        else:
            for result in results:
                self._report(result)
        failed = sum(1 for r in results if not r.ok)
        if failed:
            raise CommandError(
                gettext("Cards not imported: %(failed)s of %(total)s.")
                % {"failed": failed, "total": len(results)}
            )

    def _report(self, result: Any) -> None:
        verb = "проверена" if result.dry_run else "импортирована"
        if result.ok:
            actions = ", ".join(f"{k}: {v}" for k, v in result.actions.items())
            self.stdout.write(self.style.SUCCESS(f"{result.source}: {verb} ({actions})"))
        else:
            self.stdout.write(self.style.ERROR(f"{result.source}: {result.error}"))
        for problem in result.problems:
            self.stdout.write(f"  не прочитано «{problem.label}»: {problem.reason}")
        for note in result.notes:
            self.stdout.write(f"  {note}")
