"""Applications: list, page, check, edit, versions, status and exports."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from nkohub.core.errors import DomainError
from nkohub.core.pagination import paginate
from nkohub.core.permissions import require
from nkohub.core.serving import user_file_response
from nkohub.core.types import AuthenticatedHttpRequest
from nkohub.grants import hooks, selectors, services
from nkohub.grants.checker import Severity, expert_review
from nkohub.grants.document import compare, snapshot_of
from nkohub.grants.export_jobs import application_export_request
from nkohub.grants.exports import build_docx, export_filename, sections
from nkohub.grants.forms import (
    ApplicationForm,
    BudgetFormSet,
    PlanFormSet,
    StatusForm,
    TaskFormSet,
    TeamFormSet,
    document_from_forms,
    initial_from_snapshot,
)
from nkohub.grants.models import Application, ApplicationExport
from nkohub.grants.permissions import (
    can_change_status,
    can_edit_application,
    get_application_for_user,
)


@login_required
@require_safe
def my_applications(request: AuthenticatedHttpRequest) -> HttpResponse:
    applications = selectors.applications_visible_to(request.user).order_by("-updated_at", "-pk")
    return render(request, "grants/applications.html", {"page": paginate(request, applications)})


def _check_context(application: Application) -> dict[str, Any]:
    findings = selectors.check_application(application)
    counts = {
        name: sum(1 for f in findings if f.severity == severity)
        for name, severity in (
            ("blocking", Severity.BLOCKING),
            ("important", Severity.IMPORTANT),
            ("hints", Severity.HINT),
        )
    }
    return {"findings": findings, "reviews": expert_review(findings), "counts": counts}


def _document_context(application: Application) -> dict[str, Any]:
    document = selectors.application_document(application)
    doc = snapshot_of(document)
    return {"application": document, "doc": doc, "sections": sections(document, doc)}


@login_required
@require_safe
def application_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    application = get_application_for_user(request.user, pk)
    context = _document_context(application)
    context.update(_check_context(application))
    context.update(
        {
            "edit": can_edit_application(request.user, application),
            "status_decision": can_change_status(request.user, application),
            "status_form": StatusForm(application=application),
            "extra_links": hooks.application_links(request.user, application),
        }
    )
    return render(request, "grants/application.html", context)


@login_required
@require_safe
def application_check(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    application = get_application_for_user(request.user, pk)
    template = "grants/_findings.html" if request.htmx else "grants/check.html"
    context = {
        "application": application,
        "edit": can_edit_application(request.user, application),
        **_check_context(application),
    }
    return render(request, template, context)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def application_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    application = get_application_for_user(request.user, pk)
    require(can_edit_application(request.user, application))
    document = selectors.application_document(application)
    doc = snapshot_of(document)
    data = request.POST if request.method == "POST" else None
    form = ApplicationForm(
        data,
        initial=initial_from_snapshot(doc, application.version),
        competition=application.competition,
    )
    tasks = TaskFormSet(data, prefix="tasks", initial=doc["tasks"])
    team = TeamFormSet(data, prefix="team", initial=doc["team"])
    budget = BudgetFormSet(data, prefix="budget", initial=doc["budget_items"])
    plan = PlanFormSet(data, prefix="plan", initial=doc["plan_events"])
    if request.method == "POST" and all(f.is_valid() for f in (form, tasks, team, budget, plan)):
        try:
            version = services.application_save(
                actor=request.user,
                application=application,
                document=document_from_forms(form, tasks, team, budget, plan),
                base_version=form.cleaned_data["base_version"],
                note=form.cleaned_data["note"],
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request, _("Saved as version %(number)s.") % {"number": version.number}
            )
            if "check" in request.POST:
                return redirect("grants:application_check", application.pk)
            return redirect("grants:application_edit", application.pk)
    return render(
        request,
        "grants/edit.html",
        {
            "application": document,
            "form": form,
            "tasks": tasks,
            "team": team,
            "budget": budget,
            "plan": plan,
        },
    )


@login_required
@require_safe
def application_versions(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    application = get_application_for_user(request.user, pk)
    versions = selectors.application_versions(application)
    numbers = [v.number for v in versions]
    old = _int(request.GET.get("a"))
    new = _int(request.GET.get("b"))
    changes = None
    pair = None
    if old in numbers and new in numbers:
        by_number = {v.number: v for v in versions}
        pair = (by_number[old], by_number[new])
        changes = compare(pair[0].snapshot, pair[1].snapshot)
    return render(
        request,
        "grants/versions.html",
        {
            "application": application,
            "page": paginate(request, versions),
            "changes": changes,
            "pair": pair,
            "edit": can_edit_application(request.user, application),
        },
    )


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None


@login_required
@require_POST
def application_restore(request: AuthenticatedHttpRequest, pk: int, number: int) -> HttpResponse:
    application = get_application_for_user(request.user, pk)
    require(can_edit_application(request.user, application))
    try:
        version = services.application_restore(
            actor=request.user, application=application, number=number
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("Version %(old)s is restored as version %(new)s.")
            % {"old": number, "new": version.number},
        )
    return redirect("grants:application_versions", pk)


@login_required
@require_POST
def application_status(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    application = get_application_for_user(request.user, pk)
    require(can_change_status(request.user, application))
    form = StatusForm(request.POST, application=application)
    if form.is_valid():
        try:
            services.application_change_status(
                actor=request.user, application=application, **form.cleaned_data
            )
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The status of the application is changed."))
        return redirect("grants:application", pk)
    context = _document_context(application)
    context.update(_check_context(application))
    context.update(
        {
            "edit": can_edit_application(request.user, application),
            "status_decision": can_change_status(request.user, application),
            "status_form": form,
        }
    )
    return render(request, "grants/application.html", context, status=400)


@login_required
@require_safe
def application_export(
    request: AuthenticatedHttpRequest, pk: int, extension: str
) -> HttpResponseBase:
    """DOCX at once (a tenth of a second); the PDF of the current version from the background:
    at once when it is ready, otherwise the page that shows its progress."""
    application = get_application_for_user(request.user, pk)
    if extension == "docx":
        document = selectors.application_document(application)
        response = HttpResponse(
            build_docx(document, snapshot_of(document)),
            content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        )
        filename = export_filename(application, extension)
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
    export = application_export_request(actor=request.user, application=application)
    export.refresh_from_db()  # without a worker it was rendered on commit, just now
    if export.status == ApplicationExport.Status.READY:
        return _export_file_response(export)
    return redirect("grants:application_export_status", pk, export.pk)


def _export_for_user(request: HttpRequest, pk: int, export_pk: int) -> ApplicationExport:
    application = get_application_for_user(request.user, pk)
    return get_object_or_404(
        ApplicationExport.objects.select_related("application"),
        pk=export_pk,
        application=application,
    )


def _export_file_response(export: ApplicationExport) -> FileResponse:
    return user_file_response(
        export.file.open("rb"), filename=export.filename, content_type="application/pdf"
    )


@login_required
@require_safe
def application_export_status(
    request: AuthenticatedHttpRequest, pk: int, export_pk: int
) -> HttpResponse:
    export = _export_for_user(request, pk, export_pk)
    template = "grants/_export_status.html" if request.htmx else "grants/export_status.html"
    return render(request, template, {"export": export, "application": export.application})


@login_required
@require_safe
def application_export_file(
    request: AuthenticatedHttpRequest, pk: int, export_pk: int
) -> HttpResponseBase:
    export = _export_for_user(request, pk, export_pk)
    if export.status != ApplicationExport.Status.READY or not export.file:
        return redirect("grants:application_export_status", pk, export.pk)
    return _export_file_response(export)
