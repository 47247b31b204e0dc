"""Heavy reads on a read replica, when one is configured (DATABASE_REPLICA_URL; docs/deployment.md §4).

The pages that read much and write nothing — the registry's search, the dashboard and statistics, the
exports and the open data — are listed by URL name in `REPLICA_READ_VIEWS`; for a GET or HEAD of one of
them `ReplicaReadsMiddleware` sends the reads to the alias "replica". Code outside a request (an export
task, a command) asks for the same with `with heavy_reads(): …`.

What always stays on the primary: every write; every read after a write in the same request or block
(the replica may lag behind); and the models that decide who the person is and what they may do
(sessions, accounts, allauth, content types, the core's leases and heartbeats), so a log-in just made
is never lost behind a lagging replica.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.db import connections, router
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Model
from django.http import FileResponse, HttpRequest, HttpResponse, StreamingHttpResponse

REPLICA = "replica"
PRIMARY = "default"
# Models of these apps are always read from the primary.
PRIMARY_ONLY_APPS = frozenset({"sessions", "accounts", "account", "auth", "contenttypes", "core"})
DEFAULT_REPLICA_READ_VIEWS = (
    "organizations:directory",
    "organizations:export",
    "grants:statistics",
    "projects:sponsor_report",
    "opendata:*",
    "analytics:*",
)

_heavy: ContextVar[bool] = ContextVar("nkohub_heavy_reads", default=False)
_wrote: ContextVar[bool] = ContextVar("nkohub_wrote", default=False)


def replica_configured() -> bool:
    return REPLICA in settings.DATABASES


@contextmanager
def heavy_reads() -> Iterator[None]:
    """Reads in this block may go to the replica (until the block writes something)."""
    heavy, wrote = _heavy.set(True), _wrote.set(False)
    try:
        yield
    finally:
        _heavy.reset(heavy)
        _wrote.reset(wrote)


class ReplicaRouter:
    def db_for_read(self, model: type[Model], **hints: Any) -> str | None:
        if not _heavy.get() or _wrote.get() or model._meta.app_label in PRIMARY_ONLY_APPS:
            return PRIMARY
        return REPLICA if replica_configured() else PRIMARY

    def db_for_write(self, model: type[Model], **hints: Any) -> str:
        _wrote.set(True)  # from now on this request reads its own writes from the primary
        return PRIMARY

    def allow_relation(self, obj1: Model, obj2: Model, **hints: Any) -> bool:
        return True  # the replica holds the primary's rows

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool:
        return db == PRIMARY


def _read_heavily(chunks: Any) -> Iterator[Any]:
    with heavy_reads():
        yield from chunks


def _view_patterns() -> tuple[str, ...]:
    return tuple(getattr(settings, "REPLICA_READ_VIEWS", DEFAULT_REPLICA_READ_VIEWS))


def is_heavy_view(view_name: str, namespace: str) -> bool:
    for pattern in _view_patterns():
        if pattern.endswith(":*"):
            if namespace and (namespace + ":").startswith(pattern[:-1]):
                return True
        elif pattern == view_name:
            return True
    return False


class ReplicaReadsMiddleware:
    """Marks GET and HEAD requests of the views in REPLICA_READ_VIEWS as heavy reads."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method not in {"GET", "HEAD"} or not replica_configured():
            return self.get_response(request)
        heavy, wrote = _heavy.set(False), _wrote.set(False)
        try:
            response = self.get_response(request)
            if (
                _heavy.get()
                and isinstance(response, StreamingHttpResponse)
                and not isinstance(response, FileResponse)
            ):
                # a CSV export made by a generator reads the database while it is sent
                response.streaming_content = _read_heavily(response.streaming_content)
            return response
        finally:
            _heavy.reset(heavy)
            _wrote.reset(wrote)

    def process_view(self, request: HttpRequest, *args: Any) -> None:
        match = request.resolver_match
        if (
            request.method in {"GET", "HEAD"}
            and match is not None
            and replica_configured()
            and is_heavy_view(match.view_name, match.namespace)
        ):
            _heavy.set(True)


def read_alias(model: type[Model]) -> str:
    """The database alias the ORM reads `model` from here and now (for raw SQL that must go with it)."""
    return router.db_for_read(model) or PRIMARY


def read_connection(model: type[Model]) -> BaseDatabaseWrapper:
    """The connection the ORM reads `model` from: raw SQL next to an ORM query uses this one."""
    return connections[read_alias(model)]
