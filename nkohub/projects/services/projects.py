"""Projects: create, update, the cover, status."""

from typing import TYPE_CHECKING, Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from nkohub.core.audit import audit_log, diff_fields
from nkohub.core.errors import DomainError
from nkohub.core.images import image_replace, thumbnail_make
from nkohub.notifications.background import enqueue_safely
from nkohub.organizations.models import Organization
from nkohub.projects import tasks
from nkohub.projects.models import (
    COVER,
    COVER_MAX_BYTES,
    COVER_MIN_SIZE,
    Project,
)

from ._shared import PROJECT_FIELDS, _check_money, _full_clean, _notify_partners, _set_tasks
from .results import _checked_image

if TYPE_CHECKING:
    from nkohub.accounts.models import User

# --- projects ---------------------------------------------------------------------------------


@transaction.atomic
def project_create(
    *,
    actor: "User | None",
    organization: Organization,
    data: dict[str, Any],
    spheres: Any = (),
    municipalities: Any = (),
    tasks: list[str] | None = None,
    cover: UploadedFile | None = None,
) -> Project:
    project = Project(
        organization=organization,
        created_by=actor,
        **{k: data[k] for k in PROJECT_FIELDS if k in data},
    )
    _full_clean(project)
    _check_money(project)
    if cover is not None:
        project_cover_replace(project=project, cover=cover, previous=None)
    project.search_text = project.build_search_text()
    project.save()
    project.spheres.set(spheres)
    project.municipalities.set(municipalities)
    _set_tasks(project, tasks or [])
    audit_log(
        actor=actor,
        action="projects.project.create",
        obj=project,
        changes={"organization": organization},
    )
    return project


@transaction.atomic
def project_update(
    *,
    actor: "User | None",
    project: Project,
    data: dict[str, Any],
    spheres: Any = None,
    municipalities: Any = None,
    tasks: list[str] | None = None,
    cover: UploadedFile | None = None,
    remove_cover: bool = False,
) -> Project:
    """Change a project; `cover` replaces its cover image, `remove_cover` takes it away. `actor` is
    None when no person acts (a fund card imported by the command): the audit shows the system."""
    before = Project.objects.get(pk=project.pk)
    for name in PROJECT_FIELDS:
        if name in data:
            setattr(project, name, data[name])
    _full_clean(project)
    _check_money(project)
    changes = diff_fields(before, project, PROJECT_FIELDS)
    if cover is not None or (remove_cover and before.cover):
        project_cover_replace(project=project, cover=cover, previous=before)
        changes["cover"] = [before.cover.name or "", project.cover.name or ""]
    project.search_text = project.build_search_text()
    project.save()
    if spheres is not None:
        project.spheres.set(spheres)
    if municipalities is not None:
        project.municipalities.set(municipalities)
    if tasks is not None:
        _set_tasks(project, tasks)
    audit_log(actor=actor, action="projects.project.update", obj=project, changes=changes)
    return project


def project_cover_replace(
    *, project: Project, cover: UploadedFile | None, previous: Project | None
) -> None:
    """Put a checked cover (or none) on the project, its thumbnail made once it commits; the
    caller saves the project."""
    if cover is not None:
        _checked_image(cover, field="cover", max_bytes=COVER_MAX_BYTES, min_size=COVER_MIN_SIZE)
    image_replace(project, COVER, cover, previous=previous)
    if cover is not None:
        # after commit (the caller saves the project: its pk is read then), and kept to be queued
        # later when Redis is down (notifications.background)
        transaction.on_commit(lambda: enqueue_safely(tasks.make_cover_thumbnail, project.pk))


def project_cover_thumbnail_make(*, project_id: int) -> str:
    """The background half of a cover upload: its thumbnail, made once (see nkohub.core.images)."""
    return thumbnail_make(Project, project_id, COVER)


def project_set_demo_cover(*, project: Project, jpeg: bytes) -> None:
    """Demo data: a drawn cover for a demo project that has none (no audit: nobody acted)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    if not project.is_demo or project.cover:
        return
    with transaction.atomic():
        project_cover_replace(
            project=project,
            cover=SimpleUploadedFile("cover.jpg", jpeg, "image/jpeg"),
            previous=None,
        )
        project.save(update_fields=["cover", "cover_thumbnail", "updated_at"])


@transaction.atomic
def project_change_status(*, actor: "User", project: Project, status: str) -> Project:
    project.status = (
        Project.objects.select_for_update(of=("self",))
        .values_list("status", flat=True)
        .get(pk=project.pk)
    )
    if not project.can_move_to(status):
        raise DomainError(
            _("A project in the status «%(current)s» cannot be moved to the status «%(target)s».")
            % {"current": project.get_status_display(), "target": Project.Status(status).label},
            field="status",
        )
    old = project.status
    project.status = status
    project.save(update_fields=["status", "updated_at"])
    audit_log(
        actor=actor,
        action="projects.project.status",
        obj=project,
        changes={"status": [old, status]},
    )
    _notify_partners(
        project,
        actor=actor,
        kind="projects.project.status_changed",
        title=f"Проект «{project.title}»: статус «{project.get_status_display()}»",
    )
    return project
