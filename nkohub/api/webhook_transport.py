"""Sending a webhook delivery: the address check against private networks (SSRF), the signature,
and one HTTP POST without redirects. No database here: services/webhooks.py records the outcome."""

import hashlib
import hmac
import ipaddress
import json
import socket
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext as _

from nkohub.core.errors import DomainError

SIGNATURE_HEADER = "X-NKO-Signature"
EVENT_HEADER = "X-NKO-Event"
DELIVERY_HEADER = "X-NKO-Delivery"
TIMEOUT_SECONDS = 10


def _private(address: str) -> bool:
    ip = ipaddress.ip_address(address)
    return not ip.is_global or ip.is_multicast


def check_url(url: str) -> None:
    """Refuse what is not http(s) and any host that resolves to a private, loopback, link-local or
    reserved address (the portal's own network), unless API_WEBHOOKS_ALLOW_PRIVATE (tests)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise DomainError(_("Give an http or https address."), field="url")
    if settings.API_WEBHOOKS_ALLOW_PRIVATE:
        return
    try:
        found = socket.getaddrinfo(parts.hostname, parts.port or 443, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise DomainError(_("The address's host is not found."), field="url") from error
    if any(_private(str(info[4][0])) for info in found):
        raise DomainError(_("Webhooks are not sent to addresses of private networks."), field="url")


def signature(secret: str, timestamp: int, body: bytes) -> str:
    """`t=<unix time>,v1=<hex HMAC-SHA256 of "<t>." + body>`: the receiver recomputes it with the
    secret and rejects old timestamps (replays)."""
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"t={timestamp},v1={mac.hexdigest()}"


@dataclass(frozen=True)
class Outcome:
    ok: bool
    status: int | None
    error: str


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None  # a redirect could lead to a private address: it counts as a failure


def post(
    *, url: str, secret: str, event: str, delivery_id: int, payload: dict[str, Any]
) -> Outcome:
    try:
        check_url(url)
    except DomainError as error:
        return Outcome(ok=False, status=None, error=error.message)
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
    request = urllib.request.Request(  # noqa: S310 (the scheme is checked above)
        url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "User-Agent": "nkohub-webhooks/1",
            EVENT_HEADER: event,
            DELIVERY_HEADER: str(delivery_id),
            SIGNATURE_HEADER: signature(secret, int(time.time()), body),
        },
    )
    opener = urllib.request.build_opener(_NoRedirects)
    try:
        with opener.open(request, timeout=TIMEOUT_SECONDS) as response:
            status = int(response.status)
    except urllib.error.HTTPError as error:
        return Outcome(ok=False, status=error.code, error=f"HTTP {error.code}")
    except (urllib.error.URLError, OSError, ValueError) as error:
        return Outcome(ok=False, status=None, error=str(error)[:500])
    return Outcome(
        ok=200 <= status < 300, status=status, error="" if status < 300 else f"HTTP {status}"
    )
