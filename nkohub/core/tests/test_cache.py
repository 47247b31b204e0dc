"""The Redis cache survives the loss of Redis: it logs once, misses, and costs milliseconds."""

import logging
import socket
import threading
import time
from typing import Any

import pytest
import redis
from django.test import Client
from django.urls import reverse

from nkohub.accounts.tests.factories import DEFAULT_PASSWORD, UserFactory
from nkohub.core import cache as resilient
from nkohub.core.cache import ResilientRedisCache

CLOSED_PORT = "redis://127.0.0.1:1/0"
LIVE_REDIS = "redis://127.0.0.1:6379/5"


@pytest.fixture(autouse=True)
def _no_outage_left_over() -> Any:
    resilient._down_until.clear()
    yield
    resilient._down_until.clear()


def dead_cache(**options: Any) -> ResilientRedisCache:
    return ResilientRedisCache(CLOSED_PORT, {"OPTIONS": {"RETRY_AFTER": 30, **options}})


def _redis_is_up() -> bool:
    try:
        return bool(redis.Redis.from_url(LIVE_REDIS, socket_connect_timeout=0.5).ping())
    except redis.exceptions.RedisError:
        return False


def test_with_redis_down_reads_miss_and_writes_are_dropped_as_in_a_dummy_cache() -> None:
    cache = dead_cache()
    assert cache.get("facets", "default") == "default"
    cache.set("facets", {"ngo": 3})
    assert cache.add("lock", True) is True  # allauth's lock is taken, so log-in goes on
    assert cache.get_many(["a", "b"]) == {}
    assert cache.set_many({"a": 1}) == []
    assert cache.has_key("a") is False
    assert cache.delete("a") is False
    assert cache.touch("a") is False
    assert cache.get_or_set("computed", lambda: 42) == 42
    with pytest.raises(ValueError):
        cache.incr("counter")


def test_a_dead_redis_is_tried_once_per_retry_window_not_on_every_call(monkeypatch: Any) -> None:
    cache = dead_cache()
    tries = {"n": 0}
    client = cache._cache.get_client

    def counting_client(*args: Any, **kwargs: Any) -> Any:
        tries["n"] += 1
        return client(*args, **kwargs)

    monkeypatch.setattr(cache._cache, "get_client", counting_client)
    started = time.monotonic()
    for _ in range(50):
        cache.get("facets")
    assert tries["n"] == 1
    assert time.monotonic() - started < 1.0


def test_the_outage_is_shared_by_every_cache_object_of_the_process() -> None:
    dead_cache().get("x")
    assert dead_cache().is_unreachable()


def test_the_outage_is_logged_once_not_on_every_call(caplog: Any) -> None:
    cache = dead_cache(RETRY_AFTER=0)
    with caplog.at_level(logging.WARNING, logger="nkohub.core.cache"):
        for _ in range(5):
            cache.get("facets")
    assert [r.getMessage() for r in caplog.records].count(caplog.records[0].getMessage()) == 1
    assert "unreachable" in caplog.records[0].getMessage()


def test_a_hung_redis_costs_one_socket_timeout_not_one_per_call() -> None:
    """A Redis that accepts the connection but never answers (frozen, or a full network buffer)."""
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(16)  # the kernel completes the handshake; nobody ever reads or writes
        port = silent.getsockname()[1]
        cache = ResilientRedisCache(
            f"redis://127.0.0.1:{port}/0",
            {"OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2}},
        )
        started = time.monotonic()
        for _ in range(20):
            assert cache.get("facets") is None
        assert time.monotonic() - started < 1.5


def test_something_else_than_redis_at_the_address_counts_as_unreachable() -> None:
    with socket.socket() as http:
        http.bind(("127.0.0.1", 0))
        http.listen(1)
        port = http.getsockname()[1]

        def answer() -> None:
            connection, _address = http.accept()
            with connection:
                connection.recv(1024)
                connection.sendall(b"HTTP/1.1 400 Bad Request\r\n\r\n")

        thread = threading.Thread(target=answer, daemon=True)
        thread.start()
        cache = ResilientRedisCache(f"redis://127.0.0.1:{port}/0", {"OPTIONS": {}})
        assert cache.get("facets", "miss") == "miss"
        thread.join(timeout=5)


def test_a_redis_out_of_memory_drops_the_write_instead_of_failing_the_page(
    monkeypatch: Any,
) -> None:
    cache = dead_cache()

    def full(*args: Any, **kwargs: Any) -> None:
        raise redis.exceptions.ResponseError(
            "OOM command not allowed when used memory > 'maxmemory'."
        )

    monkeypatch.setattr(cache._cache, "set", full)
    cache.set("facets", {"ngo": 3})
    assert cache.is_unreachable()


def test_other_redis_errors_are_not_hidden(monkeypatch: Any) -> None:
    cache = dead_cache()

    def wrong(*args: Any, **kwargs: Any) -> None:
        raise redis.exceptions.ResponseError(
            "WRONGTYPE Operation against a key holding the wrong kind of value"
        )

    monkeypatch.setattr(cache._cache, "get", wrong)
    with pytest.raises(redis.exceptions.ResponseError):
        cache.get("facets")


@pytest.mark.skipif(not _redis_is_up(), reason="no Redis at 127.0.0.1:6379")
def test_a_live_redis_is_used_and_a_recovery_is_noticed(caplog: Any) -> None:
    cache = ResilientRedisCache(LIVE_REDIS, {"KEY_PREFIX": "test-resilient", "OPTIONS": {}})
    cache._failed(redis.exceptions.ConnectionError("simulated"))
    resilient._down_until[cache.location] = 0  # the retry window is over
    with caplog.at_level(logging.WARNING, logger="nkohub.core.cache"):
        cache.set("k", "v", 5)
    assert cache.get("k") == "v"
    assert not cache.is_unreachable()
    assert any("answers again" in r.getMessage() for r in caplog.records)
    cache.delete("k")


@pytest.fixture
def redis_down(settings: Any) -> None:
    settings.CACHES = {
        "default": {
            "BACKEND": "nkohub.core.cache.ResilientRedisCache",
            "LOCATION": CLOSED_PORT,
            "OPTIONS": {"RETRY_AFTER": 30},
        }
    }


@pytest.mark.django_db
def test_with_redis_down_a_person_still_logs_in(client: Client, redis_down: None) -> None:
    person = UserFactory.create(email="anna@example.org")
    response = client.post(
        reverse("account_login"), {"login": person.email, "password": DEFAULT_PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("core:cabinet")


@pytest.mark.django_db
def test_with_redis_down_the_directory_answers(client: Client, redis_down: None, ngo: Any) -> None:
    response = client.get(reverse("organizations:directory"))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Найдена 1 организация" in content
    assert "АНО «Добрые соседи»" in content


@pytest.mark.django_db
def test_with_redis_down_the_health_check_says_degraded_not_down(
    client: Client, redis_down: None
) -> None:
    response = client.get(reverse("core:healthz"))
    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["cache"] == "unavailable"
    assert response.json()["database"] == "ok"
