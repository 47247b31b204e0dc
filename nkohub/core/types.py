from typing import TYPE_CHECKING

from django.http import HttpRequest

if TYPE_CHECKING:
    from nkohub.accounts.models import User


class AuthenticatedHttpRequest(HttpRequest):
    """A request of a signed-in person (for type checking of views behind login_required)."""

    user: "User"
