"""Pictures people upload (organisations' logos, projects' covers): the checks before they are stored,
the thumbnail made once in the background, and the replacement of an old picture.

A model keeps the original and its thumbnail side by side, described by an `ImageSlot`:

    LOGO = ImageSlot(field="logo", thumbnail_field="logo_thumbnail", size=(192, 192), crop=False)

    validate_image(upload, max_bytes=2 * MB)             # in the form and again in the service
    image_replace(instance, LOGO, upload, previous=before)  # in the service's transaction
    thumbnail_make(Organization, pk, LOGO)               # in a task, enqueued on commit

Originals are re-encoded before they are stored (`strip_metadata`): EXIF with its GPS position, XMP
and comments never reach the disk. Pages show the thumbnail when it is ready and the original until then (`slot_url`); templates fall
back to a placeholder when there is no picture at all. Thumbnails are WebP made with Pillow: phone
photos are turned upright by their EXIF orientation, transparency of logos is kept.
"""

import io
import logging
import re
import secrets
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile, File
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from nkohub.core.uploads import ImageFacts, inspect_image

logger = logging.getLogger(__name__)

MB = 1024 * 1024
IMAGE_FORMATS = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp"}
MAX_PIXELS = 40_000_000  # a 5 MB JPEG of 8000×5000 is fine; a decompression bomb is not


class ThumbnailError(Exception):
    """The stored original could not be read as an image."""


@dataclass(frozen=True)
class ImageSlot:
    """An original picture and its thumbnail on one model."""

    field: str
    thumbnail_field: str
    size: tuple[int, int]
    crop: bool  # True: fill the box, cutting what sticks out (covers); False: fit inside (logos)


