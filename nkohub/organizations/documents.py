"""Checks of uploaded files before anything is stored: supporting documents of claims, import files."""

import codecs

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from nkohub.core.antivirus import validate_clean

# extension → the bytes such a file starts with
DOCUMENT_SIGNATURES: dict[str, tuple[bytes, ...]] = {
    "pdf": (b"%PDF-",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "png": (b"\x89PNG\r\n\x1a\n",),
}
IMPORT_EXTENSIONS = ("csv", "txt", "xlsx", "xml")
XLSX_SIGNATURE = b"PK\x03\x04"


def _extension(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def _head(upload: UploadedFile, size: int = 16) -> bytes:
    upload.seek(0)
    head = upload.read(size)
    upload.seek(0)
    return head if isinstance(head, bytes) else head.encode()


def validate_claim_document(upload: UploadedFile) -> None:
    """PDF, JPEG or PNG up to UPLOAD_MAX_BYTES, whose content matches its extension."""
    limit = settings.UPLOAD_MAX_BYTES
    if upload.size is not None and upload.size > limit:
        raise ValidationError(
            _("The file is too large: %(size)s MB, at most %(limit)s MB allowed.")
            % {
                "size": format(upload.size / 1024 / 1024, ".1f"),
                "limit": format(limit / 1024 / 1024, ".0f"),
            }
        )
    if not upload.size:
        raise ValidationError(_("The file is empty."))
    extension = _extension(upload.name or "")
    if extension not in DOCUMENT_SIGNATURES:
        raise ValidationError(_("Attach a document as PDF, JPG or PNG."))
    if not _head(upload).startswith(DOCUMENT_SIGNATURES[extension]):
        raise ValidationError(
            _("The file's content does not match its extension: attach a real PDF, JPG or PNG.")
        )
    validate_clean(upload)


def validate_import_file(upload: UploadedFile) -> None:
    limit = settings.ORGANIZATIONS_IMPORT_MAX_BYTES
    if upload.size is not None and upload.size > limit:
        raise ValidationError(
            _("The file is too large: at most %(limit)s MB allowed.")
            % {"limit": format(limit / 1024 / 1024, ".0f")}
        )
    if not upload.size:
        raise ValidationError(_("The file is empty."))
    extension = _extension(upload.name or "")
    if extension not in IMPORT_EXTENSIONS:
        raise ValidationError(_("Upload a CSV, XLSX or XML file."))
    head = _head(upload, 512)
    if extension == "xlsx" and not head.startswith(XLSX_SIGNATURE):
        raise ValidationError(_("The file does not look like an Excel workbook (XLSX)."))
    utf16 = head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))  # Excel's «Текст Юникод»
    if extension in ("csv", "txt", "xml") and b"\x00" in head and not utf16:
        raise ValidationError(_("The file does not look like a text CSV or XML."))
    validate_clean(upload)
