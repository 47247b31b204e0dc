"""Checks of uploaded photos before they are stored: a real JPEG, PNG or WebP image, not too large."""

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from nkohub.core.uploads import inspect_image

MAX_PHOTO_BYTES = 5 * 1024 * 1024
MAX_PHOTO_PIXELS = 40_000_000
ALLOWED_PHOTO_FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}


def validate_photo(file: UploadedFile) -> None:
    """Refuse files over 5 MB and anything whose content is not a JPEG, PNG or WebP image."""
    if file.size is not None and file.size > MAX_PHOTO_BYTES:
        raise ValidationError(_("The photo is larger than 5 MB."), code="photo_too_large")
    facts = inspect_image(file)
    if facts is None:
        raise ValidationError(_("The file is not an image."), code="photo_not_image")
    if facts.format not in ALLOWED_PHOTO_FORMATS:
        raise ValidationError(_("Upload a photo in JPEG, PNG or WebP format."), code="photo_format")
    if facts.width * facts.height > MAX_PHOTO_PIXELS:
        raise ValidationError(_("The photo has too many pixels."), code="photo_too_many_pixels")
