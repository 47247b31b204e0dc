"""Attachments of appeals that came to an end are destroyed RETENTION_APPEAL_ATTACHMENT_YEARS later; the
appeal, its answer and the attachments of open or recent appeals stay (152-ФЗ, issue 22 item 9)."""

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from nkohub.accounts.models import RetentionDestruction
from nkohub.accounts.retention import destroy_expired
from nkohub.reception.models import Appeal, AppealAttachment

pytestmark = pytest.mark.django_db


def _attach(appeal: Appeal) -> AppealAttachment:
    return AppealAttachment.objects.create(
        appeal=appeal,
        file=SimpleUploadedFile("паспорт.pdf", b"%PDF-1.4\n"),
        name="паспорт.pdf",
        size=9,
    )


def test_attachments_of_an_appeal_that_ended_long_ago_are_destroyed(
    make_appeal: Any, settings: Any, tmp_path: Path
) -> None:
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "nkohub.core.storage.PrivateFileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    settings.RETENTION_APPEAL_ATTACHMENT_YEARS = 5
    long_ago = timezone.now() - timedelta(days=365 * 7)
    old = make_appeal(Appeal.Status.ANSWERED)
    recent = make_appeal(Appeal.Status.ANSWERED)
    still_open = make_appeal(Appeal.Status.SUBMITTED)
    for appeal in (old, recent, still_open):
        _attach(appeal)
    Appeal.objects.filter(pk=old.pk).update(
        answered_on=timezone.localdate() - timedelta(days=365 * 6)
    )
    Appeal.objects.filter(pk=still_open.pk).update(submitted_at=long_ago)
    old_file = Path(AppealAttachment.objects.get(appeal=old).file.path)
    assert old_file.exists()

    destroy_expired()

    assert not AppealAttachment.objects.filter(appeal=old).exists()
    assert not old_file.exists()
    assert AppealAttachment.objects.filter(appeal=recent).exists()
    assert AppealAttachment.objects.filter(appeal=still_open).exists()
    assert Appeal.objects.get(pk=old.pk).status == Appeal.Status.ANSWERED
    record = RetentionDestruction.objects.get(rule="reception.closed_appeal_attachments")
    assert record.count == 1
    assert record.period_days == 365 * 5
