"""What the endpoint modules share: the responses every operation documents, the viewer, lookups."""

from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Schema
from pydantic import BaseModel

from nkohub.api.auth import token_of
from nkohub.api.models import ApiToken
from nkohub.api.permissions import can_write_for
from nkohub.api.problems import ApiProblem, Problem
from nkohub.core.errors import DomainError
from nkohub.core.permissions import Decision
from nkohub.territories.models import Municipality

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


def writing_token(request: HttpRequest, scope: str) -> ApiToken:
    """The token of a call that writes in its organisation's name: it must hold `scope` for that
    organisation (else 403); the app's own permission is checked by the caller."""
    token = token_of(request)
    require(can_write_for(token, token.organization if token else None, scope))
    assert token is not None
    return token


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


def municipality_named(pk: int) -> Municipality:
    """The municipality a body names by id, or a 422 problem on its field."""
    found = Municipality.objects.filter(pk=pk).first()
    if found is None:
        raise refused_by_service(
            DomainError(_("There is no such municipality."), field="municipality")
        )
    return found


def sent_fields(
    data: BaseModel, nullable: set[str], exclude: set[str] | None = None
) -> dict[str, Any]:
    """What a PATCH body sets: the fields sent, a null only where the field may be empty (elsewhere
    a null means «leave it»)."""
    return {
        name: value
        for name, value in data.model_dump(exclude_unset=True, exclude=exclude).items()
        if value is not None or name in nullable
    }
