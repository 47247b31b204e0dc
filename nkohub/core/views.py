from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from nkohub.core import home as home_page
from nkohub.core import selectors
from nkohub.core.cabinet import blocks_for
from nkohub.core.pagination import paginate, querystring_without_page
from nkohub.core.permissions import can_view_audit
from nkohub.core.types import AuthenticatedHttpRequest


@require_GET
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
    return render(
        request,
        "core/audit_log.html",
        {
            "page": paginate(request, entries, per_page=50),
            "querystring": querystring_without_page(request),
            "action": request.GET.get("action", ""),
            "q": request.GET.get("q", ""),
        },
    )


@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "403.html", status=403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    # No context processors that may touch the database: the error may be the database itself.
    from django.template import loader

    return HttpResponse(loader.get_template("500.html").render(), status=500)
