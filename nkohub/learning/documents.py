"""Files of the library: what an upload really is (judged by its content, before it is stored), its
text for search and the preview, and a PNG of a PDF's first page.

    file_format = check_material_file(upload)   # in the form and again in the service; ValidationError
    text = extract_text(path, file_format)      # in the background task
    png = first_page_png(path)                  # bytes, or raises PreviewToolMissing / PreviewFailed

A name that lies about its content («отчёт.pdf» that is a ZIP, «шаблон.docx» that is a PDF) is refused.
Office files are ZIP packages and are told apart by the part each one must have; only bounded amounts
are ever decompressed, so a ZIP bomb costs nothing. The PDF tools are poppler's pdftoppm and pdftotext,
run with a timeout; without them the material is kept and the page says the preview is missing.

XML of office files is read with the standard library: ElementTree resolves no external entities, and
expat (2.4.1 and later) refuses entity-expansion bombs; at most XML_BYTES of a part are read at all.
"""

import re
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path
from typing import IO, Any
from xml.etree import ElementTree

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from nkohub.core.antivirus import validate_clean

MAX_MATERIAL_BYTES = 30 * 1024 * 1024
PREVIEW_CHARS = 1_500
CONTENT_CHARS = 100_000
XML_BYTES = 8 * 1024 * 1024  # at most this much of an office file's text part is decompressed
TOOL_SECONDS = 30
PREVIEW_WIDTH = 800

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# extension → (what it is called, how its content is recognised)
FORMATS: dict[str, str] = {
    "pdf": "PDF",
    "docx": "Word (DOCX)",
    "xlsx": "Excel (XLSX)",
    "pptx": "PowerPoint (PPTX)",
    "odt": "OpenDocument (ODT)",
    "ods": "OpenDocument (ODS)",
    "odp": "OpenDocument (ODP)",
    "doc": "Word (DOC)",
    "xls": "Excel (XLS)",
    "ppt": "PowerPoint (PPT)",
    "rtf": "RTF",
    "txt": "TXT",
    "csv": "CSV",
}
ZIP_PARTS = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml", "pptx": "ppt/presentation.xml"}
ODF_TYPES = {
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
}
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    **ODF_TYPES,
    "doc": "application/msword",
    "xls": "application/vnd.ms-excel",
    "ppt": "application/vnd.ms-powerpoint",
    "rtf": "application/rtf",
    "txt": "text/plain; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
}
TEXT_FORMATS = ("txt", "csv")
TEXT_PREVIEW_FORMATS = ("pdf", "docx", "odt", "txt", "csv", "pptx", "odp")


class PreviewToolMissing(Exception):
    """pdftoppm or pdftotext is not installed on this server."""


class PreviewFailed(Exception):
    """The file could not be read to make a preview."""


