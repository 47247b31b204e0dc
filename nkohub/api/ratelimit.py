"""Rate limits of the API: a fixed window counter per token and per client address in the Django
cache (Redis in production, shared by every process). `cache.add` starts a window's counter with its
expiry, `cache.incr` counts atomically; past the limit the request gets 429 with Retry-After (the
seconds to the window's end). With the cache down (ResilientRedisCache answers as an empty cache)
requests are let through: a limit is no reason to refuse the service."""

import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    limit: int
    remaining: int
    retry_after: int


def hit(identity: str, *, limit: int, window: int) -> Verdict:
    """Count one request of `identity` ("token:<id>" or "ip:<address>") in the current window."""
    now = time.time()
    start = int(now // window) * window
    key = f"api:rate:{identity}:{start}"
    retry_after = max(1, int(start + window - now + 0.999))
    cache.add(key, 0, timeout=window + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # the key expired between add and incr, or the cache is down
        count = 1
        cache.add(key, count, timeout=window + 1)
    return Verdict(
        allowed=count <= limit,
        limit=limit,
        remaining=max(0, limit - count),
        retry_after=retry_after,
    )


def limits_for(*, token: bool) -> tuple[int, int]:
    """(requests, window seconds) for a token's requests or an address's anonymous ones."""
    if token:
        return settings.API_RATE_LIMIT_TOKEN, settings.API_RATE_LIMIT_WINDOW
    return settings.API_RATE_LIMIT_ADDRESS, settings.API_RATE_LIMIT_WINDOW
