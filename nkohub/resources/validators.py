"""Checks of uploaded photos before they are stored: a real JPEG, PNG or WebP image, not too large."""

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

MAX_PHOTO_BYTES = 5 * 1024 * 1024
MAX_PHOTO_PIXELS = 40_000_000
ALLOWED_PHOTO_FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}


def validate_photo(file: UploadedFile) -> None:
    """Refuse files over 5 MB and anything whose content is not a JPEG, PNG or WebP image."""
    from PIL import Image, UnidentifiedImageError

    if file.size is not None and file.size > MAX_PHOTO_BYTES:
        raise ValidationError(_("The photo is larger than 5 MB."), code="photo_too_large")
    position = file.tell() if hasattr(file, "tell") else 0
    try:
        file.seek(0)
        with Image.open(file) as image:
            image_format = image.format
            width, height = image.size
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ValidationError(_("The file is not an image."), code="photo_not_image") from error
    finally:
        file.seek(position)
    if image_format not in ALLOWED_PHOTO_FORMATS:
        raise ValidationError(_("Upload a photo in JPEG, PNG or WebP format."), code="photo_format")
    if width * height > MAX_PHOTO_PIXELS:
        raise ValidationError(_("The photo has too many pixels."), code="photo_too_many_pixels")
