"""PDF exports of applications, rendered in the background (service).

A PDF of a whole application takes a second or more to lay out, and the first one a process renders
also loads WeasyPrint, Pango and the fonts: too long to keep a person waiting on a bare request.
So asking for the PDF of a version records an `ApplicationExport` and hands it to a task worker
(at once, in the request, where there is no Redis); the page shows the progress and then the file.
The file is kept: asking again for the same version downloads it at once. Only the exports of the
last `KEEP_VERSIONS` versions of an application are kept.
"""

import logging
from typing import TYPE_CHECKING

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from nkohub.grants.document import snapshot_of
from nkohub.grants.exports import build_pdf
from nkohub.grants.models import Application, ApplicationExport, ApplicationVersion
from nkohub.notifications.background import enqueue_on_commit

if TYPE_CHECKING:
    from nkohub.accounts.models import User

logger = logging.getLogger(__name__)

KEEP_VERSIONS = 3


@transaction.atomic
def application_export_request(
    *, actor: "User", application: Application, fmt: str = ApplicationExport.Format.PDF
) -> ApplicationExport:
    """The export of the application's current version: the one already made, or a new one
    queued (again, after a failure or when its file was lost)."""
    from nkohub.grants.tasks import render_application_export

    export, created = ApplicationExport.objects.get_or_create(
        application=application,
        version=application.version,
        format=fmt,
        defaults={"requested_by": actor if getattr(actor, "is_authenticated", False) else None},
    )
    lost = export.status == ApplicationExport.Status.READY and not (
        export.file.name and export.file.storage.exists(export.file.name)
    )
    if export.status == ApplicationExport.Status.FAILED or lost:
        export.status, export.progress, export.error = ApplicationExport.Status.QUEUED, 0, ""
        export.save(update_fields=["status", "progress", "error"])
    elif not created:
        return export
    enqueue_on_commit(render_application_export, export.pk)
    return export


def _report(export: ApplicationExport, percent: int) -> None:
    ApplicationExport.objects.filter(pk=export.pk).update(progress=percent)


def application_export_execute(*, export_id: int) -> ApplicationExport:
    """The task's body: render the version's snapshot, store the file, report progress."""
    claimed = ApplicationExport.objects.filter(
        pk=export_id, status=ApplicationExport.Status.QUEUED
    ).update(status=ApplicationExport.Status.RUNNING, progress=5)
    export = ApplicationExport.objects.select_related("application").get(pk=export_id)
    if not claimed:  # done, or taken by another worker
        return export
    from nkohub.grants.selectors import application_document

    try:
        application = application_document(export.application)
        version = ApplicationVersion.objects.filter(
            application=application, number=export.version
        ).first()
        doc = version.snapshot if version is not None else snapshot_of(application)
        body = build_pdf(application, doc, on_progress=lambda percent: _report(export, percent))
        export.file.save(export.filename, ContentFile(body), save=False)
    except Exception as error:
        logger.exception("The PDF of application %s failed", export.application_id)
        ApplicationExport.objects.filter(pk=export.pk).update(
            status=ApplicationExport.Status.FAILED,
            error=f"{type(error).__name__}: {error}"[:1000],
            finished_at=timezone.now(),
        )
        export.refresh_from_db()
        return export
    export.status, export.progress, export.finished_at = (
        ApplicationExport.Status.READY,
        100,
        timezone.now(),
    )
    export.save(update_fields=["file", "status", "progress", "finished_at"])
    _forget_old_exports(export)
    return export


def _forget_old_exports(export: ApplicationExport) -> None:
    """Only the last KEEP_VERSIONS versions keep their files."""
    old = ApplicationExport.objects.filter(
        application_id=export.application_id,
        format=export.format,
        version__lte=export.version - KEEP_VERSIONS,
    ).exclude(status__in=[ApplicationExport.Status.QUEUED, ApplicationExport.Status.RUNNING])
    for stale in old:
        if stale.file:
            stale.file.delete(save=False)
        stale.delete()
