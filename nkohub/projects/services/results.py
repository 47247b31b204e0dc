"""Results a project reports, with photos."""

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from nkohub.core.audit import audit_log
from nkohub.core.errors import DomainError
from nkohub.core.images import IMAGE_FORMATS, strip_metadata, validate_image
from nkohub.projects.models import (
    Project,
    ResultPhoto,
)

from ._shared import PHOTO_MAX_BYTES, PHOTOS_PER_PROJECT, _full_clean, _notify_partners

if TYPE_CHECKING:
    from nkohub.accounts.models import User

# --- results ---------------------------------------------------------------------------------------


@transaction.atomic
def results_report(
    *, actor: "User", project: Project, actual_values: dict[int, Decimal | None], outcome_story: str
) -> Project:
    if project.status not in (Project.Status.RUNNING, Project.Status.COMPLETED):
        raise DomainError(_("Results can be reported once the project is under way or completed."))
    changes: dict[str, Any] = {}
    for result in project.planned_results.all():
        if result.pk in actual_values and actual_values[result.pk] != result.actual_value:
            changes[result.name] = [result.actual_value, actual_values[result.pk]]
            result.actual_value = actual_values[result.pk]
            _full_clean(result)
            result.save(update_fields=["actual_value"])
    project.outcome_story = outcome_story.strip()
    project.results_reported_at = timezone.now()
    project.save(update_fields=["outcome_story", "results_reported_at", "updated_at"])
    audit_log(actor=actor, action="projects.results.report", obj=project, changes=changes)
    _notify_partners(
        project,
        actor=actor,
        kind="projects.results.reported",
        title=f"Проект «{project.title}» отчитался о результатах",
    )
    return project


def _checked_image(image: UploadedFile, *, field: str, **limits: Any) -> str:
    """The upload is a real JPEG, PNG or WebP within the limits; returns the right extension."""
    try:
        facts = validate_image(image, **limits)
    except ValidationError as error:
        raise DomainError(error.messages[0], field=field) from error
    return IMAGE_FORMATS[facts.format]


def validate_result_photo(image: UploadedFile) -> str:
    """Checks the upload is a real JPEG, PNG or WebP of at most 5 MB; returns the right extension."""
    return _checked_image(image, field="image", max_bytes=PHOTO_MAX_BYTES)


@transaction.atomic
def result_photo_add(
    *, actor: "User", project: Project, image: UploadedFile, caption: str = ""
) -> ResultPhoto:
    extension = validate_result_photo(image)
    if project.result_photos.count() >= PHOTOS_PER_PROJECT:
        raise DomainError(
            _("The project already has %(count)s photos — delete some to add new ones.")
            % {"count": PHOTOS_PER_PROJECT}
        )
    clean = strip_metadata(image)
    clean.name = f"photo-{timezone.now():%Y%m%d%H%M%S}{extension}"
    photo = ResultPhoto(project=project, image=clean, caption=caption.strip(), uploaded_by=actor)
    photo.save()
    audit_log(
        actor=actor, action="projects.photo.add", obj=project, changes={"photo": photo.image.name}
    )
    return photo


@transaction.atomic
def result_photo_delete(*, actor: "User", photo: ResultPhoto) -> None:
    audit_log(
        actor=actor,
        action="projects.photo.delete",
        obj=photo.project,
        changes={"photo": photo.image.name},
    )
    name, storage = str(photo.image.name), photo.image.storage
    transaction.on_commit(lambda: storage.delete(name))
    photo.delete()
