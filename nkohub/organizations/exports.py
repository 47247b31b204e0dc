"""XLSX export of the directory, streamed: the workbook is written as it is downloaded.

openpyxl (even write-only) builds the whole file before the first byte: the whole registry of 200,000
organisations took minutes with nothing sent, past the proxy's and gunicorn's timeouts. This writes the
Office Open XML parts itself — one sheet of inline strings, a bold header — through the standard
library's zipfile, which can write to a stream that cannot seek (each member ends with a data
descriptor), so the download starts at once and memory stays flat whatever the number of rows.
The file opens in Excel, LibreOffice and openpyxl (the tests read it back with openpyxl).
"""

import re
import zipfile
from collections.abc import Callable, Generator, Iterable
from typing import Any, cast
from xml.sax.saxutils import escape

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="{name}" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
    "</Relationships>"
)
STYLES = (  # style 0: normal; style 1: bold (the header)
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)
SHEET_HEAD = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
)
SHEET_TAIL = "</sheetData></worksheet>"
# Characters XML 1.0 does not allow (control characters pasted from other programs).
NOT_XML_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
ROWS_PER_WRITE = 500


def _row(values: Iterable[Any], style: int = 0) -> str:
    attribute = f' s="{style}"' if style else ""
    cells = "".join(
        f'<c t="inlineStr"{attribute}><is><t xml:space="preserve">'
        f"{escape(NOT_XML_RE.sub('', str(value)))}</t></is></c>"
        for value in values
    )
    return f"<row>{cells}</row>"


class _Collector:
    """Where the zip writes: bytes wait here until the reader takes them."""

    def __init__(self) -> None:
        self.data = bytearray()

    def write(self, data: bytes) -> int:
        self.data += data
        return len(data)

    def flush(self) -> None:
        pass


class StreamedXlsx:
    """A file-like object for FileResponse: each read() writes just enough of the workbook."""

    def __init__(self, parts: Generator[None], collector: _Collector) -> None:
        self._parts, self._collector, self._done = parts, collector, False

    def read(self, size: int = -1) -> bytes:
        buffer = self._collector.data
        while not self._done and (size < 0 or len(buffer) < size):
            try:
                next(self._parts)
            except StopIteration:
                self._done = True
        size = len(buffer) if size < 0 else size
        chunk = bytes(buffer[:size])
        del buffer[:size]
        return chunk

    def close(self) -> None:
        self._parts.close()


def _write(
    collector: _Collector,
    sheet_name: str,
    header: list[str],
    rows: Iterable[list[Any]],
) -> Generator[None]:
    stream = cast(
        Any, collector
    )  # write() and flush() are all zipfile needs of an unseekable stream
    with zipfile.ZipFile(stream, mode="w", compression=zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", CONTENT_TYPES)
        package.writestr("_rels/.rels", ROOT_RELS)
        package.writestr("xl/workbook.xml", WORKBOOK.format(name=escape(sheet_name)))
        package.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        package.writestr("xl/styles.xml", STYLES)
        yield
        with package.open("xl/worksheets/sheet1.xml", mode="w", force_zip64=True) as sheet:
            sheet.write((SHEET_HEAD + _row(header, style=1)).encode())
            batch: list[str] = []
            for row in rows:
                batch.append(_row(row))
                if len(batch) >= ROWS_PER_WRITE:
                    sheet.write("".join(batch).encode())
                    batch.clear()
                    yield
            sheet.write(("".join(batch) + SHEET_TAIL).encode())
    yield


def xlsx_file(organizations: Any, columns: list[tuple[str, Callable[[Any], Any]]]) -> StreamedXlsx:
    rows = (
        [getter(organization) for _title, getter in columns]
        for organization in organizations.iterator(chunk_size=2000)
    )
    collector = _Collector()
    parts = _write(collector, "Организации", [title for title, _getter in columns], rows)
    return StreamedXlsx(parts, collector)
