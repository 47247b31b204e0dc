"""Thin views: validate, check rights (permissions.py), call one service or selector, render."""

import datetime
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from nkohub.core.errors import DomainError, add_domain_error
from nkohub.core.pagination import paginate
from nkohub.organizations.models import Organization
from nkohub.organizations.selectors import organizations_user_acts_for
from nkohub.projects import forms, permissions, reports, selectors, services
from nkohub.projects.models import (
    FairEntry,
    FairSeason,
    Partnership,
    PlannedResult,
    Pledge,
    Project,
    ProjectNeed,
    ResultPhoto,
    TeamMember,
)


def _project(request: HttpRequest, pk: int, *, manage: bool = False, edit: bool = False) -> Project:
    project = selectors.project_for_page(pk)
    if project is None:
        raise Http404
    return permissions.check_project(request.user, project, manage=manage, edit=edit)


def _run(request: HttpRequest, action: Callable[[], Any], success: str) -> bool:
    """Call a service from a POST-only view; a refusal becomes an error message."""
    try:
        action()
    except DomainError as error:
        messages.error(request, error.message)
        return False
    messages.success(request, success)
    return True


# --- the fair ------------------------------------------------------------------------------------


@require_safe
def fair(request: HttpRequest) -> HttpResponse:
    form = forms.FairFilterForm(request.GET or None)
    filters: dict[str, Any] = {}
    if form.is_valid():
        data = form.cleaned_data
        filters = {
            "season": data["season"],
            "sphere": data["sphere"],
            "municipality": data["municipality"],
            "need": data["need"],
            "status": data["status"],
            "query": data["q"].strip(),
        }
    page = paginate(request, selectors.fair_projects(**filters), per_page=12)
    page.object_list = selectors.with_coverage(list(page.object_list))
    context = {
        "form": form,
        "page": page,
        "season": selectors.current_season(),
        "filtered": any(filters.values()),
        "suggestion": selectors.fair_suggestion(filters["query"]) if filters.get("query") else "",
    }
    htmx: Any = getattr(request, "htmx", None)
    partial = bool(htmx) and htmx.target == "fair-results"
    template = "projects/_project_cards.html" if partial else "projects/fair.html"
    return render(request, template, context)


