"""A sponsor's report of its contributions for a period: XLSX (openpyxl) or PDF (WeasyPrint)."""

import datetime
from io import BytesIO

from django.template.loader import render_to_string
from openpyxl import Workbook
from openpyxl.styles import Font

from nkohub.organizations.models import Organization
from nkohub.projects.selectors import ContributionRow, money_total


def contributions_xlsx(
    organization: Organization,
    start: datetime.date,
    end: datetime.date,
    rows: list[ContributionRow],
) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Вклад"
    sheet.append([f"{organization.full_name}: вклад в социальные проекты"])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([f"Период: {start:%d.%m.%Y} — {end:%d.%m.%Y}"])
    sheet.append([])
    sheet.append(
        ["Дата", "Проект", "Организация", "Вид поддержки", "Количество", "Ед.", "Что передано"]
    )
    for cell in sheet[4]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(
            [row.received_on, row.project, row.recipient, row.kind, row.amount, row.unit, row.note]
        )
        sheet.cell(row=sheet.max_row, column=1).number_format = "DD.MM.YYYY"
        sheet.cell(row=sheet.max_row, column=5).number_format = "#,##0.00"
    sheet.append([])
    sheet.append(["Итого деньгами, ₽", None, None, None, money_total(rows)])
    sheet.cell(row=sheet.max_row, column=1).font = Font(bold=True)
    sheet.cell(row=sheet.max_row, column=5).number_format = "#,##0.00"
    for column, width in zip("ABCDEFG", (12, 40, 30, 18, 14, 8, 40), strict=True):
        sheet.column_dimensions[column].width = width
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def contributions_pdf(
    organization: Organization,
    start: datetime.date,
    end: datetime.date,
    rows: list[ContributionRow],
) -> bytes:
    from weasyprint import HTML

    html = render_to_string(
        "projects/contributions_report.html",
        {
            "organization": organization,
            "start": start,
            "end": end,
            "rows": rows,
            "money_total": money_total(rows),
        },
    )
    return bytes(HTML(string=html).write_pdf())
