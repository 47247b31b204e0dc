from datetime import timedelta
from typing import Any, cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from nkohub.core.errors import DomainError
from nkohub.core.pagination import paginate
from nkohub.grants import selectors, services
from nkohub.grants.calendar_feed import deadlines_calendar
from nkohub.grants.card_import import fund_card_import
from nkohub.grants.checker import Severity, expert_review
from nkohub.grants.document import compare, snapshot_of
from nkohub.grants.export_jobs import application_export_request
from nkohub.grants.exports import build_docx, export_filename, sections
from nkohub.grants.forms import (
    ApplicationForm,
    BudgetFormSet,
    CalendarFilterForm,
    CardPasteForm,
    ComparisonForm,
    CompetitionForm,
    PlanFormSet,
    StartApplicationForm,
    StatusForm,
    TaskFormSet,
    TeamFormSet,
    document_from_forms,
    initial_from_snapshot,
)
from nkohub.grants.models import Application, ApplicationExport, Competition, RegionComparison
from nkohub.grants.permissions import (
    can_change_status,
    can_edit_application,
    can_follow_competitions,
    can_import_cards,
    can_manage_comparisons,
    can_manage_competitions,
    can_start_application,
    can_view_organization_statistics,
    get_application_for_user,
    require,
)
from nkohub.organizations.models import Organization
from nkohub.organizations.selectors import organizations_user_acts_for

# --- the calendar ------------------------------------------------------------------------


def _calendar_queryset(request: HttpRequest) -> tuple[CalendarFilterForm, Any]:
    form = CalendarFilterForm(request.GET or None)
    filters: dict[str, Any] = {}
    if form.is_valid():
        filters = {
            "when": form.cleaned_data["when"],
            "funder": form.cleaned_data["funder"],
            "direction": form.cleaned_data["direction"],
            "query": form.cleaned_data["q"],
        }
    return form, selectors.competitions_calendar(**filters)


def _query(form: CalendarFilterForm) -> str:
    return form.cleaned_data["q"].strip() if form.is_valid() else ""


@require_safe
def calendar(request: HttpRequest) -> HttpResponse:
    form, competitions = _calendar_queryset(request)
    context = {
        "form": form,
        "page": paginate(request, competitions),
        "today": timezone.localdate(),
        "closing_soon": timezone.localdate() + timedelta(days=selectors.CLOSING_SOON_DAYS),
        "followed": selectors.followed_competition_ids(request.user),
        "can_manage": can_manage_competitions(request.user),
        "suggestion": selectors.competitions_suggestion(query) if (query := _query(form)) else "",
    }
    template = (
        "grants/_competitions.html" if getattr(request, "htmx", False) else "grants/calendar.html"
    )
    return render(request, template, context)


@require_safe
def calendar_ics(request: HttpRequest) -> HttpResponse:
    _form, competitions = _calendar_queryset(request)
    body = deadlines_calendar(competitions[:500], base_url=request.build_absolute_uri("/"))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="grant-deadlines.ics"'
    return response


@require_safe
def competition_detail(request: HttpRequest, pk: int) -> HttpResponse:
    competition = selectors.competition_detail(pk)
    if competition is None:
        raise Http404
    start_form = None
    if request.user.is_authenticated:
        start_form = StartApplicationForm(user=request.user)
        if not cast(Any, start_form.fields["organization"]).queryset.exists():
            start_form = None
    return render(
        request,
        "grants/competition.html",
        {
            "competition": competition,
            "today": timezone.localdate(),
            "following": competition.pk in selectors.followed_competition_ids(request.user),
            "start_form": start_form,
            "can_manage": can_manage_competitions(request.user),
        },
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def competition_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    require(can_manage_competitions(request.user))
    competition = get_object_or_404(Competition, pk=pk) if pk else None
    form = CompetitionForm(request.POST or None, instance=competition)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.competition_save(
                actor=request.user,
                competition=form.save(commit=False),
                directions=form.cleaned_data["directions"],
            )
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, _("The competition is saved."))
            return redirect("grants:competition", saved.pk)
    return render(
        request, "grants/competition_form.html", {"form": form, "competition": competition}
    )


@login_required
@require_POST
def competition_follow(request: HttpRequest, pk: int) -> HttpResponse:
    competition = get_object_or_404(Competition, pk=pk)
    require(can_follow_competitions(request.user))
    if request.POST.get("follow") == "0":
        services.competition_unfollow(actor=request.user, competition=competition)
        messages.success(request, _("You no longer follow this competition."))
    else:
        services.competition_follow(actor=request.user, competition=competition)
        messages.success(request, _("We will remind you before applications close."))
    return redirect(request.POST.get("next") or reverse("grants:competition", args=[pk]))


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def application_start(request: HttpRequest, pk: int) -> HttpResponse:
    competition = get_object_or_404(Competition.objects.select_related("funder"), pk=pk)
    form = StartApplicationForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        organization = form.cleaned_data["organization"]
        require(can_start_application(request.user, organization))
        application = services.application_start(
            actor=request.user,
            organization=organization,
            competition=competition,
            project=form.cleaned_data["project"],
        )
        messages.success(request, _("The application is created. Complete it and run the check."))
        return redirect("grants:application_edit", application.pk)
    if not cast(Any, form.fields["organization"]).queryset.exists():
        raise Http404
    return render(request, "grants/start.html", {"form": form, "competition": competition})


