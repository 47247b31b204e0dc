"""The API, version 1 (`/api/v1/`): django-ninja with pydantic v2, the OpenAPI 3.1 schema at
`/api/v1/openapi.json`, Swagger UI at `/api/v1/docs` served from our own static files (npm
swagger-ui-dist, no CDN). Every error is an RFC 9457 problem (problems.py)."""

import logging
from collections.abc import Callable
from functools import wraps
from importlib import import_module
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.openapi.docs import DocsBase

from nkohub.api.endpoints import ENDPOINTS
from nkohub.api.problems import CONTENT_TYPE, ApiProblem, Problem, problem_response

logger = logging.getLogger(__name__)

DESCRIPTION = """Open data of НКО-Кластер: the registry of organisations, resource offers, the fair
of projects, grant competitions, published answers of the authorities, courses and the library,
events, news, the idea bank and the consultations' knowledge base.

Reads are public (a token raises the rate limit). Writes need a personal API token, created in the
cabinet («Мой кабинет» → «API-токены»), sent as `Authorization: Bearer nko_…`; a token acts for one
organisation within its scopes. Errors are RFC 9457 problem details (`application/problem+json`).
Large lists page by cursor (`next_cursor`), smaller ones by `page`. Objects carry an ETag."""


class LocalSwagger(DocsBase):
    """Swagger UI from build/vendor (npm swagger-ui-dist) and our own starter script (CSP: no
    inline script)."""

    def render_page(self, request: HttpRequest, api: NinjaAPI, **kwargs: Any) -> HttpResponse:
        return render(request, "api/docs.html", {"schema_url": self.get_openapi_url(api, kwargs)})


class ProblemAPI(NinjaAPI):
    def get_openapi_schema(self, **kwargs: Any) -> Any:
        schema = super().get_openapi_schema(**kwargs)
        _document_problems(schema)
        return schema


def _document_problems(schema: Any) -> None:
    """Every operation answers problems as `application/problem+json`, and may answer 429 (rate
    limits) and 500; those with a token answer 401, those with a path parameter 404."""
    for path, operations in schema.get("paths", {}).items():
        for operation in operations.values():
            responses = {str(code): r for code, r in operation.get("responses", {}).items()}
            operation["responses"] = responses
            codes = {"400", "422", "429", "500"}
            if operation.get("security"):
                codes.add("401")
            if "{" in path:
                codes.add("404")
            for code in codes:
                responses.setdefault(code, {"description": "", "content": {}})
            for code, response in responses.items():
                if int(code) < 400:
                    continue
                response["description"] = response.get("description") or "Problem"
                response["content"] = {
                    CONTENT_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}
                }
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components.setdefault(
        "Problem", Problem.model_json_schema(ref_template="#/components/schemas/{model}")
    )
    components.update(
        Problem.model_json_schema(ref_template="#/components/schemas/{model}").pop("$defs", {})
    )
    components["Problem"].pop("$defs", None)


api = ProblemAPI(
    title="НКО-Кластер API",
    version="1.0.0",
    description=DESCRIPTION,
    urls_namespace="api-v1",
    docs=LocalSwagger(),
    docs_url="/docs",
    openapi_url="/openapi.json",
)

for module_path in ENDPOINTS:
    module = import_module(module_path)
    api.add_router(module.PREFIX, module.router)


def _head_as_get(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """HEAD runs the GET operation (ninja knows only the declared methods and answers 405), so an
    uptime monitor or a cache may ask for the headers of whatever a GET may read."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method != "HEAD":
            return view(request, *args, **kwargs)
        request.method = "GET"
        try:
            return view(request, *args, **kwargs)
        finally:
            request.method = "HEAD"

    return wrapped


def urls() -> tuple[list[Any], str, str]:
    """`api.urls`, with HEAD answered as GET."""
    patterns, app_name, namespace = api.urls
    for pattern in patterns:
        if pattern.callback is not None:
            pattern.callback = _head_as_get(pattern.callback)
    return patterns, app_name, namespace


@csrf_exempt  # a POST to an unknown address is a 404 problem too, not the CSRF page
def unknown_path(request: HttpRequest, rest: str = "") -> HttpResponse:
    """Any address under /api/v1/ that no operation has (a path parameter of the wrong type too)."""
    return problem_response(request, 404, _("There is no such address in the API."))


@api.exception_handler(ApiProblem)
def _problem(request: HttpRequest, exc: ApiProblem) -> HttpResponse:
    return problem_response(
        request, exc.status, exc.detail, kind=exc.kind, errors=exc.errors, headers=exc.headers
    )


@api.exception_handler(ValidationError)
def _invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    errors = [
        {
            "loc": [str(part) if not isinstance(part, int) else part for part in e.get("loc", [])],
            "msg": str(e.get("msg", "")),
            "type": str(e.get("type", "")),
        }
        for e in exc.errors
    ]
    return problem_response(
        request,
        422,
        _("The request's parameters or body are not valid."),
        kind="invalid",
        errors=errors,
    )


@api.exception_handler(AuthenticationError)
def _unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return problem_response(
        request,
        401,
        _("This operation needs an API token: Authorization: Bearer nko_…"),
        kind="token",
        headers={"WWW-Authenticate": "Bearer"},
    )


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return problem_response(request, exc.status_code, str(exc))


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return problem_response(request, 404, _("There is no such object, or it is not public."))


@api.exception_handler(PermissionDenied)
def _forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return problem_response(
        request, 403, str(exc) or _("You have no right to do this."), kind="forbidden"
    )


@api.exception_handler(Exception)
def _server_error(request: HttpRequest, exc: Exception) -> HttpResponse:
    logger.exception("API error at %s", request.path)
    return problem_response(request, 500, _("The server failed; the error is logged."))
