"""What the endpoint modules share: the responses every operation documents, the viewer, lookups."""

from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Schema

from nkohub.api.auth import token_of
from nkohub.api.problems import ApiProblem, Problem
from nkohub.core.errors import DomainError
from nkohub.core.permissions import Decision

READ_ERRORS: dict[int, Any] = {400: Problem, 404: Problem, 422: Problem, 429: Problem}
WRITE_ERRORS: dict[int, Any] = {
    400: Problem,
    401: Problem,
    403: Problem,
    404: Problem,
    409: Problem,
    422: Problem,
    429: Problem,
}


class MunicipalityOut(Schema):
    id: int
    name: str
    oktmo: str | None = None


class Named(Schema):
    id: int
    name: str


def viewer(request: HttpRequest) -> Any:
    """The person behind the call: the token's owner, else nobody (the public's view)."""
    token = token_of(request)
    return token.user if token is not None else AnonymousUser()


def not_found() -> ApiProblem:
    return ApiProblem(404, _("There is no such object, or it is not public."))


def require(decision: Decision | bool) -> None:
    if not decision:
        reason = decision.reason if isinstance(decision, Decision) else ""
        raise ApiProblem(403, str(reason) or _("You have no right to do this."), kind="forbidden")


def refused_by_service(error: DomainError) -> ApiProblem:
    """A service's refusal: 422 when it names a field (the input is wrong), 409 otherwise (the
    object's state does not allow it)."""
    if error.field:
        return ApiProblem(
            422,
            error.message,
            kind="invalid",
            errors=[{"loc": ["body", error.field], "msg": error.message, "type": "domain"}],
        )
    return ApiProblem(409, error.message, kind="conflict")
