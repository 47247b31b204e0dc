"""Request types of the views, for the type checker.

`AuthenticatedHttpRequest` for views behind login_required; `HtmxHttpRequest` where a view reads
`request.htmx` (django-htmx's middleware sets it on every request); `AuthenticatedHtmxHttpRequest` both.
"""

from typing import TYPE_CHECKING

from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from nkohub.accounts.models import User


class HtmxHttpRequest(HttpRequest):
    """Any request: the person may be a guest."""

    htmx: HtmxDetails
    user: "User | AnonymousUser"


class AuthenticatedHttpRequest(HttpRequest):
    """A request of a signed-in person (for type checking of views behind login_required)."""

    htmx: HtmxDetails
    user: "User"


AuthenticatedHtmxHttpRequest = AuthenticatedHttpRequest
