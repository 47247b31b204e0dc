"""Request guards shared by every page (listed in config/settings.py's MIDDLEWARE)."""

import logging
from collections.abc import Callable, Iterable

from django.http import HttpRequest, HttpResponse

from nkohub.core.views import bad_request

logger = logging.getLogger(__name__)

NUL = "\x00"
FORM_CONTENT_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def _any_nul(pairs: Iterable[tuple[str, list[str]]]) -> bool:
    return any(NUL in key or any(NUL in str(value) for value in values) for key, values in pairs)


def request_has_nul(request: HttpRequest) -> bool:
    """A NUL byte in the path, the query string or a form field.

    No person types one; PostgreSQL refuses to store or compare text with it (a 500 deep in a query),
    so it is refused at the door. Uploaded files' contents are binary and not looked at; their names
    reach us without control characters (Django's multipart parser drops them).
    """
    if NUL in request.path_info or _any_nul(request.GET.lists()):
        return True
    if request.method in ("POST", "PUT", "PATCH") and request.content_type in FORM_CONTENT_TYPES:
        return _any_nul(request.POST.lists())
    return False


class RefuseNulBytesMiddleware:
    """Answers 400 (the Russian «bad request» page) to a request carrying a NUL byte.

    An app above core may subclass it (and stand in its place in MIDDLEWARE) to look at more of the
    request (`has_nul`) or answer in its own format (`refusal`): the API answers a problem there."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if self.has_nul(request):
            logger.warning(
                "Bad request (a NUL byte in the input): %s", request.path_info.replace(NUL, "\\x00")
            )
            return self.refusal(request)
        return self.get_response(request)

    def has_nul(self, request: HttpRequest) -> bool:
        return request_has_nul(request)

    def refusal(self, request: HttpRequest) -> HttpResponse:
        return bad_request(request)
