"""The directory's XLSX is written as it is downloaded, and opens as a normal workbook."""

import io
from typing import Any

import pytest
from openpyxl import load_workbook

from nkohub.organizations.exports import xlsx_file
from nkohub.organizations.models import Organization
from nkohub.organizations.tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db

COLUMNS = [("Полное наименование", lambda o: o.full_name), ("ИНН", lambda o: o.inn or "")]


class CountingRows:
    """A queryset stand-in that counts how many rows the export has taken so far."""

    def __init__(self, rows: list[Any]) -> None:
        self.rows, self.taken = rows, 0

    def iterator(self, chunk_size: int) -> Any:
        for row in self.rows:
            self.taken += 1
            yield row


def test_the_first_bytes_leave_before_the_rows_are_all_read() -> None:
    rows = CountingRows([Organization(full_name=f"Организация {n}", inn="") for n in range(5000)])
    stream = xlsx_file(rows, COLUMNS)
    assert stream.read(512).startswith(b"PK")  # a ZIP, as XLSX is
    assert rows.taken < len(rows.rows)
    rest = stream.read()
    assert rows.taken == len(rows.rows)
    assert len(rest) > 0


def test_the_workbook_opens_with_every_row_and_a_bold_header() -> None:
    OrganizationFactory(full_name="Фонд «Милосердие»\x0b с управляющим символом", inn="4066750788")
    OrganizationFactory(full_name='АНО "Знание" & <партнёры>')
    workbook = load_workbook(
        io.BytesIO(xlsx_file(Organization.objects.order_by("pk"), COLUMNS).read())
    )
    sheet = workbook.active
    assert sheet.title == "Организации"
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Полное наименование", "ИНН")
    assert sheet["A1"].font.b
    assert rows[1] == ("Фонд «Милосердие» с управляющим символом", "4066750788")
    assert rows[2][0] == 'АНО "Знание" & <партнёры>'
    assert str(rows[2][1]).isdigit()