@require_safe
def project_detail(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project(request, pk)
    user = request.user
    team = permissions.can_manage_project(user, project)
    pledges = selectors.project_pledges_for(user, project, team=team)
    context = {
        "project": project,
        "team_view": team,
        "can_edit": permissions.can_edit_project(user, project),
        "can_pledge": permissions.can_pledge(user, project),
        "coverage": selectors.need_coverage(project),
        "pledges": pledges,
        "partners": selectors.project_partners(project),
        "share_url": request.build_absolute_uri(reverse("projects:detail", args=[project.pk])),
        "share_image": request.build_absolute_uri(project.cover_src) if project.cover else "",
        "status_form": forms.StatusForm() if team and project.next_statuses else None,
        "submit_form": forms.SubmitToFairForm(seasons=selectors.seasons_project_can_enter(project))
        if team
        else None,
        "fulfilment_form": forms.FulfilmentForm(initial={"received_on": timezone.localdate()}),
        "decline_form": forms.DeclineForm(),
    }
    return render(request, "projects/project_detail.html", context)


@login_required
@require_safe
def my_projects(request: HttpRequest) -> HttpResponse:
    organizations = organizations_user_acts_for(request.user)
    context = {
        "page": paginate(request, selectors.projects_of_organizations(organizations)),
        "can_create": any(permissions.can_create_project(request.user, o) for o in organizations),
        "pending_pledges": selectors.pending_pledges_for_user(request.user)[:20],
    }
    return render(request, "projects/my_projects.html", context)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def project_create(request: HttpRequest) -> HttpResponse:
    organizations = [
        o
        for o in organizations_user_acts_for(request.user)
        if permissions.can_create_project(request.user, o)
    ]
    if not organizations:
        raise PermissionDenied
    choices = Organization.objects.filter(pk__in=[o.pk for o in organizations])
    org_form = forms.OrganizationChoiceForm(
        request.POST or None, organizations=choices, initial={"organization": organizations[0]}
    )
    form = forms.ProjectForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and org_form.is_valid() and form.is_valid():
        try:
            project = services.project_create(
                actor=request.user,
                organization=org_form.cleaned_data["organization"],
                data=form.cleaned_data,
                spheres=form.cleaned_data["spheres"],
                municipalities=form.cleaned_data["municipalities"],
                tasks=form.task_list(),
                cover=form.cleaned_data.get("cover"),
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The project is created. Now describe what it needs."))
            return redirect("projects:manage", pk=project.pk)
    return render(
        request, "projects/project_form.html", {"form": form, "org_form": org_form, "project": None}
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def project_edit(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project(request, pk, edit=True)
    form = forms.ProjectForm(request.POST or None, request.FILES or None, instance=project)
    if request.method == "POST" and form.is_valid():
        try:
            services.project_update(
                actor=request.user,
                project=project,
                data=form.cleaned_data,
                spheres=form.cleaned_data["spheres"],
                municipalities=form.cleaned_data["municipalities"],
                tasks=form.task_list(),
                cover=form.cleaned_data.get("cover"),
                remove_cover=form.cleaned_data.get("remove_cover", False),
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The project is saved."))
            return redirect("projects:detail", pk=project.pk)
    return render(request, "projects/project_form.html", {"form": form, "project": project})


@login_required
@require_POST
def project_status(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project(request, pk, manage=True)
    form = forms.StatusForm(request.POST)
    if form.is_valid():
        status = form.cleaned_data["status"]
        _run(
            request,
            lambda: services.project_change_status(
                actor=request.user, project=project, status=status
            ),
            _("The status is changed."),
        )
    return redirect("projects:detail", pk=project.pk)


# --- parts of a project: needs, planned results, team ---------------------------------------------


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def project_manage(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project(request, pk, edit=True)
    part = request.POST.get("part", "")
    bound = {part: request.POST} if request.method == "POST" else {}
    need_form = forms.NeedForm(bound.get("need"), prefix="need")
    result_form = forms.PlannedResultForm(bound.get("result"), prefix="result")
    team_form = forms.TeamMemberForm(bound.get("team"), prefix="team")
    adders: dict[str, tuple[Any, Callable[[dict[str, Any]], Any], str]] = {
        "need": (
            need_form,
            lambda d: services.need_add(actor=request.user, project=project, **d),
            _("The need is added."),
        ),
        "result": (
            result_form,
            lambda d: services.planned_result_add(actor=request.user, project=project, **d),
            _("The planned result is added."),
        ),
        "team": (
            team_form,
            lambda d: services.team_member_add(actor=request.user, project=project, **d),
            _("The team member is added."),
        ),
    }
    if request.method == "POST":
        if part not in adders:
            raise Http404
        form, add, success = adders[part]
        if form.is_valid():
            try:
                add(form.cleaned_data)
            except DomainError as error:
                add_domain_error(form, error)
            else:
                messages.success(request, success)
                return redirect(reverse("projects:manage", args=[project.pk]) + f"#{part}")
    context = {
        "project": project,
        "need_form": need_form,
        "result_form": result_form,
        "team_form": team_form,
    }
    return render(
        request,
        "projects/project_manage.html",
        context,
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def part_delete(request: HttpRequest, pk: int, part: str, part_pk: int) -> HttpResponse:
    project = _project(request, pk, edit=True)
    deleters: dict[str, tuple[Any, Callable[[Any], Any]]] = {
        "need": (ProjectNeed, lambda obj: services.need_delete(actor=request.user, need=obj)),
        "result": (
            PlannedResult,
            lambda obj: services.planned_result_delete(actor=request.user, result=obj),
        ),
        "team": (
            TeamMember,
            lambda obj: services.team_member_delete(actor=request.user, member=obj),
        ),
        "photo": (
            ResultPhoto,
            lambda obj: services.result_photo_delete(actor=request.user, photo=obj),
        ),
    }
    if part not in deleters:
        raise Http404
    model, delete = deleters[part]
    obj = get_object_or_404(model, pk=part_pk, project=project)
    _run(request, lambda: delete(obj), _("Deleted."))
    if part == "photo":
        return redirect("projects:results", pk=project.pk)
    return redirect(reverse("projects:manage", args=[project.pk]) + f"#{part}")


# --- results -------------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def project_results(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project(request, pk, manage=True)
    results = list(project.planned_results.all())
    is_report = request.method == "POST" and "outcome_story" in request.POST
    form = forms.ResultsReportForm(
        request.POST if is_report else None,
        results=results,
        initial={"outcome_story": project.outcome_story},
    )
    photo_form = forms.ResultPhotoForm(
        request.POST if request.method == "POST" and not is_report else None, request.FILES or None
    )
    if request.method == "POST":
        target = form if is_report else photo_form
        if target.is_valid():
            try:
                if is_report:
                    services.results_report(
                        actor=request.user,
                        project=project,
                        actual_values=form.actual_values(),
                        outcome_story=form.cleaned_data["outcome_story"],
                    )
                else:
                    services.result_photo_add(
                        actor=request.user,
                        project=project,
                        image=photo_form.cleaned_data["image"],
                        caption=photo_form.cleaned_data["caption"],
                    )
            except DomainError as error:
                add_domain_error(target, error)
            else:
                messages.success(
                    request, _("The results are saved.") if is_report else _("The photo is added.")
                )
                return redirect("projects:results", pk=project.pk)
    context = {"project": project, "form": form, "photo_form": photo_form}
    return render(
        request,
        "projects/project_results.html",
        context,
        status=400 if request.method == "POST" else 200,
    )


# --- fair entries --------------------------------------------------------------------------------


@login_required
@require_POST
def project_submit(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project(request, pk, manage=True)
    form = forms.SubmitToFairForm(request.POST, seasons=selectors.seasons_open_for_submission())
    if not form.is_valid():
        messages.error(request, _("Choose a fair season that accepts projects now."))
    else:
        season = form.cleaned_data["season"]
        _run(
            request,
            lambda: services.fair_entry_submit(actor=request.user, project=project, season=season),
            _("The project is submitted to the fair. The resource centre will review it."),
        )
    return redirect("projects:detail", pk=project.pk)


@login_required
@require_POST
def entry_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    entry = get_object_or_404(
        FairEntry.objects.select_related("project__organization", "season"), pk=pk
    )
    permissions.check_project(request.user, entry.project, manage=True)
    _run(
        request,
        lambda: services.fair_entry_withdraw(actor=request.user, entry=entry),
        _("The project is withdrawn from the fair."),
    )
    return redirect("projects:detail", pk=entry.project_id)


@login_required
@require_safe
def moderation(request: HttpRequest) -> HttpResponse:
    if not permissions.can_moderate_fair(request.user):
        raise PermissionDenied
    page = paginate(request, selectors.entries_awaiting_decision())
    return render(request, "projects/moderation.html", {"page": page})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def seasons(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    """Operators list fair seasons, create one, or edit the one given."""
    if not permissions.can_moderate_fair(request.user):
        raise PermissionDenied
    season = get_object_or_404(FairSeason, pk=pk) if pk else None
    form = forms.SeasonForm(request.POST or None, instance=season)
    if request.method == "POST" and form.is_valid():
        try:
            services.season_save(actor=request.user, season=season, data=form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The fair season is saved."))
            return redirect("projects:seasons")
    context = {"form": form, "season": season, "seasons": FairSeason.objects.order_by("-starts_on")}
    return render(request, "projects/seasons.html", context)


@login_required
@require_POST
def entry_decide(request: HttpRequest, pk: int) -> HttpResponse:
    if not permissions.can_moderate_fair(request.user):
        raise PermissionDenied
    entry = get_object_or_404(FairEntry, pk=pk)
    form = forms.DecisionForm(request.POST)
    if form.is_valid():
        accept = form.cleaned_data["decision"] == "accept"
        _run(
            request,
            lambda: services.fair_entry_decide(
                actor=request.user, entry=entry, accept=accept, note=form.cleaned_data["note"]
            ),
            _("The project is accepted to the fair.") if accept else _("The project is rejected."),
        )
    return redirect("projects:moderation")


# --- pledges and partnerships --------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def pledge_create(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project(request, pk)
    if not permissions.can_pledge(request.user, project):
        raise PermissionDenied
    allowed = [
        o.pk
        for o in organizations_user_acts_for(request.user)
        if permissions.can_pledge_for(request.user, o, project)
    ]
    form = forms.PledgeForm(
        request.POST or None,
        organizations=Organization.objects.filter(pk__in=allowed),
        needs=project.needs.all(),
        initial={"need": request.GET.get("need"), "kind": request.GET.get("kind")},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.pledge_create(actor=request.user, project=project, **form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("Thank you! The project's team will answer your offer."))
            return redirect(reverse("projects:detail", args=[project.pk]) + "#pledges")
    return render(
        request,
        "projects/pledge_form.html",
        {"project": project, "form": form},
        status=400 if form.is_bound else 200,
    )


def _pledge(request: HttpRequest, pk: int, **check: bool) -> Pledge:
    pledge = get_object_or_404(
        Pledge.objects.select_related("project__organization", "organization", "pledged_by"), pk=pk
    )
    return permissions.check_pledge(request.user, pledge, **check)


def _accept(request: HttpRequest, pledge: Pledge) -> Any:
    return services.pledge_accept(actor=request.user, pledge=pledge)


def _decline(request: HttpRequest, pledge: Pledge) -> Any:
    form = forms.DeclineForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    return services.pledge_decline(actor=request.user, pledge=pledge, reason=reason)


def _withdraw(request: HttpRequest, pledge: Pledge) -> Any:
    return services.pledge_withdraw(actor=request.user, pledge=pledge)


# An answer to a pledge: which right it needs, the service it calls, what the person is told.
PLEDGE_ANSWERS: dict[str, tuple[str, Callable[[HttpRequest, Pledge], Any], Any]] = {
    "accept": ("decide", _accept, _("The pledge is accepted: you have a new partner.")),
    "decline": ("decide", _decline, _("The pledge is declined.")),
    "withdraw": ("withdraw", _withdraw, _("Your offer is withdrawn.")),
}


@login_required
@require_POST
def pledge_answer(request: HttpRequest, pk: int, answer: str) -> HttpResponse:
    """Accept, decline or withdraw a pledge (the URL says which)."""
    right, action, success = PLEDGE_ANSWERS[answer]
    pledge = _pledge(request, pk, **{right: True})
    _run(request, lambda: action(request, pledge), success)
    return redirect(reverse("projects:detail", args=[pledge.project_id]) + "#pledges")


@login_required
@require_POST
def fulfilment_create(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = get_object_or_404(
        Partnership.objects.select_related("pledge__project__organization", "pledge__organization"),
        pk=pk,
    )
    permissions.check_pledge(request.user, partnership.pledge)
    if not permissions.can_record_fulfilment(request.user, partnership):
        raise PermissionDenied
    form = forms.FulfilmentForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Check the date and the amount of what was received."))
    else:
        _run(
            request,
            lambda: services.fulfilment_record(
                actor=request.user, partnership=partnership, **form.cleaned_data
            ),
            _("Fulfilment is recorded."),
        )
    return redirect(reverse("projects:detail", args=[partnership.pledge.project_id]) + "#pledges")


@login_required
@require_POST
def partnership_end(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = get_object_or_404(
        Partnership.objects.select_related("pledge__project__organization", "pledge__organization"),
        pk=pk,
    )
    permissions.check_pledge(request.user, partnership.pledge)
    if not permissions.can_record_fulfilment(request.user, partnership):
        raise PermissionDenied
    form = forms.DeclineForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    _run(
        request,
        lambda: services.partnership_end(
            actor=request.user, partnership=partnership, reason=reason
        ),
        _("The partnership is ended."),
    )
    return redirect(reverse("projects:detail", args=[partnership.pledge.project_id]) + "#pledges")


# --- sponsors ------------------------------------------------------------------------------------


@login_required
@require_safe
def sponsor_home(request: HttpRequest) -> HttpResponse:
    organizations = list(organizations_user_acts_for(request.user, kind=Organization.Kind.BUSINESS))
    if len(organizations) == 1:
        return redirect("projects:sponsor", org_pk=organizations[0].pk)
    return render(request, "projects/sponsor_choose.html", {"organizations": organizations})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def sponsor(request: HttpRequest, org_pk: int) -> HttpResponse:
    organization = permissions.check_sponsor_page(
        request.user, get_object_or_404(Organization, pk=org_pk)
    )
    preferences = selectors.sponsor_preferences(organization)
    initial = (
        {
            "spheres": list(preferences.spheres.all()),
            "municipalities": list(preferences.municipalities.all()),
        }
        if preferences
        else {}
    )
    form = forms.SponsorPreferencesForm(request.POST or None, initial=initial)
    if request.method == "POST":
        permissions.check_sponsor_page(request.user, organization, edit=True)
        if form.is_valid():
            services.sponsor_preferences_update(
                actor=request.user, organization=organization, **form.cleaned_data
            )
            messages.success(request, _("Your preferences are saved."))
            return redirect("projects:sponsor", org_pk=organization.pk)
    today = timezone.localdate()
    matching = paginate(request, selectors.projects_matching_sponsor(organization), per_page=6)
    matching.object_list = selectors.with_coverage(list(matching.object_list))
    context = {
        "organization": organization,
        "preferences": preferences,
        "form": form,
        "can_edit": permissions.can_edit_sponsor_preferences(request.user, organization),
        "matching": matching,
        "pledges": selectors.pledges_of_organization(organization)[:50],
        "period_form": forms.PeriodForm(
            initial={"start": today.replace(month=1, day=1), "end": today}
        ),
    }
    return render(request, "projects/sponsor.html", context)


@login_required
@require_safe
def sponsor_report(request: HttpRequest, org_pk: int) -> HttpResponse:
    organization = permissions.check_sponsor_page(
        request.user, get_object_or_404(Organization, pk=org_pk)
    )
    form = forms.PeriodForm(request.GET)
    if not form.is_valid():
        messages.error(request, _("Choose the period of the report."))
        return redirect("projects:sponsor", org_pk=organization.pk)
    start: datetime.date = form.cleaned_data["start"]
    end: datetime.date = form.cleaned_data["end"]
    rows = selectors.contributions_for_period(organization, start, end)
    name = f"contributions-{start:%Y%m%d}-{end:%Y%m%d}"
    if form.cleaned_data["format"] == "pdf":
        response = HttpResponse(
            reports.contributions_pdf(organization, start, end, rows),
            content_type="application/pdf",
        )
        response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
    else:
        response = HttpResponse(
            reports.contributions_xlsx(organization, start, end, rows),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
    return response
