"""Reading a spreadsheet of mentions found elsewhere: CSV (as Excel saves it: Windows-1251 or UTF-8,
`;` or `,`) or XLSX. Columns are matched by their headings (Russian or English, any case); each row comes
with its number as the spreadsheet shows it (the header is row 1). What a row means is judged by
services.mentions_import, not here."""

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

from django.utils.translation import gettext as _

from nkohub.core.errors import DomainError
from nkohub.organizations.imports.readers import detect_encoding, normalize_heading

COLUMNS: dict[str, tuple[str, ...]] = {
    "url": ("ссылка", "url", "адрес", "ссылка на публикацию", "link"),
    "outlet": ("издание", "сми", "источник", "outlet", "media"),
    "published_on": ("дата", "дата публикации", "date"),
    "inn": ("инн", "инн организации", "inn"),
    "title": ("заголовок", "название", "title"),
}
REQUIRED = ("url", "outlet", "published_on", "inn")
MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000


@dataclass
class MentionRow:
    line: int
    values: dict[str, str]


def _columns(headings: list[Any]) -> dict[int, str]:
    wanted = {
        normalize_heading(alias): name for name, aliases in COLUMNS.items() for alias in aliases
    }
    columns: dict[int, str] = {}
    for index, heading in enumerate(headings):
        name = wanted.get(normalize_heading(heading))
        if name and name not in columns.values():
            columns[index] = name
    missing = [name for name in REQUIRED if name not in columns.values()]
    if missing:
        raise DomainError(
            _(
                "The file needs the columns «Ссылка», «Издание», «Дата» and «ИНН» in its first row"
                " (and may have «Заголовок»)."
            ),
            field="file",
        )
    return columns


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if hasattr(value, "strftime"):
        return str(value.strftime("%d.%m.%Y"))
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _rows(table: Iterator[list[Any]]) -> Iterator[MentionRow]:
    columns: dict[int, str] | None = None
    for line, row in enumerate(table, start=1):
        if not any(_cell(cell) for cell in row):
            continue
        if columns is None:
            columns = _columns(list(row))
            continue
        if line > MAX_ROWS + 1:
            raise DomainError(
                _("The file has more than %(count)s rows: split it.") % {"count": MAX_ROWS},
                field="file",
            )
        yield MentionRow(
            line=line,
            values={name: _cell(row[index]) for index, name in columns.items() if index < len(row)},
        )
    if columns is None:
        raise DomainError(_("The file is empty."), field="file")


def csv_table(binary: IO[bytes]) -> Iterator[list[Any]]:
    data = binary.read()
    encoding = detect_encoding(data[:65536])
    text = data.decode(encoding, errors="replace")
    first_line = text.splitlines()[0] if text else ""
    delimiter = max((";", ",", "\t"), key=first_line.count)
    yield from csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)


def xlsx_table(binary: IO[bytes]) -> Iterator[list[Any]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(binary.read()), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises several kinds for a broken file
        raise DomainError(
            _("The Excel workbook could not be opened: the file is damaged or not XLSX."),
            field="file",
        ) from error
    try:
        for row in workbook.worksheets[0].iter_rows(values_only=True):
            yield list(row)
    finally:
        workbook.close()


def read_mentions(upload: Any) -> list[MentionRow]:
    """Every row of the file (XLSX by its signature, CSV otherwise), or a DomainError for the file."""
    if upload.size is not None and upload.size > MAX_BYTES:
        raise DomainError(_("The file must be at most 5 MB."), field="file")
    upload.seek(0)
    head = upload.read(4)
    upload.seek(0)
    table = xlsx_table(upload) if head == b"PK\x03\x04" else csv_table(upload)
    return list(_rows(table))
