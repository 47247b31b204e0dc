"""Failed log-ins are limited per client address and per account, with the address taken through the
trusted proxy (nginx on 127.0.0.1), so that one attacker never locks out everybody."""

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from nkohub.accounts.tests.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

PROXY = "127.0.0.1"


@pytest.fixture(autouse=True)
def _limits(settings: Any) -> None:
    settings.TRUSTED_PROXIES = ["127.0.0.1", "::1"]
    settings.ACCOUNT_RATE_LIMITS = {
        **settings.ACCOUNT_RATE_LIMITS,
        "login_failed": "10/m/ip,5/5m/key",
    }


def _login(client: Client, email: str, password: str, *, address: str) -> Any:
    """A log-in through nginx: the connection is from the proxy, the person's address in the header."""
    return client.post(
        reverse("account_login"),
        {"login": email, "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=address,
    )


def _signed_in(response: Any) -> bool:
    return response.status_code == 302 and response["Location"] == reverse("core:cabinet")


def _refused_as_too_many(response: Any) -> bool:
    return (
        response.status_code == 200
        and "Слишком много неудачных попыток входа" in response.content.decode()
    )


def test_an_attacker_behind_the_proxy_does_not_lock_out_other_people(client: Client) -> None:
    victims = [UserFactory.create(email=f"victim{i}@example.org") for i in range(12)]
    for victim in victims:  # twelve wrong passwords from one address, one per account
        _login(client, victim.email, "wrong-password", address="203.0.113.66")
    assert _refused_as_too_many(
        _login(client, "someone@example.org", "wrong-password", address="203.0.113.66")
    )
    alice = UserFactory.create(email="alice@example.org")
    assert _signed_in(_login(Client(), alice.email, DEFAULT_PASSWORD, address="198.51.100.7"))


def test_an_account_under_attack_from_many_addresses_is_limited_but_others_are_not(
    client: Client,
) -> None:
    target = UserFactory.create(email="target@example.org")
    for i in range(5):
        _login(client, target.email, "wrong-password", address=f"203.0.113.{10 + i}")
    response = _login(Client(), target.email, "wrong-password", address="203.0.113.99")
    assert _refused_as_too_many(response)
    bob = UserFactory.create(email="bob@example.org")
    assert _signed_in(_login(Client(), bob.email, DEFAULT_PASSWORD, address="203.0.113.99"))


def test_a_forged_header_from_a_client_that_is_no_proxy_is_ignored(client: Client) -> None:
    """Rotating X-Forwarded-For without a trusted proxy in front does not escape the address limit."""
    for i in range(10):
        client.post(
            reverse("account_login"),
            {"login": f"nobody{i}@example.org", "password": "wrong-password"},
            REMOTE_ADDR="203.0.113.66",
            HTTP_X_FORWARDED_FOR=f"198.51.100.{i}",
        )
    response = client.post(
        reverse("account_login"),
        {"login": "nobody-else@example.org", "password": "wrong-password"},
        REMOTE_ADDR="203.0.113.66",
        HTTP_X_FORWARDED_FOR="198.51.100.200",
    )
    assert _refused_as_too_many(response)


def test_a_megabyte_password_is_refused_by_the_form_not_hashed(client: Client) -> None:
    person = UserFactory.create(email="anna@example.org")
    response = client.post(
        reverse("account_login"), {"login": person.email, "password": "x" * 1_000_000}
    )
    assert response.status_code == 200
    assert "не более 1000 символов (сейчас 1000000)" in response.content.decode()
    assert "_auth_user_id" not in client.session
