"""What an attached file may be: a document or a picture of a sensible size, checked by its contents
(appeal attachments, consultation questions), scanned by ClamAV when it is installed
(`core.antivirus`), and the form field that takes several of them."""

from pathlib import Path
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from nkohub.core.antivirus import validate_clean

MAX_FILE_SIZE = 10 * 1024 * 1024
MAX_FILES = 5

# extension → the first bytes a genuine file of that type starts with (None: plain text, no signature)
ALLOWED: dict[str, tuple[bytes, ...] | None] = {
    ".pdf": (b"%PDF",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".docx": (b"PK\x03\x04",),
    ".xlsx": (b"PK\x03\x04",),
    ".odt": (b"PK\x03\x04",),
    ".ods": (b"PK\x03\x04",),
    ".doc": (b"\xd0\xcf\x11\xe0",),
    ".xls": (b"\xd0\xcf\x11\xe0",),
    ".rtf": (b"{\\rtf",),
    ".txt": None,
}


def validate_attachment(upload: UploadedFile) -> None:
    name = upload.name or ""
    extension = Path(name).suffix.lower()
    if extension not in ALLOWED:
        raise ValidationError(
            _(
                "«%(name)s»: this type of file is not accepted. Attach PDF, Word, Excel, OpenDocument, RTF, text or JPEG/PNG pictures."
            )
            % {"name": name},
            code="file_type",
        )
    if upload.size is not None and upload.size > MAX_FILE_SIZE:
        raise ValidationError(
            _("«%(name)s» is larger than %(limit)s.")
            % {"name": name, "limit": filesizeformat(MAX_FILE_SIZE)},
            code="file_size",
        )
    if not upload.size:
        raise ValidationError(_("«%(name)s» is empty.") % {"name": name}, code="file_empty")
    signatures = ALLOWED[extension]
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if signatures is None:
        if b"\x00" in head:
            raise ValidationError(
                _("«%(name)s» is not a text file.") % {"name": name}, code="file_content"
            )
        validate_clean(upload)
        return
    if not any(head.startswith(signature) for signature in signatures):
        raise ValidationError(
            _("«%(name)s» does not look like a %(type)s file: its contents do not match its name.")
            % {"name": name, "type": extension[1:].upper()},
            code="file_content",
        )
    validate_clean(upload)


def validate_attachments(uploads: list[UploadedFile]) -> None:
    if len(uploads) > MAX_FILES:
        raise ValidationError(
            _("Attach at most %(count)d files.") % {"count": MAX_FILES}, code="too_many_files"
        )
    errors: list[ValidationError] = []
    for upload in uploads:
        try:
            validate_attachment(upload)
        except ValidationError as error:
            errors.append(error)
    if errors:
        raise ValidationError(errors)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input; each is checked by `validate_attachments`."""

    widget = MultipleFileInput

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "help_text",
            gettext_lazy(
                "Up to %(count)d files of 10 MB: PDF, Word, Excel, OpenDocument, RTF, text, JPEG or PNG."
            )
            % {"count": MAX_FILES},
        )
        super().__init__(**kwargs)
        self.widget.attrs.setdefault(
            "accept", ".pdf,.doc,.docx,.odt,.rtf,.txt,.xls,.xlsx,.ods,.jpg,.jpeg,.png"
        )

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile]:
        files = [f for f in (data if isinstance(data, (list, tuple)) else [data]) if f]
        if not files and self.required:
            raise ValidationError(self.error_messages["required"], code="required")
        validate_attachments(files)
        return files
