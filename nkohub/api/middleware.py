"""Core's guard against NUL bytes, for the API: under /api/v1/ the refusal is an RFC 9457 problem (the
shape of problems.py) and a JSON body is looked at too — a `\\u0000` in a JSON string is valid JSON
that pydantic lets through and PostgreSQL refuses to store. Stands in MIDDLEWARE in the place of
nkohub.core.middleware.RefuseNulBytesMiddleware; elsewhere it behaves as that one."""

import re

from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from nkohub.api.problems import problem_response
from nkohub.core import middleware

API_PREFIX = (
    "/api/v1/"  # the JSON API; the token and webhook pages under /api/ are pages for people
)
BODY_METHODS = ("POST", "PUT", "PATCH", "DELETE")
# a NUL byte, or the JSON escape of one (not preceded by an escaped backslash: «\\u0000» is text)
NUL_IN_BODY = re.compile(rb"\x00|(?<!\\)(?:\\\\)*\\u0000")


def body_has_nul(request: HttpRequest) -> bool:
    """A body that is not a form (core looks at forms; a multipart upload's files are binary)."""
    if request.method not in BODY_METHODS or request.content_type in middleware.FORM_CONTENT_TYPES:
        return False
    try:
        body = request.body
    except RequestDataTooBig:  # refused where the body is read, as for any other large body
        return False
    return NUL_IN_BODY.search(body) is not None


class RefuseNulBytesMiddleware(middleware.RefuseNulBytesMiddleware):
    def has_nul(self, request: HttpRequest) -> bool:
        if not request.path_info.startswith(API_PREFIX):
            return super().has_nul(request)
        return super().has_nul(request) or body_has_nul(request)

    def refusal(self, request: HttpRequest) -> HttpResponse:
        if not request.path_info.startswith(API_PREFIX):
            return super().refusal(request)
        return problem_response(
            request,
            400,
            _("The request carries a NUL byte (in its address, parameters or body)."),
            kind="nul-byte",
        )
