"""The sector report: one command and one button, a task with progress, HTML/PDF/XLSX with the
research's sections in order and the figures the data implies."""

import datetime
import io
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.urls import reverse

from nkohub.analytics import report as report_module
from nkohub.analytics.models import SectorReport
from nkohub.analytics.services import KEEP_REPORTS, report_request
from nkohub.analytics.tests.factories import MediaFigureFactory, subsidies_totalling
from nkohub.core.tests.tools import missing_tool
from nkohub.grants.services import fund_result_record

SECTIONS = [
    "Сектор в цифрах",
    "Финансовая поддержка",
    "Гранты",
    "Медиаактивность",
    "Интервью и проблемные зоны",
    "Выводы",
]


@pytest.fixture
def figures_2021(db: Any, funder: Any, region: Any, comparison_region: Any) -> None:
    subsidies_totalling(15_300_000, 100, year=2021)
    subsidies_totalling(12_000_000, 80, year=2020)
    fund_result_record(
        actor=None, region=region, funder=funder, year=2021, applications=117, winners=45
    )
    fund_result_record(
        actor=None, region=comparison_region, funder=funder, year=2021, applications=305, winners=34
    )
    MediaFigureFactory.create(year=2021, month=3, publications=70, mentions=150)


def _made(operator: Any, start: datetime.date, end: datetime.date, **extra: Any) -> SectorReport:
    """Order a report and run the task that its transaction's commit queues (at once in tests)."""
    from django.test import TestCase

    with TestCase.captureOnCommitCallbacks(execute=True):
        made = report_request(actor=operator, start=start, end=end, **extra)
    made.refresh_from_db()
    return made


def _pdf_text(path: str) -> str:
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        missing_tool("pdftotext (poppler-utils) is not installed: the PDF text was not read back")
    text = subprocess.run([pdftotext, path, "-"], capture_output=True, check=True).stdout.decode()
    return " ".join(text.replace("\u00a0", " ").split())


def test_the_report_has_the_research_sections_in_order_and_the_figures(
    figures_2021: None, operator: Any
) -> None:
    made = _made(
        operator,
        datetime.date(2021, 1, 1),
        datetime.date(2021, 12, 31),
        conclusions="Сектор **растёт**.",
    )
    assert made.status == SectorReport.Status.READY, made.error
    assert made.progress == 100
    html = Path(made.html.path).read_text()
    positions = [html.index(f"{n}. {title}") for n, title in enumerate(SECTIONS, start=1)]
    assert positions == sorted(positions)
    assert "15\u00a0300\u00a0000,00\u00a0₽" in html
    assert "38,5\u00a0%" in html
    assert "<strong>растёт</strong>" in html
    assert "12\u00a0000\u00a0000,00\u00a0₽" in html  # the year before, beside it
    assert "27,5\u00a0%" in html  # 15.3 against 12 million


def test_the_pdf_and_the_xlsx_show_the_same_numbers(figures_2021: None, operator: Any) -> None:
    from openpyxl import load_workbook

    made = _made(operator, datetime.date(2021, 1, 1), datetime.date(2021, 12, 31))
    assert made.pdf.read(4) == b"%PDF"
    workbook = load_workbook(io.BytesIO(Path(made.xlsx.path).read_bytes()))
    assert workbook.sheetnames == [
        f"{n}. {title}"[:31] for n, title in enumerate(SECTIONS, start=1)
    ]
    values = [
        cell for sheet in workbook for row in sheet.iter_rows(values_only=True) for cell in row
    ]
    assert 15_300_000 in values
    assert 38.5 in values
    assert 100 in values
    text = _pdf_text(made.pdf.path)
    assert "15 300 000,00" in text
    assert "38,5" in text


def test_the_surveys_section_says_so_when_there_are_no_results(
    figures_2021: None, monkeypatch: Any
) -> None:
    monkeypatch.setattr(report_module, "survey_figures", lambda start, end: None)
    section = report_module.surveys_section(
        5, datetime.date(2021, 1, 1), datetime.date(2021, 12, 31)
    )
    assert section.tables == []
    assert section.paragraphs == ["Результатов опросов и интервью за период пока нет."]


def test_the_command_makes_the_report_for_a_year(figures_2021: None, capsys: Any) -> None:
    call_command("sector_report", "--period", "2021")
    out = capsys.readouterr().out.split()
    assert [Path(p).suffix for p in out] == [".html", ".pdf", ".xlsx"]
    assert all(Path(p).exists() for p in out)
    assert "otchet-nko-2021" in out[0]


