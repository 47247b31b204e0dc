"""The regional report as an XLSX workbook: a sheet per section, its tables with numbers as numbers."""

import io
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from nkohub.analytics.dashboard import Money, Percent

if TYPE_CHECKING:
    from nkohub.analytics.report import Section


def build_xlsx(sections: "list[Section]", period: str) -> bytes:
    """A sheet per section: its paragraphs, then its tables with their headings; money and shares
    as numbers with Russian formats, so they can be summed."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    workbook.remove(workbook.active)
    bold = Font(bold=True)
    for section in sections:
        sheet = workbook.create_sheet(f"{section.number}. {section.title}"[:31])
        sheet.append([f"{section.number}. {section.title} — {period}"])
        sheet["A1"].font = Font(bold=True, size=14)
        for paragraph in section.paragraphs:
            sheet.append([paragraph])
        if section.html:
            from django.utils.html import strip_tags

            for line in strip_tags(section.html).splitlines():
                if line.strip():
                    sheet.append([line.strip()])
        for table in section.tables:
            sheet.append([])
            sheet.append([table.title])
            sheet.cell(row=sheet.max_row, column=1).font = bold
            sheet.append([str(column) for column in table.columns])
            for cell in sheet[sheet.max_row]:
                cell.font = bold
            for row in table.rows:
                sheet.append([_xlsx_value(value) for value in row])
                for cell, value in zip(sheet[sheet.max_row], row, strict=False):
                    if isinstance(value, Money):
                        cell.number_format = '#,##0.00" ₽"'
                    elif isinstance(value, Percent):
                        cell.number_format = '0.0" %"'
        sheet.column_dimensions["A"].width = 60
        for letter in "BCDEFG":
            sheet.column_dimensions[letter].width = 18
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _xlsx_value(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value) if isinstance(value, Percent) else Decimal(value)
    return value
