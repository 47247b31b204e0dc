"""Who is calling the API: a personal token (`Authorization: Bearer nko_…`) or an anonymous address,
and the rate limit of each. Reads take either; writes need a token (401 without one)."""

from dataclasses import dataclass
from typing import Any, NoReturn

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja.security import HttpBearer

from nkohub.api import ratelimit
from nkohub.api.models import ApiToken
from nkohub.api.problems import ApiProblem
from nkohub.api.services.tokens import token_for_key, token_note_use


@dataclass(frozen=True)
class Anonymous:
    """request.auth of a call without a token (truthy, so that ninja lets it through)."""

    address: str


def _limit(request: HttpRequest, identity: str, *, token: bool) -> None:
    limit, window = ratelimit.limits_for(token=token)
    verdict = ratelimit.hit(identity, limit=limit, window=window)
    request.rate_limit = verdict  # type: ignore[attr-defined]
    if not verdict.allowed:
        raise ApiProblem(
            429,
            _("Too many requests: at most %(limit)s in %(window)s seconds.")
            % {"limit": limit, "window": window},
            kind="rate-limited",
            headers={"Retry-After": str(verdict.retry_after)},
        )


def _refuse() -> NoReturn:
    raise ApiProblem(401, _("The API token is malformed, unknown or revoked."), kind="token")


class TokenAuth(HttpBearer):
    """A personal API token. `required=False` also lets anonymous callers in, limited by address."""

    def __init__(self, *, required: bool) -> None:
        self.required = required
        super().__init__()

    def __call__(self, request: HttpRequest) -> Any:
        header = request.headers.get(self.header, "")
        if not header:
            if self.required:
                return None  # ninja answers 401
            address = request.META.get("REMOTE_ADDR") or "unknown"
            _limit(request, f"ip:{address}", token=False)
            return Anonymous(address=address)
        found = super().__call__(request)
        if found is None:
            _refuse()
        return found

    def authenticate(self, request: HttpRequest, token: str) -> ApiToken | None:
        found = token_for_key(token.strip())
        if found is None:
            _refuse()
        _limit(request, f"token:{found.pk}", token=True)
        token_note_use(token=found, address=request.META.get("REMOTE_ADDR"))
        return found


optional_token = TokenAuth(required=False)
required_token = TokenAuth(required=True)


def token_of(request: HttpRequest) -> ApiToken | None:
    auth = getattr(request, "auth", None)
    return auth if isinstance(auth, ApiToken) else None
