"""What /healthz/ reports: the database, the cache, the task queue, the queue's depth and the scheduler's
last heartbeat, each on its own.

The platform works without Redis (the cache misses, tasks wait for it: see nkohub/core/cache.py and
nkohub/notifications/background.py), so a lost Redis makes the deployment "degraded", not down; only a
lost database makes it "unavailable" (HTTP 503), which is what a load balancer should act on.
"""

import logging
from typing import Literal, TypedDict

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, connection
from django.utils import timezone

from nkohub.core import locks
from nkohub.core.cache import UNREACHABLE_ERRORS, ResilientRedisCache

logger = logging.getLogger(__name__)

ComponentState = Literal["ok", "unavailable", "local", "in-process", "late", "never"]
# A scheduler checks every 30 s: three missed checks and more make its heartbeat late.
SCHEDULER_LATE_SECONDS = 120
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


def _queue_urls() -> dict[str, str]:
    backend = str(settings.TASKS["default"]["BACKEND"])
    if not backend.startswith("django_tasks_rq."):
        return {}
    queues = getattr(settings, "RQ_QUEUES", {})
    return {name: queue["URL"] for name, queue in queues.items() if "URL" in queue}


def queue_depth() -> dict[str, int] | None:
    """Tasks waiting in each queue; {} when tasks run in-process, None when Redis does not answer."""
    import redis

    depths: dict[str, int] = {}
    timeout = settings.REDIS_CONNECT_TIMEOUT
    for name, url in sorted(_queue_urls().items()):
        client = redis.Redis.from_url(url, socket_connect_timeout=timeout, socket_timeout=timeout)
        try:
            depths[name] = int(client.llen(f"rq:queue:{name}"))
        except UNREACHABLE_ERRORS as error:
            logger.warning("Health check: the task queue does not answer: %s", error)
            return None
        finally:
            client.close()
    return depths


class SchedulerHeartbeat(TypedDict):
    state: ComponentState
    last_heartbeat: str | None
    seconds_ago: int | None


def scheduler_heartbeat() -> SchedulerHeartbeat:
    """ "ok" while a scheduler checks for due jobs, "late" when it stopped, "never" before its first check."""
    try:
        beat = locks.last_beat(locks.SCHEDULER_HEARTBEAT)
    except DatabaseError:
        return {"state": "unavailable", "last_heartbeat": None, "seconds_ago": None}
    if beat is None:
        return {"state": "never", "last_heartbeat": None, "seconds_ago": None}
    age = max(0, int((timezone.now() - beat.beat_at).total_seconds()))
    return {
        "state": "late" if age > SCHEDULER_LATE_SECONDS else "ok",
        "last_heartbeat": beat.beat_at.isoformat(),
        "seconds_ago": age,
    }


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
    if "unavailable" in others or "late" in others:
        return "degraded"
    return "ok"
