"""manage.py import_figures subsidies FILE --source "…" [--year 2021] [--thousands] [--dry-run]:
the operator's import page from the command line; prints every bad row with its line."""

import datetime
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from nkohub.analytics.import_files import KINDS
from nkohub.analytics.imports import import_figures


class Command(BaseCommand):
    help = "Import entered figures (subsidies, the Fund's results, media figures) from XLSX or CSV."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kind", choices=KINDS)
        parser.add_argument("file", type=Path)
        parser.add_argument("--source", required=True, help="where the figures come from")
        parser.add_argument("--source-date", type=datetime.date.fromisoformat)
        parser.add_argument("--year", type=int, help="subsidies: the year when the file has none")
        parser.add_argument("--thousands", action="store_true", help="amounts in thousand rubles")
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["file"].exists():
            raise CommandError(f"No file {options['file']}")
        report = import_figures(
            actor=None,
            kind=options["kind"],
            path=options["file"],
            source=options["source"],
            source_date=options["source_date"],
            year=options["year"],
            thousands=options["thousands"],
            dry_run=options["dry_run"],
        )
        if report.error:
            raise CommandError(report.error)
        for problem in report.problems:
            self.stdout.write(str(problem))
        if report.problems:
            raise CommandError(f"Nothing is written: {len(report.problems)} bad rows.")
        what = "would be" if report.dry_run else "were"
        self.stdout.write(
            f"{report.rows} rows: {report.created} {what} added, {report.updated} {what} updated."
        )
