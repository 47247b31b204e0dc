"""XLSX export of the directory: written row by row (openpyxl write-only) into a temporary file."""

import tempfile
from collections.abc import Callable
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.styles import Font


def xlsx_file(organizations: Any, columns: list[tuple[str, Callable[[Any], Any]]]) -> IO[bytes]:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Организации")
    header = []
    for title, _getter in columns:
        from openpyxl.cell import WriteOnlyCell

        cell = WriteOnlyCell(sheet, value=title)
        cell.font = Font(bold=True)
        header.append(cell)
    sheet.append(header)
    for organization in organizations.iterator(chunk_size=2000):
        sheet.append([getter(organization) for _, getter in columns])
    output = tempfile.TemporaryFile()  # noqa: SIM115 — handed to FileResponse, which closes it
    workbook.save(output)
    output.seek(0)
    return output
