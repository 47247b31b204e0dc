"""Private uploads: claim documents, appeal attachments, import files.

They hold personal data, so they never live under MEDIA_ROOT (which nginx, or the development server,
serves to anyone with the link): they go to PRIVATE_MEDIA_ROOT through the `private` storage of STORAGES,
and reach people only through the views that check who may read them (each returns a FileResponse).
Such a storage has no URL at all: `url()` raises, so a template cannot leak a direct link by mistake.

    document = models.FileField(upload_to=..., storage=private_storage)
"""

import logging
import shutil
import unicodedata
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.utils.functional import cached_property

logger = logging.getLogger(__name__)

ORIGINAL_NAME_MAX_LENGTH = 255


class PrivateFileSystemStorage(FileSystemStorage):
    """FileSystemStorage at PRIVATE_MEDIA_ROOT (unless given a location) without public URLs."""

    @cached_property
    def base_location(self) -> Any:
        location = getattr(self, "_location", None)
        return self._value_or_setting(location, settings.PRIVATE_MEDIA_ROOT)

    def _clear_cached_properties(self, setting: Any, **kwargs: Any) -> None:
        super()._clear_cached_properties(setting, **kwargs)
        if setting == "PRIVATE_MEDIA_ROOT":
            self.__dict__.pop("base_location", None)
            self.__dict__.pop("location", None)

    def url(self, name: str | None) -> str:
        raise ValueError(
            "Private files have no public URL; link to the view that checks the permission."
        )


def private_storage() -> Storage:
    """The storage of private uploads (a callable, so that settings and tests may swap it)."""
    return storages["private"]


def original_filename(name: str | None, *, fallback: str = "file") -> str:
    """The name a person's file had on their computer, safe to keep and to send back in a download.

    Keeps the letters (Cyrillic included) and the extension; drops folders (browsers on Windows used to send
    `C:\\Users\\…\\file.pdf`), control characters and NUL; cuts to 255 characters keeping the extension.
    The download's Content-Disposition is encoded by Django's FileResponse (RFC 6266 / 5987 `filename*`).
    """
    raw = str(name or "")
    raw = PureWindowsPath(PurePosixPath(raw).name).name
    cleaned = "".join(
        ch for ch in unicodedata.normalize("NFC", raw) if unicodedata.category(ch)[0] != "C"
    ).strip(" .")
    if not cleaned:
        return fallback
    if len(cleaned) > ORIGINAL_NAME_MAX_LENGTH:
        stem, dot, extension = cleaned.rpartition(".")
        if dot and 0 < len(extension) <= 10:
            cleaned = stem[: ORIGINAL_NAME_MAX_LENGTH - len(extension) - 1] + "." + extension
        else:
            cleaned = cleaned[:ORIGINAL_NAME_MAX_LENGTH]
    return cleaned


def move_to_private_storage(names: list[str], *, public_root: Path, private_root: Path) -> int:
    """Move files (storage names) from under MEDIA_ROOT to PRIVATE_MEDIA_ROOT; for data migrations.

    Idempotent: a file already moved, or missing on this machine, is left alone. Returns how many moved.
    """
    moved = 0
    for name in names:
        if not name:
            continue
        source, target = public_root / name, private_root / name
        if not source.is_file() or target.exists():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(source), str(target))
        moved += 1
    if moved:
        logger.warning("Moved %s private files from %s to %s", moved, public_root, private_root)
    return moved


def move_files_operation(app_label: str, model_name: str, *fields: str) -> Any:
    """A RunPython operation moving the files of `fields` into private storage (and back on reverse)."""
    from django.db import migrations

    def names(apps: Any) -> list[str]:
        model = apps.get_model(app_label, model_name)
        found: list[str] = []
        for field in fields:
            found.extend(
                str(n) for n in model.objects.exclude(**{field: ""}).values_list(field, flat=True)
            )
        return found

    def forward(apps: Any, schema_editor: Any) -> None:
        move_to_private_storage(
            names(apps),
            public_root=Path(settings.MEDIA_ROOT),
            private_root=Path(settings.PRIVATE_MEDIA_ROOT),
        )

    def backward(apps: Any, schema_editor: Any) -> None:
        move_to_private_storage(
            names(apps),
            public_root=Path(settings.PRIVATE_MEDIA_ROOT),
            private_root=Path(settings.MEDIA_ROOT),
        )

    return migrations.RunPython(forward, backward, elidable=False)
