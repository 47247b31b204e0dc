"""The organisation's logo and its thumbnail."""

from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from nkohub.core.errors import DomainError
from nkohub.core.images import image_discard, image_replace, thumbnail_make, validate_image
from nkohub.notifications.background import enqueue_on_commit, enqueue_safely
from nkohub.organizations import tasks
from nkohub.organizations.models import (
    LOGO,
    LOGO_MAX_BYTES,
    LOGO_MIN_SIZE,
    Organization,
)

from ._shared import _save

# --- the logo -----------------------------------------------------------------------------------


def organization_logo_apply(
    *, organization: Organization, data: dict[str, Any], previous: Organization | None
) -> str | None:
    """A new logo (an upload in `data["logo"]`) or its removal (`False`, the form's «clear» box).
    Anything else — the logo already stored, or no key at all — keeps what is stored. The
    thumbnail is made in the background once the transaction commits. Returns the new logo's
    name ("" when removed), None when the logo stays as it was."""
    value = data.get("logo")
    if isinstance(value, UploadedFile):
        try:
            validate_image(value, max_bytes=LOGO_MAX_BYTES, min_size=LOGO_MIN_SIZE)
        except ValidationError as exc:
            raise DomainError(exc.messages[0], field="logo") from exc
        stored = image_replace(organization, LOGO, value, previous=previous)
    elif value is False and previous is not None and previous.logo:
        stored = image_replace(organization, LOGO, None, previous=previous)
    else:
        if previous is not None:  # a model form may have touched the instance: keep the stored one
            organization.logo, organization.logo_thumbnail = previous.logo, previous.logo_thumbnail
        return None
    transaction.on_commit(lambda: _enqueue_logo_thumbnail(organization))
    return stored


def _save_with_logo(organization: Organization, logo: str | None) -> None:
    """Save; a logo file stored for a row that could not be saved goes with it."""
    try:
        _save(organization)
    except DomainError:
        image_discard(organization, LOGO, logo or "")
        raise


def _enqueue_logo_thumbnail(organization: Organization) -> None:
    if organization.pk and organization.logo:
        enqueue_safely(
            tasks.make_logo_thumbnail, organization.pk
        )  # kept for later if Redis is down


def organization_logo_thumbnail_make(*, organization_id: int) -> str:
    """The background half of a logo upload: its thumbnail, made once (see nkohub.core.images)."""
    return thumbnail_make(Organization, organization_id, LOGO)


def organization_set_demo_logo(*, organization: Organization, png: bytes) -> None:
    """Demo data: a drawn logo for a demo organisation that has none (no audit: nobody acted)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    if not organization.is_demo or organization.logo:
        return
    with transaction.atomic():
        image_replace(
            organization, LOGO, SimpleUploadedFile("logo.png", png, "image/png"), previous=None
        )
        organization.save(update_fields=["logo", "logo_thumbnail", "updated_at"])
        enqueue_on_commit(tasks.make_logo_thumbnail, organization.pk)