def validate_image(
    file: Any, *, max_bytes: int, min_size: tuple[int, int] = (1, 1), max_pixels: int = MAX_PIXELS
) -> ImageFacts:
    """Refuse what is not a JPEG, PNG or WebP picture of sensible size, judged by its content."""
    if file.size is not None and file.size > max_bytes:
        raise ValidationError(
            _("The image must be at most %(size)s MB.") % {"size": max_bytes // MB},
            code="image_too_large",
        )
    facts = inspect_image(file)
    if facts is None:
        raise ValidationError(
            _("The file is not a picture: upload a JPEG, PNG or WebP image."),
            code="image_unreadable",
        )
    if facts.format not in IMAGE_FORMATS:
        raise ValidationError(
            _("Only JPEG, PNG and WebP images are accepted."), code="image_format"
        )
    if facts.width * facts.height > max_pixels:
        raise ValidationError(
            _("The image has too many pixels: at most %(megapixels)s megapixels.")
            % {"megapixels": max_pixels // 1_000_000},
            code="image_too_many_pixels",
        )
    if facts.width < min_size[0] or facts.height < min_size[1]:
        raise ValidationError(
            _("The image is too small: at least %(width)s×%(height)s pixels are needed.")
            % {"width": min_size[0], "height": min_size[1]},
            code="image_too_small",
        )
    return facts


def strip_metadata(upload: Any) -> ContentFile:
    """The picture re-encoded by Pillow in its own format with nothing but the pixels (and the colour
    profile): EXIF (GPS position, camera, time), XMP, IPTC and comments are dropped before it is stored.

    Phone photos are turned upright first, since the orientation tag goes with the rest of EXIF. The
    upload must have passed `validate_image` (or an app's own check by content); the result keeps its name.
    """
    from PIL import Image, ImageOps

    position = upload.tell() if hasattr(upload, "tell") else 0
    upload.seek(0)
    try:
        with Image.open(upload) as original:
            image_format = original.format or "PNG"
            icc_profile = original.info.get("icc_profile")
            transparency = original.info.get("transparency")
            upright = ImageOps.exif_transpose(original)
            if upright.mode not in ("1", "L", "LA", "P", "RGB", "RGBA", "I;16"):
                upright = upright.convert("RGB")
            if image_format == "JPEG" and upright.mode not in ("L", "RGB"):
                upright = upright.convert("RGB")
            # a fresh image: no info dictionary, no cached EXIF travels with the pixels
            clean = Image.new(upright.mode, upright.size)
            if upright.mode == "P" and (palette := upright.getpalette()) is not None:
                clean.putpalette(palette)
            clean.paste(upright)
            options: dict[str, Any] = {}
            if icc_profile:
                options["icc_profile"] = icc_profile
            if image_format == "JPEG":
                options.update(quality=90, optimize=True)
            elif image_format == "WEBP":
                options.update(quality=90, method=4)
            elif image_format == "PNG":
                options.update(optimize=True)
                if transparency is not None and clean.mode in ("P", "L", "RGB"):
                    options["transparency"] = transparency
            buffer = io.BytesIO()
            clean.save(buffer, format=image_format, **options)
    finally:
        upload.seek(position)
    return ContentFile(buffer.getvalue(), name=getattr(upload, "name", None) or "image")


def image_replace(
    instance: models.Model, slot: ImageSlot, upload: Any, *, previous: models.Model | None
) -> str:
    """Put `upload` (or nothing, when it is None) in the slot; the thumbnail is cleared, and the
    files of `previous` (the row as it was in the database) are deleted once the transaction commits.

    The upload must have passed `validate_image`; it is stored re-encoded without its metadata
    (`strip_metadata`) under a random name with the extension of its real format, which is returned
    ("" when the picture is removed). The caller
    saves the instance, and calls `image_discard` with that name if it cannot.
    """
    old_names = []
    if previous is not None:
        old_names = [
            name
            for name in (
                getattr(previous, slot.field).name,
                getattr(previous, slot.thumbnail_field).name,
            )
            if name
        ]
    field_file = getattr(instance, slot.field)
    if upload is None:
        setattr(instance, slot.field, "")
    else:
        facts = inspect_image(upload)
        extension = IMAGE_FORMATS.get(facts.format if facts else "", ".bin")
        field_file.save(f"{secrets.token_hex(8)}{extension}", strip_metadata(upload), save=False)
    setattr(instance, slot.thumbnail_field, "")
    storage = field_file.storage
    if old_names:
        transaction.on_commit(lambda: [storage.delete(name) for name in old_names])
    return str(field_file.name or "") if upload is not None else ""


def image_discard(instance: models.Model, slot: ImageSlot, stored: str) -> None:
    """The row could not be saved: the file `image_replace` stored for it goes (nothing half-written)."""
    if stored:
        getattr(instance, slot.field).storage.delete(stored)


def render_thumbnail(file: File, slot: ImageSlot) -> ContentFile:
    """The thumbnail of an image file as WebP bytes; ThumbnailError if the file is not readable."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        file.open("rb")
        file.seek(0)
        with Image.open(file) as original:
            image = ImageOps.exif_transpose(original)
            has_alpha = image.mode in ("RGBA", "LA", "PA") or (
                image.mode == "P" and "transparency" in image.info
            )
            image = image.convert("RGBA" if has_alpha else "RGB")
            if slot.crop:
                image = ImageOps.fit(
                    image, slot.size, Image.Resampling.LANCZOS, centering=(0.5, 0.45)
                )
            else:
                image.thumbnail(slot.size, Image.Resampling.LANCZOS)
            buffer = io.BytesIO()
            image.save(buffer, format="WEBP", quality=82, method=4)
    except (UnidentifiedImageError, Image.DecompressionBombError, SyntaxError, OSError) as exc:
        raise ThumbnailError(str(exc)) from exc
    finally:
        file.close()
    return ContentFile(buffer.getvalue())


def thumbnail_make(model: type[models.Model], pk: int, slot: ImageSlot) -> str:
    """Make the thumbnail of the row's current picture, once: nothing happens when there is no
    picture or the thumbnail is already there. Returns the stored thumbnail's name ("" if none).

    The row is written only if its picture is still the one the thumbnail was made from, so a
    picture replaced meanwhile never gets the old one's thumbnail."""
    instance = model._default_manager.filter(pk=pk).first()
    if instance is None:
        return ""
    original = getattr(instance, slot.field)
    existing = getattr(instance, slot.thumbnail_field)
    if existing or not original:
        return str(existing.name or "")
    try:
        content = render_thumbnail(original, slot)
    except ThumbnailError as exc:
        logger.warning("No thumbnail for %s %s: %s", model.__name__, pk, exc)
        return ""
    thumbnail = getattr(instance, slot.thumbnail_field)
    stem = original.name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    name = thumbnail.field.generate_filename(instance, f"{stem}-{slot.size[0]}.webp")
    stored = thumbnail.storage.save(name, content)
    updated = model._default_manager.filter(
        pk=pk, **{slot.field: original.name, slot.thumbnail_field: ""}
    ).update(**{slot.thumbnail_field: stored})
    if not updated:
        thumbnail.storage.delete(stored)
        return ""
    return str(stored)


def slot_url(instance: models.Model, slot: ImageSlot) -> str:
    """The thumbnail's address when it is ready, else the original's, else ""."""
    for name in (slot.thumbnail_field, slot.field):
        field_file = getattr(instance, name)
        if field_file:
            return str(field_file.url)
    return ""


# Words that say what kind of body it is, not which one.
SKIP_WORDS = {"и", "в", "на", "по", "для", "ано", "ооо", "фонд", "бф", "роо", "мбу", "нко", "г"}


def initials(name: str) -> str:
    """Two letters for a placeholder or an emblem: «АНО «Добрые соседи»» → «ДС»."""
    words = [w for w in re.findall(r"[A-Za-zА-Яа-яЁё]+", name) if w.lower() not in SKIP_WORDS]
    quoted = re.findall(r"[«\"„]([^»\"“]+)", name)
    if quoted:
        words = [w for w in re.findall(r"[A-Za-zА-Яа-яЁё]+", quoted[0]) if len(w) > 1] or words
    letters = "".join(w[0] for w in words[:2]).upper()
    return letters or "НКО"


def missing_thumbnails(model: type[models.Model], slot: ImageSlot) -> list[int]:
    """Rows with a picture and no thumbnail yet (pictures from before thumbnails, or whose task
    failed): the `make_*_thumbnails` commands queue them again."""
    rows = model._default_manager.exclude(**{slot.field: ""}).filter(**{slot.thumbnail_field: ""})
    return list(rows.order_by("pk").values_list("pk", flat=True))
