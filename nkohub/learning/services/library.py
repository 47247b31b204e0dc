"""The library: uploading a material (checked by its content before anything is stored), editing and
publishing it, counting its downloads, making its preview in the background, attaching it to lessons.
"""

import logging
import re
import secrets
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from nkohub.core.audit import audit_log, diff_fields
from nkohub.core.errors import DomainError
from nkohub.core.storage import original_filename
from nkohub.learning import documents
from nkohub.learning.models import Lesson, Material, MaterialTag, Topic
from nkohub.notifications.background import enqueue_on_commit
from nkohub.organizations.search import search_text_for

from ._shared import _full_clean, _move_status

if TYPE_CHECKING:
    from nkohub.accounts.models import User

logger = logging.getLogger(__name__)

MATERIAL_FIELDS = ("title", "description", "kind")
MAX_TAGS = 10
_TAG_SEPARATORS = re.compile(r"[,;\n]+")


def parse_tags(text: str) -> list[str]:
    """«Бюджет, шаблон договора; НКО» → ["бюджет", "шаблон договора", "нко"]: lower case, each once."""
    found: dict[str, None] = {}
    for part in _TAG_SEPARATORS.split(text or ""):
        name = " ".join(part.split()).lower()[:60]
        if name:
            found.setdefault(name, None)
    return list(found)[:MAX_TAGS]


def _checked(upload: UploadedFile) -> str:
    try:
        return documents.check_material_file(upload)
    except ValidationError as error:
        raise DomainError(error.messages[0], field="upload") from error


def _store(material: Material, upload: UploadedFile, file_format: str) -> None:
    """Put the checked upload in the material under a random name; the original name is kept."""
    material.original_name = original_filename(upload.name, fallback=f"material.{file_format}")
    material.file_format = file_format
    material.size = upload.size or 0
    material.preview_status = Material.Preview.PENDING
    material.preview_image = ""
    material.preview_text = ""
    material.content_text = ""
    material.file.save(f"{secrets.token_hex(8)}.{file_format}", upload, save=False)


def _search_text(material: Material, tag_names: Iterable[str]) -> str:
    text = search_text_for(
        material.title,
        material.description,
        " ".join(tag_names),
        material.original_name.rsplit(".", 1)[0],
        material.content_text,
    )
    return f" {text} " if text else ""


def _set_tags(material: Material, names: list[str]) -> list[str]:
    tags = []
    for name in names:
        tag, _created = MaterialTag.objects.get_or_create(name=name)
        tags.append(tag)
    material.tags.set(tags)
    return names


def _save_new_file(material: Material, stored: str) -> None:
    """Save the row; if it cannot be saved, the file just stored goes too (nothing half-written)."""
    try:
        material.save()
    except Exception:
        material.file.storage.delete(stored)
        raise


@transaction.atomic
def material_create(
    *,
    actor: "User",
    upload: UploadedFile,
    topics: Iterable[Topic] = (),
    tags: str = "",
    **fields: Any,
) -> Material:
    file_format = _checked(upload)
    material = Material(created_by=actor, **{k: fields[k] for k in MATERIAL_FIELDS if k in fields})
    material.original_name = original_filename(upload.name)
    material.file_format = file_format
    _full_clean(material, exclude=["file"])
    _store(material, upload, file_format)
    tag_names = parse_tags(tags)
    material.search_text = _search_text(material, tag_names)
    _save_new_file(material, str(material.file.name))
    material.topics.set(list(topics))
    _set_tags(material, tag_names)
    audit_log(
        actor=actor,
        action="learning.material.create",
        obj=material,
        changes={"file": material.original_name},
    )
    _enqueue_preview(material)
    return material


@transaction.atomic
def material_update(
    *,
    actor: "User",
    material: Material,
    upload: UploadedFile | None = None,
    topics: Iterable[Topic] | None = None,
    tags: str | None = None,
    **fields: Any,
) -> Material:
    """Change the description, topics, tags or the file; a new file gets a new preview."""
    before = Material.objects.get(pk=material.pk)
    old_files = [name for name in (before.file.name, before.preview_image.name) if name]
    for name in MATERIAL_FIELDS:
        if name in fields:
            setattr(material, name, fields[name])
    file_format = _checked(upload) if upload is not None else ""
    _full_clean(material, exclude=["file", "preview_image"])
    changes: dict[str, Any] = diff_fields(before, material, ["title", "kind"])
    if before.description != material.description:
        changes["description"] = _("text changed")
    if upload is not None:
        _store(material, upload, file_format)
        changes["file"] = [before.original_name, material.original_name]
    if topics is not None:
        old = sorted(t.name for t in before.topics.all())
        material.topics.set(list(topics))
        new = sorted(t.name for t in material.topics.all())
        if old != new:
            changes["topics"] = [", ".join(old), ", ".join(new)]
    old_tags = sorted(t.name for t in before.tags.all())
    tag_names = old_tags
    if tags is not None:
        tag_names = _set_tags(material, parse_tags(tags))
        if sorted(tag_names) != old_tags:
            changes["tags"] = [", ".join(old_tags), ", ".join(sorted(tag_names))]
    material.search_text = _search_text(material, tag_names)
    if upload is not None:
        _save_new_file(material, str(material.file.name))
        storage = material.file.storage

        def delete_old() -> None:
            for name in old_files:
                storage.delete(name)

        transaction.on_commit(delete_old)
        _enqueue_preview(material)
    else:
        material.save()
    if changes:
        audit_log(actor=actor, action="learning.material.update", obj=material, changes=changes)
    return material


