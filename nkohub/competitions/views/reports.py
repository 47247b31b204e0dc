"""Reports on a grant: the grantee files, the funder accepts or returns; files are served only
to those who may read the report."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from nkohub.competitions import selectors, services
from nkohub.competitions.forms import ReportForm, ReportReviewForm
from nkohub.competitions.permissions import (
    can_review_report,
    can_submit_report,
    get_report_for_user,
)
from nkohub.core.errors import DomainError, add_domain_error
from nkohub.core.permissions import require
from nkohub.core.serving import user_file_response
from nkohub.core.storage import original_filename
from nkohub.core.types import AuthenticatedHttpRequest


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def report(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    report = selectors.report_detail(get_report_for_user(request.user, pk))
    file_it = can_submit_report(request.user, report)
    judge = can_review_report(request.user, report)
    form = (
        ReportForm(
            request.POST or None,
            request.FILES or None,
            report=report,
            initial={"text": report.text},
        )
        if file_it
        else None
    )
    review_form = ReportReviewForm(request.POST or None) if judge else None
    if request.method == "POST":
        require(file_it or judge)
        try:
            if form is not None and form.is_valid():
                services.report_submit(
                    actor=request.user,
                    report=report,
                    text=form.cleaned_data["text"],
                    actual=form.values("actual"),
                    spent=form.values("spent"),
                    files=form.cleaned_data["attachments"],
                )
                messages.success(request, _("The report is sent to the funder."))
                return redirect("competitions:report", report.pk)
            if review_form is not None and review_form.is_valid():
                services.report_review(
                    actor=request.user,
                    report=report,
                    accept=review_form.cleaned_data["accept"],
                    note=review_form.cleaned_data["note"],
                )
                messages.success(
                    request, _("The decision on the report is recorded and the grantee is told.")
                )
                return redirect("competitions:report", report.pk)
        except DomainError as error:
            add_domain_error(form if form is not None else review_form, error)
    return render(
        request,
        "competitions/report.html",
        {
            "report": report,
            "submission": report.agreement.submission,
            "form": form,
            "review_form": review_form,
            "file_it": file_it,
            "judge": judge,
        },
    )


@login_required
@require_safe
def report_file(request: AuthenticatedHttpRequest, pk: int, file_pk: int) -> FileResponse:
    report = get_report_for_user(request.user, pk)
    attached = report.files.filter(pk=file_pk).first()
    if attached is None:
        raise Http404
    return user_file_response(
        attached.file.open("rb"),
        filename=original_filename(attached.original_name),
    )
