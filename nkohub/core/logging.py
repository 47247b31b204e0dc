"""Logging helpers wired in config/settings.py's LOGGING."""

import logging


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
