"""Every view that sends a file people uploaded (or a file made from their data) goes through here, so the
browser never runs it as part of the site: `Content-Disposition: attachment`, `X-Content-Type-Options:
nosniff` and a sandboxing Content-Security-Policy (scripts, plugins, forms and same-origin access off,
nothing loaded) — even an HTML or SVG file opened directly cannot touch the visitor's session.

Public pictures (logos, covers, photos) are served from `MEDIA_URL` by the web server; with `MEDIA_DOMAIN`
set they come from that separate domain instead (docs/deployment.md), which has no cookies of the site.
"""

from typing import IO, Any

from django.http import FileResponse, HttpResponseBase

SANDBOX_POLICY = "sandbox; default-src 'none'"


def harden(response: HttpResponseBase, *, filename: str = "") -> HttpResponseBase:
    """Add the headers to a response that carries a user file (used by `user_file_response`, and by the
    views that stream ranges of a file themselves). Keeps a Content-Disposition already set."""
    if "Content-Disposition" not in response:
        response["Content-Disposition"] = "attachment"
    elif not str(response["Content-Disposition"]).startswith("attachment"):
        response["Content-Disposition"] = (
            "attachment" + str(response["Content-Disposition"])[len("inline") :]
        )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = SANDBOX_POLICY
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    return response


def user_file_response(
    handle: IO[bytes] | Any, *, filename: str = "", content_type: str | None = None
) -> FileResponse:
    """A download of a user file: `FileResponse(..., as_attachment=True)` with the hardening headers."""
    response = FileResponse(
        handle, as_attachment=True, filename=filename or "", content_type=content_type
    )
    harden(response)
    return response