# --- applications ------------------------------------------------------------------------


@login_required
@require_safe
def my_applications(request: HttpRequest) -> HttpResponse:
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
def application_detail(request: HttpRequest, pk: int) -> HttpResponse:
    application = get_application_for_user(request.user, pk)
    context = _document_context(application)
    context.update(_check_context(application))
    context.update(
        {
            "edit": can_edit_application(request.user, application),
            "status_decision": can_change_status(request.user, application),
            "status_form": StatusForm(application=application),
        }
    )
    return render(request, "grants/application.html", context)


@login_required
@require_safe
def application_check(request: HttpRequest, pk: int) -> HttpResponse:
    application = get_application_for_user(request.user, pk)
    template = "grants/_findings.html" if getattr(request, "htmx", False) else "grants/check.html"
    context = {
        "application": application,
        "edit": can_edit_application(request.user, application),
        **_check_context(application),
    }
    return render(request, template, context)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def application_edit(request: HttpRequest, pk: int) -> HttpResponse:
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
def application_versions(request: HttpRequest, pk: int) -> HttpResponse:
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
def application_restore(request: HttpRequest, pk: int, number: int) -> HttpResponse:
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
def application_status(request: HttpRequest, pk: int) -> HttpResponse:
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
def application_export(request: HttpRequest, pk: int, extension: str) -> HttpResponseBase:
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
    return FileResponse(
        export.file.open("rb"),
        as_attachment=True,
        filename=export.filename,
        content_type="application/pdf",
    )


@login_required
@require_safe
def application_export_status(request: HttpRequest, pk: int, export_pk: int) -> HttpResponse:
    export = _export_for_user(request, pk, export_pk)
    template = (
        "grants/_export_status.html"
        if getattr(request, "htmx", False)
        else "grants/export_status.html"
    )
    return render(request, template, {"export": export, "application": export.application})


@login_required
@require_safe
def application_export_file(request: HttpRequest, pk: int, export_pk: int) -> HttpResponseBase:
    export = _export_for_user(request, pk, export_pk)
    if export.status != ApplicationExport.Status.READY or not export.file:
        return redirect("grants:application_export_status", pk, export.pk)
    return _export_file_response(export)


# --- statistics --------------------------------------------------------------------------


def _stats_groups(stats: Any) -> list[tuple[str, Any]]:
    return [
        (_("Year"), stats.by_year),
        (_("Funder"), stats.by_funder),
        (_("Direction"), stats.by_direction),
    ]


@require_safe
def statistics(request: HttpRequest) -> HttpResponse:
    manage = can_manage_comparisons(request.user)
    stats = selectors.grant_statistics(selectors.region_applications())
    return render(
        request,
        "grants/statistics.html",
        {
            "stats_groups": _stats_groups(stats),
            "stats": stats,
            "comparisons": selectors.region_comparisons(),
            "comparison_form": ComparisonForm() if manage else None,
            "can_manage": manage,
            "my_organizations": organizations_user_acts_for(request.user)
            if request.user.is_authenticated
            else [],
        },
    )


@login_required
@require_safe
def organization_statistics(request: HttpRequest, pk: int) -> HttpResponse:
    organization = get_object_or_404(Organization, pk=pk)
    if not can_view_organization_statistics(request.user, organization):
        raise Http404
    applications = selectors.organization_applications(organization)
    stats = selectors.grant_statistics(applications)
    return render(
        request,
        "grants/organization_statistics.html",
        {
            "organization": organization,
            "stats": stats,
            "stats_groups": _stats_groups(stats),
            "applications": applications.select_related("funder", "direction").order_by(
                "-submitted_on", "-pk"
            )[:100],
        },
    )


@login_required
@require_POST
def comparison_create(request: HttpRequest) -> HttpResponse:
    require(can_manage_comparisons(request.user))
    form = ComparisonForm(request.POST)
    if form.is_valid():
        try:
            services.comparison_save(actor=request.user, comparison=form.save(commit=False))
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The figures are saved."))
    else:
        errors = "; ".join(str(e) for field_errors in form.errors.values() for e in field_errors)
        messages.error(request, _("The figures are not saved: %(errors)s") % {"errors": errors})
    return redirect("grants:statistics")


@login_required
@require_POST
def comparison_delete(request: HttpRequest, pk: int) -> HttpResponse:
    require(can_manage_comparisons(request.user))
    comparison = get_object_or_404(RegionComparison, pk=pk)
    services.comparison_delete(actor=request.user, comparison=comparison)
    messages.success(request, _("The figures are deleted."))
    return redirect("grants:statistics")


# --- Fund cards --------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def card_import(request: HttpRequest) -> HttpResponse:
    if not can_import_cards(request.user):
        raise Http404
    form = CardPasteForm(request.POST or None)
    result = None
    if request.method == "POST" and form.is_valid():
        result = fund_card_import(
            actor=request.user,
            text=form.cleaned_data["text"],
            source="вставка на странице",
            dry_run=form.cleaned_data["dry_run"],
        )
        if result.ok and not result.dry_run:
            messages.success(request, _("The card is imported."))
    return render(request, "grants/card_import.html", {"form": form, "result": result})
