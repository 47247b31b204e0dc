"""Rate limits: a fixed window per client address without a token and per token with one."""

from typing import Any

import pytest

from nkohub.api.tests.factories import bearer, make_token

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _small_limits(settings: Any) -> None:
    settings.API_RATE_LIMIT_ADDRESS = 3
    settings.API_RATE_LIMIT_TOKEN = 5
    settings.API_RATE_LIMIT_WINDOW = 60


def _calls(client: Any, count: int, **headers: Any) -> list[int]:
    return [client.get("/api/v1/courses", **headers).status_code for _ in range(count)]


def test_an_address_past_its_limit_gets_429(client: Any) -> None:
    assert _calls(client, 4, REMOTE_ADDR="198.51.100.1") == [200, 200, 200, 429]


def test_the_429_says_when_to_come_back(client: Any) -> None:
    _calls(client, 3, REMOTE_ADDR="198.51.100.1")
    response = client.get("/api/v1/courses", REMOTE_ADDR="198.51.100.1")
    assert 1 <= int(response["Retry-After"]) <= 60


def test_another_address_has_its_own_window(client: Any) -> None:
    _calls(client, 3, REMOTE_ADDR="198.51.100.1")
    assert _calls(client, 1, REMOTE_ADDR="198.51.100.2") == [200]


def test_a_token_has_its_own_larger_limit(client: Any, owner: Any, ngo: Any) -> None:
    _, key = make_token(owner, ngo)
    _calls(client, 3, REMOTE_ADDR="198.51.100.1")
    assert _calls(client, 6, REMOTE_ADDR="198.51.100.1", **bearer(key)) == [200] * 5 + [429]


def test_each_token_counts_apart(client: Any, owner: Any, ngo: Any) -> None:
    _, first = make_token(owner, ngo, name="Сайт")
    _, second = make_token(owner, ngo, name="CRM")
    _calls(client, 5, **bearer(first))
    assert _calls(client, 1, **bearer(second)) == [200]


def test_the_429_is_a_problem_of_its_own_kind(client: Any) -> None:
    _calls(client, 3, REMOTE_ADDR="198.51.100.1")
    response = client.get("/api/v1/courses", REMOTE_ADDR="198.51.100.1")
    assert response.json()["type"] == "urn:nkohub:problem:rate-limited"
