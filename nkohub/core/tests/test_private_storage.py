"""Private uploads live outside MEDIA_ROOT, have no public URL and reach only those who may read them."""

from pathlib import Path
from typing import Any

import pytest
from django.apps import apps
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import Http404
from django.test import Client, RequestFactory
from django.urls import reverse
from django.views.static import serve

from nkohub.core.storage import (
    PrivateFileSystemStorage,
    move_files_operation,
    original_filename,
)
from nkohub.grants.models import ApplicationExport
from nkohub.organizations import services as organization_services
from nkohub.organizations.models import Claim, ImportRun, Organization
from nkohub.reception.models import AppealAttachment

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n% scanned order\n"
CYRILLIC_NAME = "Приказ о назначении директора (ред. 2024).pdf"


@pytest.fixture
def claim(outsider: Any, ngo: Organization) -> Claim:
    return organization_services.claim_submit(
        actor=outsider,
        organization=ngo,
        stated_role="head",
        document=SimpleUploadedFile(CYRILLIC_NAME, PDF, content_type="application/pdf"),
    )


def test_a_claim_document_is_stored_outside_media_root(claim: Claim) -> None:
    stored = Path(settings.PRIVATE_MEDIA_ROOT) / str(claim.document.name)
    assert stored.read_bytes() == PDF
    assert not (Path(settings.MEDIA_ROOT) / str(claim.document.name)).exists()
    assert not Path(settings.PRIVATE_MEDIA_ROOT).is_relative_to(Path(settings.MEDIA_ROOT))


def test_the_media_url_of_a_private_file_is_404_even_on_the_demo_server(claim: Claim) -> None:
    """`make run` serves MEDIA_ROOT with django.views.static (DEBUG); the file is simply not there."""
    request = RequestFactory().get(f"/media/{claim.document.name!s}")
    with pytest.raises(Http404):
        serve(request, str(claim.document.name), document_root=str(settings.MEDIA_ROOT))


def test_a_private_file_has_no_url_to_leak(claim: Claim) -> None:
    with pytest.raises(ValueError):
        _ = claim.document.url


def test_every_private_upload_field_uses_the_private_storage() -> None:
    for model, field in (
        (Claim, "document"),
        (ImportRun, "file"),
        (AppealAttachment, "file"),
        (ApplicationExport, "file"),
    ):
        storage = getattr(model._meta.get_field(field), "storage", None)
        assert isinstance(storage, PrivateFileSystemStorage), f"{model.__name__}.{field}"


def test_the_claimant_downloads_it_under_its_original_name(client: Client, claim: Claim) -> None:
    client.force_login(claim.user)
    response: Any = client.get(reverse("organizations:claim_document", args=[claim.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    disposition = response["Content-Disposition"]
    assert disposition.lower().startswith("attachment; filename*=utf-8''")
    assert "%D0%9F%D1%80%D0%B8%D0%BA%D0%B0%D0%B7" in disposition  # «Приказ», RFC 5987 encoded
    assert claim.document_name == CYRILLIC_NAME


def test_another_person_gets_404_for_the_document(client: Client, claim: Claim, owner: Any) -> None:
    client.force_login(owner)
    assert client.get(reverse("organizations:claim_document", args=[claim.pk])).status_code == 404


def test_a_guest_is_sent_to_log_in_for_the_document(client: Client, claim: Claim) -> None:
    response = client.get(reverse("organizations:claim_document", args=[claim.pk]))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_the_upgrade_moves_files_uploaded_under_media_root(claim: Claim) -> None:
    private = Path(settings.PRIVATE_MEDIA_ROOT) / str(claim.document.name)
    public = Path(settings.MEDIA_ROOT) / str(claim.document.name)
    public.parent.mkdir(parents=True, exist_ok=True)
    private.replace(public)  # as an older release stored it

    operation = move_files_operation("organizations", "Claim", "document")
    operation.code(apps, None)
    assert private.read_bytes() == PDF
    assert not public.exists()

    operation.code(apps, None)  # running it again changes nothing
    assert private.read_bytes() == PDF

    operation.reverse_code(apps, None)
    assert public.read_bytes() == PDF


@pytest.mark.parametrize(
    ("uploaded", "kept"),
    [
        (CYRILLIC_NAME, CYRILLIC_NAME),
        ("C:\\Users\\Анна\\Desktop\\устав.pdf", "устав.pdf"),
        ("../../etc/passwd", "passwd"),
        ("отчёт\r\n2025.xlsx", "отчёт2025.xlsx"),
        ("   ", "file"),
        ("", "file"),
        ("Устав\u0301.pdf", "Устав\u0301.pdf"),
    ],
)
def test_an_original_name_is_kept_safely(uploaded: str, kept: str) -> None:
    assert original_filename(uploaded) == kept


def test_a_very_long_original_name_is_cut_keeping_its_extension() -> None:
    name = original_filename("Очень длинное название документа " * 20 + ".docx")
    assert len(name) == 255
    assert name.endswith(".docx")
