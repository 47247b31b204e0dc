"""Uploads (issue 22, item 6): pictures stored without their metadata, documents scanned by ClamAV when it
is there, and every view that sends a user file marks it as a download the browser must not run."""

import ast
import io
import os
import shutil
import socket
import struct
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import reverse
from PIL import Image

from nkohub.core import antivirus
from nkohub.core.antivirus import ClamdScanner, CommandScanner, Verdict, validate_clean
from nkohub.core.attachments import validate_attachment
from nkohub.core.images import strip_metadata
from nkohub.core.serving import SANDBOX_POLICY, harden, user_file_response
from nkohub.organizations import services as organization_services
from nkohub.organizations.models import Organization

EICAR = rb"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"
ROOT = Path(__file__).resolve().parents[2]  # nkohub/
GPS_IFD = 0x8825


def jpeg_with_gps(size: tuple[int, int] = (400, 300)) -> bytes:
    image = Image.new("RGB", size, (200, 120, 40))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0132] = "2026:11:20 10:00:00"  # DateTime
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (54.0, 30.0, 0.0), 3: "E", 4: (36.0, 15.0, 0.0)})
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif.tobytes(), comment=b"taken at home")
    return buffer.getvalue()


def test_the_sample_photo_really_carries_a_gps_position() -> None:
    with Image.open(io.BytesIO(jpeg_with_gps())) as image:
        assert image.getexif().get_ifd(GPS_IFD)
        assert "comment" in image.info


def test_a_photo_loses_its_exif_and_comments_when_re_encoded() -> None:
    clean = strip_metadata(SimpleUploadedFile("photo.jpg", jpeg_with_gps()))
    data = clean.read()
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == "JPEG"
        assert image.size == (400, 300)
        assert not image.getexif()
        assert "exif" not in image.info
        assert "comment" not in image.info
    assert b"PhoneMaker" not in data
    assert b"Exif" not in data
    assert clean.name == "photo.jpg"


def test_a_phone_photo_is_turned_upright_before_its_orientation_tag_goes() -> None:
    image = Image.new("RGB", (40, 20), "white")
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise to view
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif.tobytes())
    with Image.open(strip_metadata(SimpleUploadedFile("p.jpg", buffer.getvalue()))) as clean:
        assert clean.size == (20, 40)
        assert not clean.getexif()


def test_a_transparent_logo_keeps_its_transparency() -> None:
    buffer = io.BytesIO()
    Image.new("RGBA", (10, 10), (0, 0, 0, 0)).save(buffer, format="PNG")
    with Image.open(strip_metadata(SimpleUploadedFile("logo.png", buffer.getvalue()))) as clean:
        assert clean.format == "PNG"
        assert clean.mode == "RGBA"
        assert clean.getpixel((0, 0))[3] == 0  # type: ignore[index]


