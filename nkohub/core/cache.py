"""A Redis cache that survives the loss of Redis.

Every use of the cache in the platform — allauth's login limiter, the registry's facet counts, search
suggestions — is an optimisation or a limit, never the only copy of anything. So while Redis cannot be
reached, `ResilientRedisCache` behaves as Django's `DummyCache` does: reads miss, writes are dropped,
`add()` succeeds (so allauth's cache lock is taken and log-in works), `incr()` says the key is missing.

A dead Redis must cost milliseconds, not seconds: connections get short socket timeouts, and after one
failure the cache is not tried again for `RETRY_AFTER` seconds (shared by every thread of the process),
so a page that reads the cache ten times pays for one timeout at most. The outage is logged once when it
starts and once when Redis answers again, not on every call.

    CACHES = {"default": {
        "BACKEND": "nkohub.core.cache.ResilientRedisCache",
        "LOCATION": "redis://127.0.0.1:6379/0",
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5, "RETRY_AFTER": 5},
    }}

What a loss of Redis means for each use is documented in docs/deployment.md («Redis»).
"""

import logging
import threading
import time
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import InvalidResponse, ReadOnlyError, ResponseError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

# Errors that mean "Redis cannot serve us now": not reachable, not Redis at the other end, a replica
# that refuses writes; anything else (a bug, a bad key) is raised as usual. A Redis out of memory or
# unable to persist answers with a ResponseError starting with OOM / MISCONF: see _is_unusable.
UNREACHABLE_ERRORS: tuple[type[BaseException], ...] = (
    RedisConnectionError,
    RedisTimeoutError,
    InvalidResponse,
    ReadOnlyError,
    OSError,
)
UNUSABLE_REPLIES = ("OOM", "MISCONF")


def _is_unusable(error: ResponseError) -> bool:
    return str(error).startswith(UNUSABLE_REPLIES)


DEFAULT_CONNECT_TIMEOUT = 0.5
DEFAULT_SOCKET_TIMEOUT = 0.5
DEFAULT_RETRY_AFTER = 5.0

T = TypeVar("T")

# location -> monotonic time until which the cache is not tried; shared by the threads of a process.
_down_until: dict[str, float] = {}
_state_lock = threading.Lock()


class ResilientRedisCache(RedisCache):
    """Django's RedisCache that logs and misses (as DummyCache) while Redis is unreachable."""

    def __init__(self, server: str, params: dict[str, Any]) -> None:
        options = dict(params.get("OPTIONS") or {})
        self.retry_after = float(options.pop("RETRY_AFTER", DEFAULT_RETRY_AFTER))
        options.setdefault("socket_connect_timeout", DEFAULT_CONNECT_TIMEOUT)
        options.setdefault("socket_timeout", DEFAULT_SOCKET_TIMEOUT)
        super().__init__(server, {**params, "OPTIONS": options})
        self.location = server if isinstance(server, str) else ",".join(server)

    # --- the outage switch -------------------------------------------------------------
    def is_unreachable(self) -> bool:
        """True while a recent failure tells us not to try Redis yet."""
        until = _down_until.get(self.location)
        return until is not None and time.monotonic() < until

    def _failed(self, error: BaseException) -> None:
        with _state_lock:
            first = self.location not in _down_until
            _down_until[self.location] = time.monotonic() + self.retry_after
        if first:
            logger.warning(
                "Cache %s is unreachable (%s); working without it, retrying every %s s",
                self.location,
                error,
                self.retry_after,
            )

    def _succeeded(self) -> None:
        if self.location in _down_until:
            with _state_lock:
                was_down = _down_until.pop(self.location, None) is not None
            if was_down:
                logger.warning("Cache %s answers again", self.location)

    def _guarded(self, call: Callable[[], T], fallback: Callable[[], T]) -> T:
        if self.is_unreachable():
            return fallback()
        try:
            result = call()
        except UNREACHABLE_ERRORS as error:
            self._failed(error)
            return fallback()
        except ResponseError as error:
            if not _is_unusable(error):
                raise
            self._failed(error)
            return fallback()
        self._succeeded()
        return result

    def ping(self) -> bool:
        """Ask Redis itself (whatever the outage switch says); for the health endpoint."""
        try:
            self._cache.get_client(write=True).ping()
        except UNREACHABLE_ERRORS as error:
            self._failed(error)
            return False
        self._succeeded()
        return True

    # --- the cache API, each with DummyCache's answer as the fallback -------------------
    def add(
        self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None
    ) -> bool:
        parent = super().add
        return self._guarded(lambda: parent(key, value, timeout, version), lambda: True)

    def get(self, key: Any, default: Any = None, version: int | None = None) -> Any:
        parent = super().get
        return self._guarded(lambda: parent(key, default, version), lambda: default)

    def set(
        self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None
    ) -> None:
        parent = super().set
        self._guarded(lambda: parent(key, value, timeout, version), lambda: None)

    def touch(self, key: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None) -> bool:
        parent = super().touch
        return self._guarded(lambda: parent(key, timeout, version), lambda: False)

    def delete(self, key: Any, version: int | None = None) -> bool:
        parent = super().delete
        return self._guarded(lambda: parent(key, version), lambda: False)

    def get_many(self, keys: Iterable[Any], version: int | None = None) -> dict[Any, Any]:
        parent = super().get_many
        keys = list(keys)
        return self._guarded(lambda: parent(keys, version), dict)

    def has_key(self, key: Any, version: int | None = None) -> bool:
        parent = super().has_key
        return self._guarded(lambda: parent(key, version), lambda: False)

    def incr(self, key: Any, delta: int = 1, version: int | None = None) -> int:
        parent = super().incr

        def missing() -> int:
            raise ValueError(f"Key '{key}' not found (the cache is unreachable)")

        return self._guarded(lambda: parent(key, delta, version), missing)

    def set_many(
        self, data: dict[Any, Any], timeout: Any = DEFAULT_TIMEOUT, version: int | None = None
    ) -> list[Any]:
        parent = super().set_many
        return self._guarded(lambda: parent(data, timeout, version), list)

    def delete_many(self, keys: Iterable[Any], version: int | None = None) -> None:
        parent = super().delete_many
        keys = list(keys)
        self._guarded(lambda: parent(keys, version), lambda: None)

    def clear(self) -> None:
        parent = super().clear
        self._guarded(parent, lambda: None)
