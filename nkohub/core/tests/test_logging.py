"""A refused request is one line in the server log; a server error keeps its traceback."""

import io
import logging
from typing import Any

import pytest
from django.test import Client

from nkohub.core.logging import ClientErrorsWithoutTraceback

pytestmark = pytest.mark.django_db


@pytest.fixture
def server_log() -> Any:
    """The root console handler as settings.LOGGING configures it, writing into a buffer."""
    handler = next(
        h
        for h in logging.getLogger().handlers
        if any(isinstance(f, ClientErrorsWithoutTraceback) for f in h.filters)
    )
    assert isinstance(handler, logging.StreamHandler)
    buffer = io.StringIO()
    previous = handler.setStream(buffer)
    yield buffer
    handler.setStream(previous)


def test_a_plain_403_is_one_line_without_a_traceback(
    client: Client, outsider: Any, server_log: io.StringIO
) -> None:
    client.force_login(outsider)
    response = client.get("/notifications/operations/")
    assert response.status_code == 403
    log = server_log.getvalue()
    assert "Forbidden (Permission denied): /notifications/operations/" in log
    assert "Traceback" not in log


def test_a_server_error_keeps_its_traceback() -> None:
    record = logging.LogRecord("django.request", logging.ERROR, __file__, 1, "boom", (), None)
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        import sys

        record.exc_info = sys.exc_info()
    record.status_code = 500
    ClientErrorsWithoutTraceback().filter(record)
    assert record.exc_info is not None