@pytest.mark.django_db
def test_an_uploaded_logo_is_stored_without_its_gps_position(
    ngo: Organization, settings: Any, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = tmp_path
    upload = SimpleUploadedFile("logo.jpg", jpeg_with_gps(), content_type="image/jpeg")
    with transaction.atomic():
        previous = Organization.objects.get(pk=ngo.pk)
        name = organization_services.organization_logo_apply(
            organization=ngo, data={"logo": upload}, previous=previous
        )
    assert name
    stored = Path(ngo.logo.storage.path(name)).read_bytes()
    assert stored.startswith(b"\xff\xd8\xff")
    with Image.open(io.BytesIO(stored)) as image:
        assert not image.getexif()
    assert b"PhoneMaker" not in stored


# --- ClamAV ---------------------------------------------------------------------------------------
class FakeScanner:
    """Finds the EICAR test string, as ClamAV does."""

    name = "fake"

    def __init__(self) -> None:
        self.calls = 0

    def scan(self, stream: Any) -> Verdict:
        self.calls += 1
        if EICAR in stream.read():
            return Verdict(clean=False, signature="Eicar-Test-Signature")
        return Verdict(clean=True)


@pytest.fixture
def fake_scanner(monkeypatch: pytest.MonkeyPatch) -> FakeScanner:
    scanner = FakeScanner()
    monkeypatch.setattr(antivirus, "current_scanner", lambda: scanner)
    return scanner


def test_an_attachment_with_a_virus_is_refused(fake_scanner: FakeScanner) -> None:
    upload = SimpleUploadedFile("письмо.txt", b"Dear sir,\n" + EICAR)
    with pytest.raises(ValidationError) as caught:
        validate_attachment(upload)
    assert caught.value.code == "file_virus"
    assert "Eicar-Test-Signature" in caught.value.messages[0]


def test_a_clean_attachment_is_scanned_once_and_accepted(fake_scanner: FakeScanner) -> None:
    upload = SimpleUploadedFile("отчёт.pdf", b"%PDF-1.7\nclean report")
    validate_attachment(upload)
    validate_attachment(upload)  # the form, then the service
    assert fake_scanner.calls == 1
    assert upload.tell() == 0


@pytest.mark.django_db
def test_a_claim_document_with_a_virus_is_not_stored(
    fake_scanner: FakeScanner, outsider: Any, ngo: Organization, client: Client
) -> None:
    client.force_login(outsider)
    response = client.post(
        reverse("organizations:claim", args=[ngo.pk]),
        {
            "stated_role": "head",
            "document": SimpleUploadedFile("order.pdf", b"%PDF-1.4\n" + EICAR),
        },
    )
    assert response.status_code == 200
    assert "Eicar-Test-Signature" in response.content.decode()
    assert not ngo.claims.exists()


def test_without_clamav_uploads_are_accepted_unscanned(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(antivirus, "current_scanner", lambda: None)
    validate_clean(SimpleUploadedFile("a.txt", EICAR))


def test_a_scanner_that_fails_refuses_the_file(settings: Any, tmp_path: Path) -> None:
    settings.CLAMAV_SOCKET = str(tmp_path / "no-clamd.sock")
    with pytest.raises(ValidationError) as caught:
        validate_clean(SimpleUploadedFile("a.pdf", b"%PDF-1.4"))
    assert caught.value.code == "file_unchecked"


def test_the_setting_switches_scanning_off(settings: Any) -> None:
    settings.CLAMAV_SOCKET = "off"
    assert antivirus.current_scanner() is None
    settings.CLAMAV_SOCKET = "127.0.0.1:3310"
    assert antivirus.current_scanner() == ClamdScanner(address="127.0.0.1:3310")


@pytest.fixture
def fake_clamd() -> Iterator[str]:
    """A Unix socket speaking clamd's INSTREAM protocol, finding EICAR."""
    folder = tempfile.mkdtemp(prefix="clamd")
    path = os.path.join(folder, "clamd.sock")
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(path)
    server.listen(4)

    def serve() -> None:
        while True:
            try:
                conn, _address = server.accept()
            except OSError:
                return
            with conn:
                command = b""
                while not command.endswith(b"\0"):
                    command += conn.recv(1)
                assert command == b"zINSTREAM\0"
                data = b""
                while True:
                    (length,) = struct.unpack("!L", conn.recv(4, socket.MSG_WAITALL))
                    if not length:
                        break
                    data += conn.recv(length, socket.MSG_WAITALL)
                found = EICAR in data
                conn.sendall(b"stream: Eicar-Signature FOUND\0" if found else b"stream: OK\0")

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield path
    server.close()
    shutil.rmtree(folder, ignore_errors=True)


def test_the_clamd_protocol_finds_eicar(fake_clamd: str) -> None:
    scanner = ClamdScanner(address=fake_clamd)
    big = b"a" * (3 * antivirus.CHUNK + 17)
    assert scanner.scan(io.BytesIO(big)) == Verdict(clean=True)
    assert scanner.scan(io.BytesIO(big + EICAR)) == Verdict(
        clean=False, signature="Eicar-Signature"
    )


def test_a_configured_clamd_socket_is_used(fake_clamd: str, settings: Any) -> None:
    settings.CLAMAV_SOCKET = fake_clamd
    with pytest.raises(ValidationError):
        validate_attachment(SimpleUploadedFile("a.txt", EICAR))


@pytest.mark.skipif(not shutil.which("clamscan"), reason="ClamAV is not installed")
def test_the_real_clamscan_finds_eicar() -> None:  # pragma: no cover - only where ClamAV is
    scanner = CommandScanner(executable=str(shutil.which("clamscan")))
    assert not scanner.scan(io.BytesIO(EICAR)).clean
    assert scanner.scan(io.BytesIO(b"hello")).clean


# --- serving --------------------------------------------------------------------------------------
def test_a_user_file_is_a_sandboxed_download() -> None:
    response = user_file_response(io.BytesIO(b"<script>alert(1)</script>"), filename="x.html")
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == SANDBOX_POLICY


def test_an_inline_disposition_becomes_an_attachment() -> None:
    response = user_file_response(io.BytesIO(b"x"))
    response["Content-Disposition"] = 'inline; filename="a.svg"'
    harden(response)
    assert response["Content-Disposition"] == 'attachment; filename="a.svg"'


# Files the platform itself publishes for everyone, shown in the browser on purpose.
NOT_USER_FILES = {"api/opendata/views.py": "open data sets generated by the platform"}


def _functions_sending_files() -> Iterator[tuple[str, str, set[str]]]:
    for path in sorted(ROOT.rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        if "/tests/" in f"/{relative}" or relative == "core/serving.py":
            continue
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if not isinstance(node, ast.FunctionDef):
                continue
            called = {
                call.func.id if isinstance(call.func, ast.Name) else getattr(call.func, "attr", "")
                for call in ast.walk(node)
                if isinstance(call, ast.Call)
            }
            if called & {"FileResponse", "user_file_response"}:
                yield relative, node.name, called


def test_every_view_that_sends_a_file_uses_the_hardening_helper() -> None:
    found = list(_functions_sending_files())
    assert len(found) >= 10  # the walk sees the downloads (appeals, claims, lessons, library…)
    unsafe = [
        f"{module}:{name}"
        for module, name, called in found
        if "FileResponse" in called and "harden" not in called and module not in NOT_USER_FILES
    ]
    assert not unsafe, f"send these through nkohub.core.serving.user_file_response: {unsafe}"


@pytest.mark.django_db
def test_a_claim_document_download_carries_the_headers(
    client: Client, outsider: Any, ngo: Organization
) -> None:
    claim = organization_services.claim_submit(
        actor=outsider,
        organization=ngo,
        stated_role="head",
        document=SimpleUploadedFile("order.pdf", b"%PDF-1.4\n"),
    )
    client.force_login(outsider)
    response = client.get(reverse("organizations:claim_document", args=[claim.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == SANDBOX_POLICY