def test_the_operator_orders_a_report_with_the_button_and_downloads_it(
    client: Any, operator: Any, figures_2021: None, django_capture_on_commit_callbacks: Any
) -> None:
    client.force_login(operator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("analytics:reports"), {"year": "2021", "conclusions": ""})
    made = SectorReport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("analytics:report", args=[made.pk])
    page = client.get(response["Location"]).content.decode()
    assert reverse("analytics:report_file", args=[made.pk, "pdf"]) in page
    pdf = client.get(reverse("analytics:report_file", args=[made.pk, "pdf"]))
    assert pdf.status_code == 200
    assert b"".join(pdf.streaming_content).startswith(b"%PDF")


def test_someone_who_is_not_an_operator_can_neither_order_nor_download(
    client: Any, member: Any, operator: Any, figures_2021: None
) -> None:
    made = _made(operator, datetime.date(2021, 1, 1), datetime.date(2021, 12, 31))
    client.force_login(member)
    assert client.post(reverse("analytics:reports"), {"year": "2021"}).status_code == 403
    assert client.get(reverse("analytics:report_file", args=[made.pk, "pdf"])).status_code == 403
    assert SectorReport.objects.count() == 1


def test_a_period_needs_a_year_or_two_dates(client: Any, operator: Any, db: Any) -> None:
    client.force_login(operator)
    response = client.post(reverse("analytics:reports"), {"start": "2021-05-01"})
    assert response.status_code == 200
    assert not SectorReport.objects.exists()


def test_only_the_last_reports_are_kept(figures_2021: None, operator: Any, settings: Any) -> None:
    for _ in range(KEEP_REPORTS + 2):
        _made(operator, datetime.date(2021, 1, 1), datetime.date(2021, 3, 31))
    assert SectorReport.objects.count() == KEEP_REPORTS


def test_a_failed_report_is_marked_with_its_error(
    figures_2021: None, operator: Any, monkeypatch: Any
) -> None:
    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("no fonts")

    monkeypatch.setattr("nkohub.analytics.report_jobs.render_report", broken)
    made = _made(operator, datetime.date(2021, 1, 1), datetime.date(2021, 12, 31))
    assert made.status == SectorReport.Status.FAILED
    assert "no fonts" in made.error


def test_the_subsidy_section_sums_recipients_and_money(figures_2021: None) -> None:
    section = report_module.support_section(
        2, datetime.date(2021, 1, 1), datetime.date(2021, 12, 31)
    )
    totals = section.tables[0].rows
    assert totals[0][1:] == [100, 100, Decimal("15300000")]
    assert totals[1][1:] == [80, 80, Decimal("12000000")]


def test_the_surveys_section_lists_the_ranked_zones_summaries_and_quotes(
    figures_2021: None, monkeypatch: Any
) -> None:
    from types import SimpleNamespace as Row

    zones = [
        Row(
            zone="Нехватка кадров",
            position=1,
            named=14,
            score=Decimal("30.5"),
            share=Decimal("0.7"),
            actors=["региональная администрация", "бизнес"],
            tools=["курсы"],
        ),
        Row(
            zone="Слабая информированность",
            position=2,
            named=9,
            score=Decimal("18"),
            share=Decimal("0.45"),
            actors=["СМИ"],
            tools=["новости", "ярмарка"],
        ),
    ]
    summaries = [
        Row(
            title="Потребности НКО — 2021",
            opens_on=datetime.date(2021, 3, 1),
            closes_on=datetime.date(2021, 4, 1),
            addressed=40,
            responses=20,
            response_rate=Decimal("0.5"),
        ),
    ]
    quotes = [Row(text="Нам не хватает помещения.", question="Проблемы", organization=None)]
    monkeypatch.setattr(
        report_module,
        "survey_figures",
        lambda start, end: {"zones": zones, "summaries": summaries, "quotes": quotes},
    )
    section = report_module.surveys_section(
        5, datetime.date(2021, 1, 1), datetime.date(2021, 12, 31)
    )
    surveys, ranking, said = section.tables
    assert surveys.text_rows == [
        ["Потребности НКО — 2021", "01.03.2021–01.04.2021", "40", "20", "50,0\u00a0%"]
    ]
    assert ranking.text_rows[0] == [
        "1",
        "Нехватка кадров",
        "14",
        "70,0\u00a0%",
        "региональная администрация, бизнес",
        "курсы",
    ]
    assert ranking.text_rows[1][1] == "Слабая информированность"
    assert said.text_rows == [["Нам не хватает помещения.", "Проблемы", "—"]]
