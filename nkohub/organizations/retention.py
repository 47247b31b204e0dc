"""How long the registry keeps import files (they hold the names, addresses and INNs of a whole file):
once the import is over and RETENTION_IMPORT_FILE_DAYS have passed, the file goes; the run's report stays."""

from datetime import datetime, timedelta

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from nkohub.accounts.personal_data import RetentionRule, register_retention_rule
from nkohub.organizations.models import ImportRun


def destroy_import_files(cutoff: datetime) -> int:
    runs = ImportRun.objects.exclude(file="").filter(created_at__lt=cutoff)
    runs = runs.exclude(status__in=[ImportRun.Status.PENDING, ImportRun.Status.RUNNING])
    count = 0
    for run in runs.order_by("pk"):
        run.file.delete(save=False)
        ImportRun.objects.filter(pk=run.pk).update(file="")
        count += 1
    return count


def register() -> None:
    register_retention_rule(
        RetentionRule(
            key="organizations.import_files",
            what=_("files of finished registry imports"),
            period=lambda: timedelta(days=settings.RETENTION_IMPORT_FILE_DAYS),
            destroy=destroy_import_files,
        )
    )
