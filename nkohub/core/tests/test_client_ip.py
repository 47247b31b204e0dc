"""The client's address through trusted proxies only (X-Forwarded-For read from the right)."""

from typing import Any

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory

from nkohub.core.client_ip import (
    PEER_ADDR_KEY,
    ClientAddressMiddleware,
    parse_networks,
    resolve_client_ip,
)

LOCAL = parse_networks(["127.0.0.1", "::1"])
CHAIN = parse_networks(["127.0.0.1", "10.0.0.0/8"])


def test_a_direct_request_keeps_its_own_address() -> None:
    assert resolve_client_ip("203.0.113.5", None, LOCAL) == "203.0.113.5"


def test_behind_nginx_the_address_nginx_saw_is_the_client() -> None:
    assert resolve_client_ip("127.0.0.1", "203.0.113.5", LOCAL) == "203.0.113.5"


def test_what_the_client_wrote_into_the_header_itself_is_not_believed() -> None:
    # The client sent "X-Forwarded-For: 1.2.3.4"; nginx appended the address it really saw.
    assert resolve_client_ip("127.0.0.1", "1.2.3.4, 203.0.113.5", LOCAL) == "203.0.113.5"


def test_a_header_from_an_untrusted_peer_is_ignored() -> None:
    assert resolve_client_ip("203.0.113.5", "198.51.100.1", LOCAL) == "203.0.113.5"


def test_a_chain_of_trusted_proxies_is_walked_to_the_first_untrusted_hop() -> None:
    forwarded = "1.2.3.4, 198.51.100.20, 10.1.2.3"  # spoofed, client, load balancer
    assert resolve_client_ip("127.0.0.1", forwarded, CHAIN) == "198.51.100.20"


def test_ports_and_ipv6_brackets_are_understood() -> None:
    assert resolve_client_ip("127.0.0.1", "203.0.113.5:51234", LOCAL) == "203.0.113.5"
    assert resolve_client_ip("::1", "[2001:db8::7]:443", LOCAL) == "2001:db8::7"
    assert resolve_client_ip("::ffff:127.0.0.1", "203.0.113.5", LOCAL) == "203.0.113.5"


def test_garbage_in_the_header_stops_at_the_last_known_proxy() -> None:
    assert resolve_client_ip("127.0.0.1", "unknown", LOCAL) == "127.0.0.1"


def test_a_wrong_trusted_proxies_entry_is_a_configuration_error() -> None:
    with pytest.raises(ImproperlyConfigured):
        parse_networks(["10.0.0.0/33"])


def _through_middleware(settings: Any, **meta: Any) -> HttpRequest:
    seen: dict[str, HttpRequest] = {}

    def view(request: HttpRequest) -> HttpResponse:
        seen["request"] = request
        return HttpResponse()

    ClientAddressMiddleware(view)(RequestFactory().get("/", **meta))
    return seen["request"]


def test_the_middleware_puts_the_client_into_remote_addr_and_keeps_the_peer(settings: Any) -> None:
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    request = _through_middleware(
        settings, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.5"
    )
    assert request.META["REMOTE_ADDR"] == "203.0.113.5"
    assert request.META[PEER_ADDR_KEY] == "127.0.0.1"


def test_with_no_trusted_proxies_the_header_is_never_read(settings: Any) -> None:
    settings.TRUSTED_PROXIES = []
    request = _through_middleware(
        settings, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.5"
    )
    assert request.META["REMOTE_ADDR"] == "127.0.0.1"


@pytest.mark.django_db
def test_a_consent_records_the_persons_address_not_the_proxys(client: Any) -> None:
    from nkohub.accounts.models import Consent
    from nkohub.accounts.tests.test_signup import signup_data

    client.post(
        "/accounts/signup/",
        signup_data(),
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR="203.0.113.5",
    )
    assert set(Consent.objects.values_list("ip_address", flat=True)) == {"203.0.113.5"}