@transaction.atomic
def material_set_status(*, actor: "User", material: Material, status: str) -> Material:
    _move_status(
        material,
        status,
        actor=actor,
        action="learning.material.status",
        refusal=_("The material cannot move to this status."),
    )
    return material


def material_download_count(*, material: Material) -> None:
    """One more download, counted in the database (F(): two downloads at once both count). A counter,
    not a change anyone makes to the material: it is not written to the audit log."""
    Material.objects.filter(pk=material.pk).update(download_count=F("download_count") + 1)


# --- the preview ----------------------------------------------------------------------------
def _enqueue_preview(material: Material) -> None:
    from nkohub.learning import tasks

    enqueue_on_commit(tasks.make_material_preview, material.pk)


def _local_copy(material: Material, folder: str) -> Path:
    """The stored file as a path the tools can read (a copy: the storage may not be on this disk)."""
    target = Path(folder) / f"material.{material.file_format}"
    with material.file.open("rb") as source, target.open("wb") as copy:
        for chunk in source.chunks():
            copy.write(chunk)
    return target


def _made(material: Material) -> tuple[str, str, bytes | None]:
    """(preview status, text of the file, PNG of the first page or None)."""
    image: bytes | None = None
    status = Material.Preview.NONE
    with tempfile.TemporaryDirectory(prefix="nkohub-material-") as folder:
        path = _local_copy(material, folder)
        try:
            text = documents.extract_text(path, material.file_format)
        except documents.PreviewToolMissing:
            text = ""
        except documents.PreviewFailed:
            return Material.Preview.FAILED, "", None
        if material.file_format == "pdf":
            try:
                image = documents.first_page_png(path)
                status = Material.Preview.READY
            except documents.PreviewToolMissing:
                status = Material.Preview.NO_TOOL
            except documents.PreviewFailed:
                status = Material.Preview.FAILED
        elif material.file_format in documents.TEXT_PREVIEW_FORMATS:
            status = Material.Preview.READY
    return status, text, image


def material_preview_make(*, material_id: int) -> str:
    """Make the preview and read the text of a material's file (run by the background task); written
    only if the file is still the one it was made from. Returns the preview status."""
    material = Material.objects.filter(pk=material_id).first()
    if material is None or not material.file:
        return "gone"
    made_from = material.file.name
    try:
        status, text, image = _made(material)
    except FileNotFoundError:
        logger.warning("The file of material %s is missing: no preview", material_id)
        return "gone"
    with transaction.atomic():
        current = (
            Material.objects.select_for_update().prefetch_related("tags").filter(pk=material_id)
        ).first()
        if current is None or current.file.name != made_from:
            return "stale"
        old_image = current.preview_image.name
        current.preview_status = status
        current.content_text = text
        current.preview_text = documents.preview_of(text) if status == "ready" else ""
        current.search_text = _search_text(current, [t.name for t in current.tags.all()])
        if image is not None:
            current.preview_image.save(
                f"{secrets.token_hex(8)}.png", ContentFile(image), save=False
            )
        else:
            current.preview_image = ""
        current.save()
        if old_image and old_image != current.preview_image.name:
            storage = current.preview_image.storage
            transaction.on_commit(lambda: storage.delete(old_image))
    logger.debug("Preview of material %s: %s", material_id, status)  # the task returns it too
    return str(status)


# --- lessons ----------------------------------------------------------------------------------
@transaction.atomic
def lesson_material_attach(*, actor: "User", lesson: Lesson, material: Material) -> None:
    if not material.is_published:
        raise DomainError(
            _("Only published materials can be attached to a lesson."), field="material"
        )
    if lesson.materials.filter(pk=material.pk).exists():
        raise DomainError(_("This material is already attached to the lesson."), field="material")
    lesson.materials.add(material)
    audit_log(
        actor=actor,
        action="learning.lesson.material_attach",
        obj=lesson,
        changes={"material": material.title},
    )


@transaction.atomic
def lesson_material_detach(*, actor: "User", lesson: Lesson, material: Material) -> None:
    lesson.materials.remove(material)
    audit_log(
        actor=actor,
        action="learning.lesson.material_detach",
        obj=lesson,
        changes={"material": material.title},
    )
