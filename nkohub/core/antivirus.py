"""Documents people upload are scanned by ClamAV when it is there (issue 22, item 6).

Which scanner is used, in this order:
- `CLAMAV_SOCKET` set to a Unix socket path or `host:port`: clamd over its INSTREAM protocol;
- `CLAMAV_SOCKET=off`: no scanning;
- otherwise (auto-detection) the first clamd socket found in the usual places (`AUTODETECT_SOCKETS`), else
  `clamdscan` or `clamscan` on PATH reading the file from standard input; when none is installed, uploads
  are accepted unscanned (logged once).

A scanner that is configured but fails (clamd down, a timeout) refuses the upload: a file that could not be
checked is not stored. `validate_clean(upload)` is what the upload validators call.
"""

import contextlib
import logging
import shutil
import socket
import struct
import subprocess
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import IO, Any, Protocol

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

AUTODETECT_SOCKETS = (
    "/run/clamav/clamd.ctl",
    "/var/run/clamav/clamd.ctl",
    "/run/clamd.scan/clamd.sock",
    "/var/run/clamd.scan/clamd.sock",
)
CHUNK = 64 * 1024
TIMEOUT_SECONDS = 60
SCANNED_MARK = "_nkohub_virus_checked"


class ScanFailed(Exception):
    """The scanner could not give an answer."""


@dataclass(frozen=True)
class Verdict:
    clean: bool
    signature: str = ""  # what ClamAV found, e.g. "Eicar-Test-Signature"


class Scanner(Protocol):
    @property
    def name(self) -> str: ...

    def scan(self, stream: IO[bytes]) -> Verdict: ...


def _parse_clamd_reply(reply: str) -> Verdict:
    # "stream: OK" | "stream: Eicar-Test-Signature FOUND" | "... ERROR"
    text = reply.strip().strip("\0").strip()
    if text.endswith("OK"):
        return Verdict(clean=True)
    if text.endswith("FOUND"):
        signature = text.rsplit(":", 1)[-1].removesuffix("FOUND").strip()
        return Verdict(clean=False, signature=signature)
    raise ScanFailed(text or "empty reply")


@dataclass(frozen=True)
class ClamdScanner:
    address: str  # a socket path or host:port
    name: str = "clamd"

    def _connect(self) -> socket.socket:
        if self.address.startswith("/"):
            conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            conn.settimeout(TIMEOUT_SECONDS)
            conn.connect(self.address)
            return conn
        host, _sep, port = self.address.rpartition(":")
        return socket.create_connection((host, int(port)), timeout=TIMEOUT_SECONDS)

    def scan(self, stream: IO[bytes]) -> Verdict:
        try:
            with self._connect() as conn:
                conn.sendall(b"zINSTREAM\0")
                while chunk := stream.read(CHUNK):
                    conn.sendall(struct.pack("!L", len(chunk)) + chunk)
                conn.sendall(struct.pack("!L", 0))
                reply = b""
                while not reply.endswith(b"\0") and (part := conn.recv(4096)):
                    reply += part
        except (OSError, ValueError) as exc:
            raise ScanFailed(str(exc)) from exc
        return _parse_clamd_reply(reply.decode("utf-8", "replace"))


@dataclass(frozen=True)
class CommandScanner:
    """`clamdscan -` or `clamscan -`: exit status 0 clean, 1 found, 2 an error."""

    executable: str
    name: str = "clamscan"

    def scan(self, stream: IO[bytes]) -> Verdict:
        try:
            result = subprocess.run(  # noqa: S603 - fixed argv, no shell
                [self.executable, "--no-summary", "--infected", "-"],
                input=stream.read(),
                capture_output=True,
                timeout=TIMEOUT_SECONDS * 5,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise ScanFailed(str(exc)) from exc
        if result.returncode == 0:
            return Verdict(clean=True)
        output = result.stdout.decode("utf-8", "replace")
        if result.returncode == 1:
            return _parse_clamd_reply(output.splitlines()[0] if output else "stream: unknown FOUND")
        raise ScanFailed(result.stderr.decode("utf-8", "replace")[:500] or "clamscan failed")


@cache
def _autodetected() -> Scanner | None:
    for path in AUTODETECT_SOCKETS:
        if Path(path).is_socket():
            return ClamdScanner(address=path)
    for command in ("clamdscan", "clamscan"):
        if executable := shutil.which(command):
            return CommandScanner(executable=executable, name=command)
    logger.info("ClamAV is not installed: uploaded documents are not scanned for viruses")
    return None


def current_scanner() -> Scanner | None:
    """The scanner the settings ask for (see the module's docstring), or None."""
    configured = str(getattr(settings, "CLAMAV_SOCKET", "") or "").strip()
    if configured.lower() == "off":
        return None
    if configured:
        return ClamdScanner(address=configured)
    return _autodetected()


def validate_clean(upload: Any, *, scanner: Scanner | None = None) -> None:
    """Refuse an upload in which ClamAV finds a virus, or which it could not check.

    Reads from the start and puts the position back; a file already checked in this request (the form
    and then the service validate the same upload) is not sent twice."""
    if getattr(upload, SCANNED_MARK, False):
        return
    scanner = scanner or current_scanner()
    if scanner is None:
        return
    name = getattr(upload, "name", "") or ""
    position = upload.tell() if hasattr(upload, "tell") else 0
    try:
        upload.seek(0)
        verdict = scanner.scan(upload)
    except ScanFailed as exc:
        logger.error("Virus scan of %r with %s failed: %s", name, scanner.name, exc)
        raise ValidationError(
            _("«%(name)s» could not be checked for viruses just now. Please try again later.")
            % {"name": name},
            code="file_unchecked",
        ) from exc
    finally:
        upload.seek(position)
    if not verdict.clean:
        logger.warning("Virus %s found in an upload %r", verdict.signature, name)
        raise ValidationError(
            _("«%(name)s» contains a virus (%(signature)s) and was not accepted.")
            % {"name": name, "signature": verdict.signature},
            code="file_virus",
        )
    with contextlib.suppress(AttributeError):
        setattr(upload, SCANNED_MARK, True)
