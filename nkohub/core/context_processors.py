from typing import Any

from django.conf import settings
from django.http import HttpRequest

from nkohub.core.navigation import available_sections
from nkohub.core.permissions import is_operator


def site(request: HttpRequest) -> dict[str, Any]:
    return {
        "SITE_NAME": settings.SITE_NAME,
        "nav_sections": available_sections(request.path),
        "user_is_operator": is_operator(getattr(request, "user", None)),
    }
