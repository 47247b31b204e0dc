"""One id per request, from nginx's X-Request-ID (or made here), in every log line and in every task the
request enqueues (docs/deployment.md §13).

The id lives in a context variable: `RequestIdMiddleware` sets it for the request and answers it in the
response's X-Request-ID; `nkohub.notifications.background` passes it to the tasks it enqueues and sets it
again while a worker runs them; `RequestIdFilter` puts it on each log record (`record.request_id`).
"""

import logging
import re
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.http import HttpRequest, HttpResponse

HEADER = "X-Request-ID"
_ACCEPTED = re.compile(r"[A-Za-z0-9._:-]{1,128}")
_current: ContextVar[str] = ContextVar("nkohub_request_id", default="")


def current() -> str:
    return _current.get()


def new_id() -> str:
    return uuid.uuid4().hex


def accepted(value: str | None) -> str | None:
    """An incoming id is kept only when it is short and plain (it ends up in logs and headers)."""
    return value if value and _ACCEPTED.fullmatch(value) else None


@contextmanager
def bound(request_id: str) -> Iterator[None]:
    token = _current.set(request_id)
    try:
        yield
    finally:
        _current.reset(token)


class RequestIdMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = accepted(request.headers.get(HEADER)) or new_id()
        request.request_id = request_id  # type: ignore[attr-defined]
        with bound(request_id):
            response = self.get_response(request)
        response[HEADER] = request_id
        return response


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if not getattr(record, "request_id", ""):
            record.request_id = current()
        return True
