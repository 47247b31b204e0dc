"""Personal data kept only as long as its purpose needs (152-ФЗ, issue 22 item 9): every app's retention
rule destroys what expired, leaves what has not, and the run leaves a record operators can read."""

import io
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from allauth.account.models import EmailAddress
from django.contrib.admin.sites import site
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from nkohub.accounts.models import Consent, DeletionRecord, RetentionDestruction, User
from nkohub.accounts.personal_data import retention_rules
from nkohub.accounts.retention import destroy_expired
from nkohub.accounts.tests.factories import UserFactory
from nkohub.core.models import AuditEntry
from nkohub.notifications.scheduling import get_periodic_job
from nkohub.organizations.imports.runs import import_run_create
from nkohub.organizations.models import ImportRun

pytestmark = pytest.mark.django_db

LONG_AGO = timezone.now() - timedelta(days=365 * 10)


@pytest.fixture(autouse=True)
def private_root(settings: Any, tmp_path: Path) -> Path:
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "nkohub.core.storage.PrivateFileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "private")},
        },
    }
    return tmp_path / "private"


def _signup(email: str, *, joined: Any, verified: bool) -> User:
    user = UserFactory.create(email=email, date_joined=joined, last_login=None)
    EmailAddress.objects.filter(user=user).delete()  # the factory's own, confirmed address
    EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
    return user


def test_the_required_rules_are_declared() -> None:
    keys = {rule.key for rule in retention_rules()}
    assert {
        "accounts.unconfirmed_signups",
        "accounts.consent_ip_addresses",
        "organizations.import_files",
        "reception.closed_appeal_attachments",
    } <= keys


def test_the_job_is_scheduled_daily() -> None:
    assert get_periodic_job("accounts.retention").daily_at is not None


def test_an_unconfirmed_sign_up_is_deleted_after_its_period(settings: Any) -> None:
    settings.RETENTION_UNCONFIRMED_SIGNUP_DAYS = 30
    old = _signup("old@example.org", joined=timezone.now() - timedelta(days=31), verified=False)
    fresh = _signup("fresh@example.org", joined=timezone.now() - timedelta(days=2), verified=False)
    confirmed = _signup("ok@example.org", joined=LONG_AGO, verified=True)

    records = destroy_expired()

    old.refresh_from_db()
    assert old.deleted_at is not None
    assert old.email.endswith("@deleted.invalid")
    assert not EmailAddress.objects.filter(user=old).exists()
    assert DeletionRecord.objects.get(user_id_ref=old.pk).reason == "unconfirmed sign-up expired"
    for kept in (fresh, confirmed):
        kept.refresh_from_db()
        assert kept.deleted_at is None
    record = next(r for r in records if r.rule == "accounts.unconfirmed_signups")
    assert record.count == 1
    assert record.period_days == 30


def test_consent_ip_addresses_are_cleared_after_their_period(settings: Any) -> None:
    settings.RETENTION_IP_ADDRESS_DAYS = 365
    user = UserFactory.create()
    old = Consent.objects.create(
        user=user, kind="processing", version="1", ip_address="203.0.113.5", given_at=LONG_AGO
    )
    new = Consent.objects.create(
        user=user, kind="processing", version="2", ip_address="203.0.113.6"
    )
    destroy_expired()
    old.refresh_from_db()
    new.refresh_from_db()
    assert old.ip_address is None
    assert old.given_at == LONG_AGO  # the consent itself stays
    assert new.ip_address == "203.0.113.6"


def test_an_old_import_file_is_destroyed_and_its_report_kept(
    operator: Any, settings: Any, private_root: Path
) -> None:
    settings.RETENTION_IMPORT_FILE_DAYS = 90
    run = import_run_create(
        actor=operator,
        upload=SimpleUploadedFile("реестр.csv", "ИНН;Наименование\n".encode()),
        fmt=ImportRun.Format.CSV,
        mapping={},
        dry_run=True,
    )
    ImportRun.objects.filter(pk=run.pk).update(
        status=ImportRun.Status.DONE, created_at=timezone.now() - timedelta(days=91)
    )
    path = Path(run.file.path)
    assert path.exists()
    destroy_expired()
    run.refresh_from_db()
    assert not run.file
    assert not path.exists()
    assert run.original_name == "реестр.csv"
    assert RetentionDestruction.objects.get(rule="organizations.import_files").count == 1
    assert destroy_expired() == []  # nothing twice


def test_the_record_is_in_the_audit_log_and_the_admin(client: Client, operator: Any) -> None:
    _signup("old@example.org", joined=LONG_AGO, verified=False)
    call_command("destroy_expired_personal_data", stdout=io.StringIO())
    record = RetentionDestruction.objects.get()
    assert record.rule == "accounts.unconfirmed_signups"
    assert AuditEntry.objects.filter(action="accounts.retention.destroy").exists()
    assert RetentionDestruction in site._registry
    client.force_login(operator)
    page = client.get(reverse("admin:accounts_retentiondestruction_changelist"))
    assert page.status_code == 200
    assert str(record.what) in page.content.decode()


def test_nothing_expired_leaves_no_record() -> None:
    UserFactory.create()
    assert destroy_expired() == []
    assert not RetentionDestruction.objects.exists()
