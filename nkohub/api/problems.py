"""Errors in one shape: RFC 9457 problem details, `application/problem+json`.

    {"type": "about:blank", "title": "Not Found", "status": 404, "detail": "…", "instance": "/api/v1/…"}

`type` is "about:blank" (the status says it all) or `urn:nkohub:problem:<kind>` for the API's own
kinds, listed in docs/api.md; a validation problem adds `errors` (where and what); a 429 comes with Retry-After."""

import json
from http import HTTPStatus
from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Schema

CONTENT_TYPE = "application/problem+json"
KIND_PREFIX = "urn:nkohub:problem:"  # a name, not an address (RFC 9457 allows it); see docs/api.md


class ProblemError(Schema):
    loc: list[str | int] = []
    msg: str
    type: str = ""


class Problem(Schema):
    """RFC 9457 problem details."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str = ""
    instance: str = ""
    errors: list[ProblemError] | None = None


class ApiProblem(Exception):
    """Raised anywhere in an endpoint to answer with a problem."""

    def __init__(
        self,
        status: int,
        detail: str = "",
        *,
        kind: str = "",
        errors: list[dict[str, Any]] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(detail)
        self.status, self.detail, self.kind = status, detail, kind
        self.errors, self.headers = errors, headers or {}


def problem_response(
    request: HttpRequest,
    status: int,
    detail: str = "",
    *,
    kind: str = "",
    errors: list[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
) -> HttpResponse:
    body: dict[str, Any] = {
        "type": f"{KIND_PREFIX}{kind}" if kind else "about:blank",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
        "instance": request.path.replace("\x00", "\\x00"),  # a NUL is not echoed back
    }
    if errors is not None:
        body["errors"] = errors
    response = HttpResponse(
        json.dumps(body, ensure_ascii=False), status=status, content_type=CONTENT_TYPE
    )
    for name, value in headers.items() if headers else ():
        response[name] = value
    return response
