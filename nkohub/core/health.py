"""What /healthz/ reports: the database, the cache and the task queue, each on its own.

The platform works without Redis (the cache misses, tasks wait for it: see nkohub/core/cache.py and
nkohub/notifications/background.py), so a lost Redis makes the deployment "degraded", not down; only a
lost database makes it "unavailable" (HTTP 503), which is what a load balancer should act on.
"""

import logging
from typing import Literal

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, connection

from nkohub.core.cache import UNREACHABLE_ERRORS, ResilientRedisCache

logger = logging.getLogger(__name__)

ComponentState = Literal["ok", "unavailable", "local", "in-process"]
OverallState = Literal["ok", "degraded", "unavailable"]


def database_state() -> ComponentState:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError as error:
        logger.warning("Health check: the database does not answer: %s", error)
        return "unavailable"
    return "ok"


def cache_state() -> ComponentState:
    """ "ok"/"unavailable" for Redis; "local" for the embedded in-process cache."""
    cache = caches["default"]
    if isinstance(cache, ResilientRedisCache):
        return "ok" if cache.ping() else "unavailable"
    return "local"


def queue_state() -> ComponentState:
    """ "ok"/"unavailable" for the Redis of the task queues; "in-process" when tasks run at once."""
    urls = {queue["URL"] for queue in getattr(settings, "RQ_QUEUES", {}).values() if "URL" in queue}
    backend = str(settings.TASKS["default"]["BACKEND"])
    if not urls or not backend.startswith("django_tasks_rq."):
        return "in-process"
    import redis

    timeout = settings.REDIS_CONNECT_TIMEOUT
    for url in urls:
        client = redis.Redis.from_url(url, socket_connect_timeout=timeout, socket_timeout=timeout)
        try:
            client.ping()
        except UNREACHABLE_ERRORS as error:
            logger.warning("Health check: the task queue does not answer: %s", error)
            return "unavailable"
        finally:
            client.close()
    return "ok"


def overall(database: ComponentState, *others: ComponentState) -> OverallState:
    if database == "unavailable":
        return "unavailable"
    if "unavailable" in others:
        return "degraded"
    return "ok"
