"""The dashboard (public), its CSV downloads, and the operators' pages: figures, public blocks,
sector reports."""

import tempfile
from pathlib import Path

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from nkohub.analytics import csv_files, dashboard, selectors, services
from nkohub.analytics.forms import FiguresImportForm, PublicBlocksForm, ReportForm
from nkohub.analytics.imports import ImportReport, import_figures
from nkohub.analytics.models import SectorReport
from nkohub.analytics.permissions import (
    can_configure_dashboard,
    can_download_report,
    can_manage_figures,
    can_order_reports,
    can_see_private_blocks,
)
from nkohub.core.permissions import require
from nkohub.core.service_calls import submit_form
from nkohub.core.serving import user_file_response
from nkohub.core.types import AuthenticatedHttpRequest


@require_safe
def dashboard_page(request: HttpRequest) -> HttpResponse:
    everything = can_see_private_blocks(request.user)
    return render(
        request,
        "analytics/dashboard.html",
        {"blocks_html": dashboard.rendered_blocks(everything=everything), "operator": everything},
    )


@require_safe
def block_csv(request: HttpRequest, key: str) -> HttpResponse:
    kind = dashboard.block_kind(key)
    if kind is None:
        raise Http404
    if key in selectors.private_block_keys() and not can_see_private_blocks(request.user):
        raise Http404
    block = kind.build(dashboard.Context(timezone.localdate()))
    response = HttpResponse(csv_files.block_csv(block), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{key}.csv"'
    return response


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def figures_page(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(can_manage_figures(request.user))
    form = FiguresImportForm(request.POST or None, request.FILES or None)
    result: ImportReport | None = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        upload = data["file"]
        suffix = Path(upload.name).suffix.lower() or ".csv"
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / f"upload{suffix}"
            with path.open("wb") as out:
                for chunk in upload.chunks():
                    out.write(chunk)
            result = import_figures(
                actor=request.user,
                kind=data["kind"],
                path=path,
                source=data["source"],
                source_date=data["source_date"],
                year=data["year"],
                thousands=data["thousands"],
                dry_run=data["dry_run"],
            )
    return render(
        request,
        "analytics/figures.html",
        {
            "form": form,
            "result": result,
            "subsidy_years": selectors.subsidies_by_year(),
            "media": selectors.media_figures().order_by("-year", "-month")[:24],
        },
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def public_blocks(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(can_configure_dashboard(request.user))
    private = selectors.private_block_keys()
    form = PublicBlocksForm(
        request.POST or None,
        initial={"public": [key for key in dashboard.BLOCK_KEYS if key not in private]},
    )
    done = submit_form(
        request,
        form,
        lambda data: services.dashboard_public_blocks_set(
            actor=request.user, public=set(data["public"]), known=dashboard.BLOCK_KEYS
        ),
        success=_("The dashboard's public blocks are saved."),
    )
    if done is not None:
        return redirect("analytics:public_blocks")
    return render(request, "analytics/public_blocks.html", {"form": form})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def reports(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(can_order_reports(request.user))
    form = ReportForm(request.POST or None)
    report = submit_form(
        request,
        form,
        lambda data: services.report_request(
            actor=request.user,
            start=data["start"],
            end=data["end"],
            conclusions=data["conclusions"],
        ),
    )
    if report is not None:
        return redirect("analytics:report", report.pk)
    return render(
        request, "analytics/reports.html", {"form": form, "reports": selectors.recent_reports()}
    )


def _report_for(request: HttpRequest, pk: int) -> SectorReport:
    report = selectors.report_by_pk(pk)
    if report is None:
        raise Http404
    require(can_download_report(request.user, report))
    return report


@login_required
@require_safe
def report_page(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    report = _report_for(request, pk)
    template = (
        "analytics/_report_status.html"
        if request.headers.get("HX-Request")
        else "analytics/report.html"
    )
    return render(request, template, {"report": report})


FORMATS = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@login_required
@require_safe
def report_file(request: AuthenticatedHttpRequest, pk: int, extension: str) -> FileResponse:
    report = _report_for(request, pk)
    if extension not in FORMATS or report.status != SectorReport.Status.READY:
        raise Http404
    file = getattr(report, extension)
    if not file or not file.storage.exists(file.name):
        raise Http404
    return user_file_response(
        file.open("rb"),
        filename=report.filename(extension),
        content_type=FORMATS[extension],
    )
