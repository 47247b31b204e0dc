"""Readers of import files. Each yields `SourceRow`s — a row (or record) number and canonical fields.

Column names are matched case- and punctuation-insensitively against the aliases below (the headings
resource centres and the Ministry of Justice use); an explicit mapping {field: heading} wins. When
several columns could fill one field, the alias listed first wins, not the column met first.
The EGRUL extract has its own reader (`egrul`): its records are nested, not rows of columns.
"""

import codecs
import csv
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Protocol

from django.utils.translation import gettext

from .columns import ALIASES, FIELDS


def normalize_heading(value: Any) -> str:
    text = str(value or "").lower().replace("ё", "е")
    text = re.sub(r"[^0-9a-zа-я]+", " ", text)
    return " ".join(text.split())


_ALIAS_INDEX: dict[str, tuple[str, int]] = {}
for _name, _aliases in ALIASES.items():
    for _rank, _alias in enumerate(_aliases):
        _ALIAS_INDEX.setdefault(normalize_heading(_alias), (_name, _rank))


@dataclass
class SourceRow:
    line: int
    values: dict[str, str]
    # a record the source holds but the registry does not take (EGRUL: a company, another region):
    # the reason's category for the summary, and the detail for the command's verbose output
    excluded: str = ""
    excluded_detail: str = ""


class ReaderError(Exception):
    """The file cannot be read at all (wrong format, no header); shown to the operator as it is."""


def resolve_columns(headings: list[Any], mapping: dict[str, str] | None = None) -> dict[int, str]:
    """Column index → canonical field. Explicit mapping {field: heading} first, then aliases."""
    normalized = [normalize_heading(h) for h in headings]
    columns: dict[int, str] = {}
    for field, heading in (mapping or {}).items():
        if field not in FIELDS:
            raise ReaderError(
                gettext("Unknown field in the column mapping: %(field)s.") % {"field": field}
            )
        wanted = normalize_heading(heading)
        if wanted not in normalized:
            raise ReaderError(
                gettext("The file has no column «%(heading)s» named for the field %(field)s.")
                % {"heading": heading, "field": field}
            )
        columns[normalized.index(wanted)] = field
    taken = set(columns.values())
    best: dict[str, tuple[int, int]] = {}  # field → (rank of its alias, column)
    for index, heading in enumerate(normalized):
        match = _ALIAS_INDEX.get(heading)
        if match is None or index in columns or match[0] in taken:
            continue
        field, rank = match
        if field not in best or rank < best[field][0]:
            best[field] = (rank, index)
    for field, (_rank, index) in best.items():
        columns[index] = field
        taken.add(field)
    if "full_name" not in taken and "ogrn" not in taken and "inn" not in taken:
        raise ReaderError(
            gettext(
                "No column with the name, INN or OGRN was found. Check the row of headings or"
                " map the columns."
            )
        )
    return columns


def detect_encoding(head: bytes) -> str:
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"  # Excel's «Текст Юникод» (tab-separated)
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # a multi-byte character cut at the end of the sample is still UTF-8
        if exc.start < len(head) - 4:
            return "cp1251"
    return "utf-8"


class CountingReader(io.RawIOBase):
    """Wraps a binary file and counts the bytes read (progress of an import)."""

    def __init__(self, raw: IO[bytes]) -> None:
        self.raw = raw
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self.raw.read(len(buffer))
        size = len(data)
        buffer[:size] = data
        self.count += size
        return size


def csv_rows(
    binary: IO[bytes], mapping: dict[str, str] | None = None, *, head: bytes | None = None
) -> Iterator[SourceRow]:
    """CSV in UTF-8 (with or without BOM), Windows-1251 or UTF-16 (Excel's «Unicode text»),
    separated by semicolons, commas or tabs."""
    if head is None:
        head = binary.read(65536)
        binary.seek(0)
    encoding = detect_encoding(head)
    text = io.TextIOWrapper(binary, encoding=encoding, errors="replace", newline="")
    sample = head.decode(encoding, errors="ignore")
    first_line = sample.splitlines()[0] if sample else ""
    delimiter = max((";", ",", "\t"), key=first_line.count)
    reader = csv.reader(text, delimiter=delimiter)
    try:
        headings = next(reader)
    except StopIteration as exc:
        raise ReaderError(gettext("The file is empty.")) from exc
    columns = resolve_columns(headings, mapping)
    # numbered as the spreadsheet numbers its rows (the header is row 1), not by physical lines:
    # a cell with line breaks (Alt+Enter in Excel) spans several lines of the file
    for number, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        values = {field: row[index].strip() for index, field in columns.items() if index < len(row)}
        yield SourceRow(line=number, values=values)


def xlsx_rows(path: Path, mapping: dict[str, str] | None = None) -> Iterator[SourceRow]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises several kinds for a broken file
        raise ReaderError(
            gettext("The Excel workbook could not be opened: the file is damaged or not XLSX.")
        ) from exc
    try:
        sheet = workbook.worksheets[0]
        columns: dict[int, str] | None = None
        for line, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            if not any(cell not in (None, "") for cell in row):
                continue
            if columns is None:
                columns = resolve_columns(list(row), mapping)
                continue
            values = {}
            for index, field in columns.items():
                if index < len(row) and row[index] is not None:
                    cell = row[index]
                    if hasattr(cell, "strftime"):
                        values[field] = cell.strftime("%d.%m.%Y")
                    elif isinstance(cell, float) and cell.is_integer():
                        values[field] = str(int(cell))
                    else:
                        values[field] = str(cell).strip()
            yield SourceRow(line=line, values=values)
        if columns is None:
            raise ReaderError(gettext("The workbook has no row of headings."))
    finally:
        workbook.close()


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


