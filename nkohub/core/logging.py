"""Logging helpers wired in config/settings.py's LOGGING."""

import json
import logging
from datetime import UTC, datetime


class ClientErrorsWithoutTraceback(logging.Filter):
    """A refused request (403, 404, 400…) is one line in the log, not a traceback.

    Django logs `PermissionDenied` and bad requests with the exception attached, so a person opening a page
    they may not see printed a whole traceback into the server log. The line (status, path) stays; the
    traceback is kept only for server errors (5xx).
    """

    def filter(self, record: logging.LogRecord) -> bool:
        status = getattr(record, "status_code", None)
        if isinstance(status, int) and status < 500:
            record.exc_info = None
            record.exc_text = None
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line (LOG_FORMAT=json): time, level, logger, message, request id, and the
    traceback when there is one — what a log collector (Loki, ELK, journald's JSON) reads without rules."""

    # Attributes of every LogRecord; anything else on a record was passed with `extra=` and is kept.
    _standard = frozenset(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {
        "message",
        "asctime",
        "request_id",
    }

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, tz=UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", "") or None,
        }
        for key, value in vars(record).items():
            if key not in self._standard and not key.startswith("_"):
                entry[key] = (
                    value if isinstance(value, str | int | float | bool | None) else str(value)
                )
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        elif record.exc_text:
            entry["exception"] = record.exc_text
        return json.dumps(entry, ensure_ascii=False)
