"""The address of the person behind a request, through the reverse proxies we trust.

Behind nginx every request comes from 127.0.0.1; the person's address is in `X-Forwarded-For`, which
nginx extends with the address it saw (`$proxy_add_x_forwarded_for`). Anyone can send that header, so it
is read only when the request comes from a proxy listed in TRUSTED_PROXIES (addresses or networks), and
then from the right: each hop added by a trusted proxy is skipped, and the first hop that is not a trusted
proxy is the client. What the client wrote into the header itself is never believed.

`ClientAddressMiddleware` puts the result into `REMOTE_ADDR`, so that everything reading it — allauth's
login limits, the consent records of 152-ФЗ, the logs — sees the person, not the proxy. The address the
connection really came from stays in `request.META["NKOHUB_PEER_ADDR"]`.
"""

import ipaddress
from collections.abc import Callable, Iterable, Sequence

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest, HttpResponse

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
Address = ipaddress.IPv4Address | ipaddress.IPv6Address

PEER_ADDR_KEY = "NKOHUB_PEER_ADDR"


def parse_networks(entries: Iterable[str]) -> list[Network]:
    """TRUSTED_PROXIES entries ("127.0.0.1", "10.0.0.0/8", "::1") as networks; a bad entry is an error."""
    networks: list[Network] = []
    for entry in entries:
        try:
            networks.append(ipaddress.ip_network(entry.strip(), strict=False))
        except ValueError as error:
            raise ImproperlyConfigured(
                f"TRUSTED_PROXIES: {entry!r} is not an address or network"
            ) from error
    return networks


def parse_address(value: str) -> Address | None:
    """An address as proxies write it: "203.0.113.5", "203.0.113.5:51234", "[2001:db8::1]:443"."""
    value = value.strip().strip('"')
    if value.startswith("["):
        value = value[1:].partition("]")[0]
    elif value.count(":") == 1:  # IPv4 with a port; a bare IPv6 address has several colons
        value = value.partition(":")[0]
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        return address.ipv4_mapped
    return address


def _trusted(address: Address | None, proxies: Sequence[Network]) -> bool:
    return address is not None and any(address in network for network in proxies)


def resolve_client_ip(peer: str, forwarded_for: str | None, proxies: Sequence[Network]) -> str:
    """The client's address: `peer` itself unless it is a trusted proxy, else the rightmost untrusted hop."""
    client = parse_address(peer)
    if client is None:
        return peer
    if not forwarded_for or not _trusted(client, proxies):
        return str(client)
    for hop in reversed(forwarded_for.split(",")):
        address = parse_address(hop)
        if address is None:
            break  # garbage a trusted proxy would not write: stop at the last proxy we know
        client = address
        if not _trusted(address, proxies):
            break
    return str(client)


def trusted_proxies() -> list[Network]:
    return parse_networks(settings.TRUSTED_PROXIES)


class ClientAddressMiddleware:
    """Sets REMOTE_ADDR to the client's address resolved through TRUSTED_PROXIES (keep it first)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.proxies = trusted_proxies()

    def __call__(self, request: HttpRequest) -> HttpResponse:
        peer = request.META.get("REMOTE_ADDR", "")
        request.META[PEER_ADDR_KEY] = peer
        if self.proxies:
            request.META["REMOTE_ADDR"] = resolve_client_ip(
                peer, request.META.get("HTTP_X_FORWARDED_FOR"), self.proxies
            )
        return self.get_response(request)


def client_ip(request: HttpRequest) -> str:
    """The client's address (after ClientAddressMiddleware)."""
    return str(request.META.get("REMOTE_ADDR", ""))
