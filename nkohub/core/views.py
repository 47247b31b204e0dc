from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from nkohub.core import health, selectors
from nkohub.core import home as home_page
from nkohub.core.audit_display import action_choices, describe
from nkohub.core.cabinet import blocks_for
from nkohub.core.pagination import paginate, querystring_without_page
from nkohub.core.permissions import can_view_audit
from nkohub.core.types import AuthenticatedHttpRequest


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/home.html", {"blocks": home_page.rendered_blocks()})


@login_required
def cabinet(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(request, "core/cabinet.html", {"blocks": blocks_for(request.user)})


@login_required
def audit_log(request: AuthenticatedHttpRequest) -> HttpResponse:
    if not can_view_audit(request.user):
        return permission_denied(request)
    entries = selectors.audit_entries(
        action=request.GET.get("action", ""), q=request.GET.get("q", "")
    )
    page = paginate(request, entries, per_page=50)
    return render(
        request,
        "core/audit_log.html",
        {
            "page": page,
            "rows": [describe(entry) for entry in page.object_list],
            "action_groups": action_choices(),
            "querystring": querystring_without_page(request),
            "action": request.GET.get("action", ""),
            "q": request.GET.get("q", ""),
        },
    )


@require_safe
@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """For uptime monitors and load balancers: 503 only when the database is lost (see core.health)."""
    database = health.database_state()
    cache = health.cache_state()
    queue = health.queue_state()
    depth = health.queue_depth() if queue == "ok" else None
    scheduler = health.scheduler_heartbeat() if database == "ok" else None
    status = health.overall(database, cache, queue, scheduler["state"] if scheduler else "never")
    return JsonResponse(
        {
            "status": status,
            "database": database,
            "cache": cache,
            "queue": queue,
            "queue_depth": depth if queue != "in-process" else {},
            "scheduler": scheduler,
        },
        status=503 if status == "unavailable" else 200,
    )


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    # Rendered without the request's context: the request itself is what is wrong.
    from django.template import loader

    return HttpResponse(loader.get_template("400.html").render(), status=400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """The 403 page, with the reason of the refusal when the rule gave one (core.permissions.require)."""
    reason = str(exception.args[0]) if exception is not None and exception.args else ""
    return render(request, "403.html", {"reason": reason}, status=403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    """The page of an unhandled error. When the database was lost (its connection refused or reset
    mid-request), 503 with a page that says so: the request's transaction was rolled back, so nothing
    it wrote is kept and the person should send it again later."""
    # No context processors that may touch the database: the error may be the database itself.
    import sys

    from django.db import InterfaceError, OperationalError
    from django.template import loader

    error = sys.exc_info()[1]  # Django calls this handler inside its `except` block
    if isinstance(error, OperationalError | InterfaceError):
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = "60"
        return response
    return HttpResponse(loader.get_template("500.html").render(), status=500)
