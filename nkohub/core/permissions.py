"""Platform-wide rights: the operator flag, and the shape every app's rights take.

Each app decides its own rights in its permissions.py. A rule that a page must explain returns a
`Decision` (as Hypha's permission map returns `(allowed, reason)`): it is truthy when allowed, and when
refused it carries the reason the person is shown. `require(decision)` turns a refusal into the 403
page with that reason; an outsider who may not even know the object exists gets `Http404` instead
(`require(decision, hide=True)`).
"""

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.functional import Promise


@dataclass(frozen=True)
class Decision:
    """Allowed or not, and why not (English source wrapped in gettext; shown on the 403 page)."""

    allowed: bool
    reason: "str | Promise" = ""

    def __bool__(self) -> bool:
        return self.allowed


ALLOWED = Decision(True)


def refused(reason: "str | Promise") -> Decision:
    return Decision(False, reason)


def require(decision: Decision | bool, *, hide: bool = False) -> None:
    """Raise unless allowed: 404 when `hide` (the person must not learn the object exists), else 403
    carrying the decision's reason, which the 403 page shows."""
    if decision:
        return
    if hide:
        raise Http404
    reason = decision.reason if isinstance(decision, Decision) else ""
    raise PermissionDenied(reason)


def is_operator(user: Any) -> bool:
    return bool(
        user and user.is_authenticated and user.is_active and getattr(user, "is_operator", False)
    )


def can_view_audit(user: Any) -> bool:
    return is_operator(user)
