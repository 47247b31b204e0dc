"""import_organizations FILE [--format auto|minjust-xml|minjust-csv|egrul-xml|csv|xlsx] [--dry-run] [--map field=Heading]"""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext

from nkohub.organizations.imports.engine import Exclusion
from nkohub.organizations.imports.readers import FIELDS, ReaderError
from nkohub.organizations.imports.runs import import_file
from nkohub.organizations.imports.validation import Problem
from nkohub.organizations.models import ImportRun


class Command(BaseCommand):
    help = (
        "Import organisations from the Ministry of Justice's open data, an EGRUL extract of the "
        "Federal Tax Service or a CSV/XLSX spreadsheet. With -v 2 every record left out by design "
        "(an EGRUL company, another region) is listed too."
    )
    # a data command: the project's system checks (a second of start-up) tell it nothing
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--format", default="auto", choices=[c for c, _ in ImportRun.Format.choices]
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Show what would change, change nothing."
        )
        parser.add_argument(
            "--map", action="append", default=[], metavar="FIELD=HEADING",
            help=f"Column mapping, repeatable. Fields: {', '.join(FIELDS)}.",
        )  # fmt: skip

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(gettext("No such file: %(path)s") % {"path": path})
        mapping = {}
        for item in options["map"]:
            field, sep, heading = item.partition("=")
            if not sep:
                raise CommandError(
                    gettext("The mapping «%(item)s» must read field=Column heading.")
                    % {"item": item}
                )
            mapping[field.strip()] = heading.strip()

        def report(problem: Problem) -> None:
            self.stdout.write(f"строка {problem.line}: пропущена — {problem.reason}")

        def report_exclusion(exclusion: Exclusion) -> None:
            if options["verbosity"] >= 2:
                self.stdout.write(f"запись {exclusion.line}: не импортируется — {exclusion.detail}")

        try:
            result = import_file(
                path=path,
                fmt=options["format"],
                mapping=mapping or None,
                dry_run=options["dry_run"],
                on_problem=report,
                on_exclusion=report_exclusion,
            )
        except ReaderError as exc:
            raise CommandError(str(exc)) from exc
        if options["dry_run"]:
            for change in result.changes:
                what = (
                    "будет создана"
                    if change.action == "created"
                    else f"будет обновлена ({', '.join(change.fields)})"
                )
                self.stdout.write(f"строка {change.line}: {change.name} — {what}")
        prefix = "Пробный прогон, ничего не изменено. " if options["dry_run"] else ""
        excluded = ""
        if result.excluded:
            reasons = "; ".join(f"{r} — {n}" for r, n in sorted(result.excluded_reasons.items()))
            excluded = (
                f"; не НКО или другой регион (не импортируются): {result.excluded} ({reasons})"
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"{prefix}Строк: {result.rows}; создано: {result.created}; обновлено: {result.updated}; "
                f"без изменений: {result.unchanged}; пропущено: {result.skipped}{excluded}."
            )
        )