def extension_of(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def _head(upload: Any, size: int) -> bytes:
    upload.seek(0)
    head = upload.read(size)
    upload.seek(0)
    return head if isinstance(head, bytes) else head.encode()


def decode_text(data: bytes) -> str | None:
    """Text in UTF-8 (with or without a BOM) or, failing that, Windows-1251, as Russian Windows saves it;
    None when the bytes are not text."""
    if b"\x00" in data:
        return None
    for encoding in ("utf-8-sig", "cp1251"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def _zip_kind(upload: Any) -> str | None:
    """Which office format a ZIP package is, from the parts it holds."""
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as package:
            names = set(package.namelist())
            for extension, part in ZIP_PARTS.items():
                if part in names:
                    return extension
            if "mimetype" in names:
                mimetype = package.open("mimetype").read(100).decode("ascii", "replace").strip()
                for extension, odf_type in ODF_TYPES.items():
                    if mimetype == odf_type:
                        return extension
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError, NotImplementedError):
        return None
    finally:
        upload.seek(0)
    return None


def detect_format(upload: Any) -> str | None:
    """The format the content really has (an extension of FORMATS), or None."""
    head = _head(upload, 8)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(upload)
    if head.startswith(OLE):
        return "ole"  # Word, Excel and PowerPoint 97–2003 share one container
    if head.startswith(b"{\\rtf"):
        return "rtf"
    return "text" if decode_text(_head(upload, 64 * 1024)) is not None else None


def is_video(upload: Any) -> bool:
    """An MP4/MOV (`ftyp` box), WebM/Matroska (EBML) or Ogg file, judged by its first bytes."""
    head = _head(upload, 12)
    return head[4:8] == b"ftyp" or head.startswith((b"\x1a\x45\xdf\xa3", b"OggS"))


def check_material_file(upload: Any, *, max_bytes: int = MAX_MATERIAL_BYTES) -> str:
    """The file's format when it is one the library takes, of a sensible size, its content is what its
    name says and ClamAV (when installed) finds nothing in it; ValidationError otherwise. Nothing is
    stored. Lesson files are checked by it too."""
    name = upload.name or ""
    extension = extension_of(name)
    if extension not in FORMATS:
        raise ValidationError(
            _(
                "This type of file is not accepted. Upload PDF, Word, Excel, PowerPoint, "
                "OpenDocument, RTF, TXT or CSV."
            ),
            code="file_type",
        )
    if upload.size is not None and upload.size > max_bytes:
        raise ValidationError(
            _("The file is larger than %(limit)s.") % {"limit": filesizeformat(max_bytes)},
            code="file_size",
        )
    if not upload.size:
        raise ValidationError(_("The file is empty."), code="file_empty")
    found = detect_format(upload)
    expected = {"doc": "ole", "xls": "ole", "ppt": "ole", "txt": "text", "csv": "text"}
    if found != expected.get(extension, extension):
        raise ValidationError(
            _(
                "«%(name)s» is not a %(format)s file: its content does not match its name. "
                "Save it again in this format or give it the right extension."
            )
            % {"name": name, "format": FORMATS[extension]},
            code="file_content",
        )
    validate_clean(upload)
    return extension


# --- text --------------------------------------------------------------------------------------
_SPACES = re.compile(r"[ \t\u00a0]+")
_BLANK_LINES = re.compile(r"\n{3,}")


def tidy(text: str) -> str:
    lines = [_SPACES.sub(" ", line).strip() for line in text.replace("\r", "").split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def _xml_paragraphs(data: bytes, paragraph_tags: tuple[str, ...], text_tag: str) -> list[str]:
    """The text of each paragraph of an office XML part (by local tag names, whatever the namespace)."""
    paragraphs: list[str] = []
    current: list[str] = []
    try:
        events = ElementTree.iterparse(_bytes_io(data), events=("start", "end"))  # noqa: S314
        for event, element in events:
            tag = element.tag.rsplit("}", 1)[-1]
            if event == "start" and tag in paragraph_tags:
                current = []
            elif event == "end" and tag == text_tag and element.text:
                current.append(element.text)
            elif event == "end" and tag in ("tab",):
                current.append("\t")
            elif event == "end" and tag in paragraph_tags:
                paragraphs.append("".join(current))
                current = []
                element.clear()
    except ElementTree.ParseError:
        pass
    return paragraphs


def _bytes_io(data: bytes) -> IO[bytes]:
    import io

    return io.BytesIO(data)


def _zip_part(package: zipfile.ZipFile, name: str) -> bytes:
    with package.open(name) as part:
        return part.read(XML_BYTES)


def _office_text(path: Path, file_format: str) -> str:
    with zipfile.ZipFile(path) as package:
        names = package.namelist()
        if file_format == "docx":
            return "\n".join(_xml_paragraphs(_zip_part(package, "word/document.xml"), ("p",), "t"))
        if file_format in ODF_TYPES:
            return _odf_text(_zip_part(package, "content.xml"))
        if file_format == "pptx":
            slides = sorted(
                (n for n in names if re.fullmatch(r"ppt/slides/slide\d+\.xml", n)),
                key=lambda n: int(re.sub(r"\D", "", n)),
            )
            return "\n\n".join(
                "\n".join(_xml_paragraphs(_zip_part(package, n), ("p",), "t")) for n in slides[:200]
            )
        if file_format == "xlsx" and "xl/sharedStrings.xml" in names:
            return "\n".join(
                _xml_paragraphs(_zip_part(package, "xl/sharedStrings.xml"), ("si",), "t")
            )
    return ""


def _odf_text(data: bytes) -> str:
    """OpenDocument keeps text directly in <text:p> and <text:span>: all text of each paragraph."""
    paragraphs = []
    try:
        root = ElementTree.fromstring(data)  # noqa: S314 - see the module's note on XML
    except ElementTree.ParseError:
        return ""
    for element in root.iter():
        if element.tag.rsplit("}", 1)[-1] in ("p", "h"):
            paragraphs.append("".join(element.itertext()))
    return "\n".join(paragraphs)


def _pdf_text(path: Path) -> str:
    tool = shutil.which("pdftotext")
    if tool is None:
        raise PreviewToolMissing("pdftotext")
    try:
        done = subprocess.run(  # noqa: S603 - a fixed tool on a file we stored
            [tool, "-enc", "UTF-8", "-l", "50", str(path), "-"],
            capture_output=True,
            timeout=TOOL_SECONDS,
            check=True,
        )
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as error:
        raise PreviewFailed(str(error)) from error
    return done.stdout.decode("utf-8", "replace").replace("\f", "\n\n")


def extract_text(path: Path, file_format: str) -> str:
    """The file's text, tidied and cut to CONTENT_CHARS ("" for formats whose text is not read)."""
    if file_format == "pdf":
        text = _pdf_text(path)
    elif file_format in TEXT_FORMATS:
        with path.open("rb") as handle:
            text = decode_text(handle.read(CONTENT_CHARS * 2)) or ""
    elif file_format in (*ZIP_PARTS, *ODF_TYPES):
        try:
            text = _office_text(path, file_format)
        except (zipfile.BadZipFile, KeyError, OSError) as error:
            raise PreviewFailed(str(error)) from error
    else:
        return ""
    return tidy(text)[:CONTENT_CHARS]


def preview_of(text: str) -> str:
    """The beginning of the text for the page: whole paragraphs up to PREVIEW_CHARS."""
    if len(text) <= PREVIEW_CHARS:
        return text
    cut = text[:PREVIEW_CHARS]
    end = max(cut.rfind("\n"), cut.rfind(". "))
    return (cut[: end + 1] if end > PREVIEW_CHARS // 2 else cut).rstrip() + " …"


# --- the first page ----------------------------------------------------------------------------
def first_page_png(path: Path) -> bytes:
    """The first page of a PDF as a PNG PREVIEW_WIDTH pixels wide (pdftoppm)."""
    tool = shutil.which("pdftoppm")
    if tool is None:
        raise PreviewToolMissing("pdftoppm")
    with tempfile.TemporaryDirectory(prefix="nkohub-preview-") as folder:
        target = Path(folder) / "page"
        try:
            subprocess.run(  # noqa: S603 - a fixed tool on a file we stored
                [
                    tool,
                    *("-png", "-f", "1", "-l", "1", "-singlefile"),
                    *("-scale-to-x", str(PREVIEW_WIDTH), "-scale-to-y", "-1"),
                    str(path),
                    str(target),
                ],
                capture_output=True,
                timeout=TOOL_SECONDS,
                check=True,
            )
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as error:
            raise PreviewFailed(str(error)) from error
        made = target.with_suffix(".png")
        if not made.exists():
            raise PreviewFailed("pdftoppm made no page")
        return made.read_bytes()
