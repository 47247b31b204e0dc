"""Where a form goes back to after it is sent: `next` from the form or the query, only when it is an
address of this site (a path, or this host) — never an open redirect to `https://evil.example` or
`//evil.example` (issue 22, item 9)."""

from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme


def is_safe_target(request: HttpRequest, target: str) -> bool:
    """The address is on this site (and over HTTPS when the request is)."""
    return bool(target) and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )


def safe_next(request: HttpRequest, fallback: str) -> str:
    """`next` of the POST or the query string when it is safe, else `fallback`."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    return target if is_safe_target(request, target) else fallback
