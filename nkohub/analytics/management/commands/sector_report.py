"""manage.py sector_report --period 2021 (or --start 2021-01-01 --end 2021-06-30): make the regional
sector report at once (HTML, PDF, XLSX) and print where its files are."""

import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from nkohub.analytics.models import SectorReport
from nkohub.analytics.report_jobs import report_execute
from nkohub.core.errors import DomainError


class Command(BaseCommand):
    help = "Make the regional sector report for a period (HTML, PDF and XLSX)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--period", type=int, help="a whole year, e.g. 2021")
        parser.add_argument("--start", type=datetime.date.fromisoformat, help="YYYY-MM-DD")
        parser.add_argument("--end", type=datetime.date.fromisoformat, help="YYYY-MM-DD")
        parser.add_argument("--conclusions", default="", help="the conclusions section (Markdown)")

    def handle(self, *args: Any, **options: Any) -> None:
        from nkohub.analytics.services import report_request

        if options["period"]:
            start = datetime.date(options["period"], 1, 1)
            end = datetime.date(options["period"], 12, 31)
        elif options["start"] and options["end"]:
            start, end = options["start"], options["end"]
        else:
            raise CommandError("Give --period YEAR or both --start and --end.")
        try:
            report = report_request(
                actor=None, start=start, end=end, conclusions=options["conclusions"]
            )
        except DomainError as error:
            raise CommandError(str(error.message)) from error
        report.refresh_from_db()
        if report.status == SectorReport.Status.QUEUED:  # no immediate backend: render here
            report = report_execute(report_id=report.pk)
        if report.status != SectorReport.Status.READY:
            raise CommandError(f"The report failed: {report.error}")
        for file in (report.html, report.pdf, report.xlsx):
            self.stdout.write(file.path)