class _XmlRecords:
    """Collects flat records from expat events; refuses DTDs and entities (no XML bombs)."""

    def __init__(self) -> None:
        self.stack: list[dict[str, Any]] = []
        self.records: list[tuple[list[str], list[str]]] = []

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        self.stack.append(
            {"tag": _local(tag), "attrs": attrs, "children": [], "text": [], "nested": False}
        )

    def data(self, text: str) -> None:
        if self.stack:
            self.stack[-1]["text"].append(text)

    def end(self, tag: str) -> None:
        frame = self.stack.pop()
        parent = self.stack[-1] if self.stack else None
        if not frame["children"] and not frame["nested"]:
            if parent is not None:
                parent["children"].append((frame["tag"], "".join(frame["text"]).strip()))
            if frame["attrs"]:
                self.records.append(
                    (list(frame["attrs"]), [str(v).strip() for v in frame["attrs"].values()])
                )
            return
        if parent is not None:
            parent["nested"] = True
        if not frame["nested"]:
            self.records.append(
                ([n for n, _ in frame["children"]], [v for _, v in frame["children"]])
            )


def _refuse_dtd(*_args: Any) -> None:
    raise ReaderError(
        gettext("The XML file declares a DTD or entities; such files are not accepted.")
    )


class XmlCollector(Protocol):
    records: list[Any]

    def start(self, tag: str, attrs: dict[str, str]) -> None: ...
    def end(self, tag: str) -> None: ...
    def data(self, text: str) -> None: ...


def stream_xml(binary: IO[bytes], collector: XmlCollector) -> Iterator[list[Any]]:
    """Feed the file to expat in 64 KB chunks; after each chunk, hand over the records the
    collector completed (and forget them), so memory stays flat whatever the file's size.

    A document type declaration or an entity declaration is refused outright: no XML bomb
    (billion laughs, external entities) gets as far as being expanded. Expat reads UTF-8 and,
    through Python's codecs, the single-byte encodings such as windows-1251 the tax service uses.
    """
    from xml.parsers import expat

    parser = expat.ParserCreate()
    parser.StartElementHandler = collector.start
    parser.EndElementHandler = collector.end
    parser.CharacterDataHandler = collector.data
    parser.StartDoctypeDeclHandler = _refuse_dtd
    parser.EntityDeclHandler = _refuse_dtd
    parser.buffer_text = True
    finished = False
    while not finished:
        chunk = binary.read(65536)
        finished = not chunk
        try:
            parser.Parse(chunk, finished)
        except expat.ExpatError as exc:
            raise ReaderError(
                gettext("The XML file is damaged: %(error)s.") % {"error": exc}
            ) from exc
        records, collector.records = collector.records, []
        yield records


def minjust_xml_rows(
    binary: IO[bytes], mapping: dict[str, str] | None = None
) -> Iterator[SourceRow]:
    """The open-data XML: a list of records, each a flat element with one child (or attribute) per field.

    The record element's name does not matter; a record is an element whose children or attributes
    map to an OGRN, INN or full name. Streamed through expat in 64 KB chunks: memory stays flat.
    """
    number = 0
    for records in stream_xml(binary, _XmlRecords()):
        for names, values_in in records:
            try:
                columns = resolve_columns(names, mapping)
            except ReaderError:
                continue
            number += 1
            values = {
                field: values_in[index] for index, field in columns.items() if values_in[index]
            }
            yield SourceRow(line=number, values=values)
    if number == 0:
        raise ReaderError(
            gettext(
                "No records of organisations (with an OGRN, INN or name) were found in the XML file."
            )
        )


HEAD_BYTES = 8192  # what format detection reads of a file
# an EGRUL extract names its records СвЮЛ, whatever its root (EGRUL, ВыпЕГРЮЛ, Файл/Документ)
EGRUL_MARKERS = (
    b"<EGRUL",
    *(m.encode(encoding) for m in ("<СвЮЛ", "<ВыпЕГРЮЛ") for encoding in ("utf-8", "cp1251")),
)


def detect_format(name: str, head: bytes) -> str:
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if head.startswith(b"PK\x03\x04") or extension == "xlsx":
        return "xlsx"
    if head.lstrip(codecs.BOM_UTF8).lstrip().startswith(b"<") or extension == "xml":
        return "egrul-xml" if any(marker in head for marker in EGRUL_MARKERS) else "minjust-xml"
    return "csv"


def open_rows(
    path: Path, fmt: str, mapping: dict[str, str] | None = None, *, region_code: str | None = None
) -> tuple[Iterator[SourceRow], Callable[[], int], Callable[[], None]]:
    """Rows of the file, a function telling how many bytes were read so far, and a closer.

    `region_code`: an EGRUL extract keeps only that region's organisations (the others come
    marked as excluded)."""
    binary = path.open("rb")
    if fmt == "auto":
        fmt = detect_format(path.name, binary.read(HEAD_BYTES))
        binary.seek(0)
    if fmt == "xlsx":
        binary.close()
        size = path.stat().st_size
        done = {"n": 0}

        def xlsx_iter() -> Iterator[SourceRow]:
            yield from xlsx_rows(path, mapping)
            done["n"] = size

        return xlsx_iter(), lambda: done["n"], lambda: None
    head = binary.read(65536)
    binary.seek(0)
    counting = CountingReader(binary)
    buffered = io.BufferedReader(counting, buffer_size=256 * 1024)
    if fmt == "minjust-xml":
        rows = minjust_xml_rows(buffered, mapping)
    elif fmt == "egrul-xml":
        from nkohub.organizations.imports.egrul import egrul_rows  # it reads with this module

        rows = egrul_rows(buffered, region_code=region_code)
    else:
        rows = csv_rows(buffered, mapping, head=head)
    return rows, lambda: counting.count, binary.close
