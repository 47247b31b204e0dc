"""The fair's public pages and a project's own pages: create, edit, status."""

import functools
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from nkohub.core import fragments
from nkohub.core.errors import DomainError, add_domain_error
from nkohub.core.pagination import paginate, paginate_capped
from nkohub.core.types import AuthenticatedHttpRequest, HtmxHttpRequest
from nkohub.organizations.models import Organization
from nkohub.organizations.selectors import organizations_user_acts_for
from nkohub.projects import forms, permissions, selectors, services

from ._shared import _project, _run

# --- the fair ------------------------------------------------------------------------------------

# The fair counts its projects up to this many and says «больше …» past it.
FAIR_COUNT_CAP = 1000


@require_safe
def fair(request: HtmxHttpRequest) -> HttpResponse:
    """The season, the filters and the results are cached fragments (core.fragments, group
    selectors.FAIR_FRAGMENTS: any write to what they show drops them); on a hit no query runs."""
    form = functools.cache(lambda: forms.FairFilterForm(request.GET or None))
    today = timezone.localdate()

    def filters() -> dict[str, Any]:
        if not form().is_valid():
            return {}
        data = form().cleaned_data
        return {
            "season": data["season"],
            "sphere": data["sphere"],
            "municipality": data["municipality"],
            "need": data["need"],
            "status": data["status"],
            "query": data["q"].strip(),
        }

    def results() -> str:
        chosen = filters()
        page = paginate_capped(
            request, selectors.fair_projects(**chosen), per_page=12, cap=FAIR_COUNT_CAP
        )
        page.object_list = selectors.with_coverage(list(page.object_list))
        context = {
            "page": page,
            "filtered": any(chosen.values()),
            "suggestion": selectors.fair_suggestion(chosen["query"]) if chosen.get("query") else "",
        }
        return render_to_string("projects/_project_cards.html", context, request)

    def filter_form() -> str:
        context = {"form": form(), "filtered": any(filters().values())}
        return render_to_string("projects/_fair_filters.html", context, request)

    def season() -> str:
        context = {"season": selectors.current_season(today)}
        return render_to_string("projects/_fair_season.html", context, request)

    partial = bool(request.htmx) and request.htmx.target == "fair-results"
    renders = (
        {"results": results}
        if partial
        else {"results": results, "filters": filter_form, "season": season}
    )
    html = fragments.cached(selectors.FAIR_FRAGMENTS, renders, request.GET.urlencode(), today)
    if partial:
        return HttpResponse(html["results"])
    return render(request, "projects/fair.html", html)


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
def my_projects(request: AuthenticatedHttpRequest) -> HttpResponse:
    organizations = organizations_user_acts_for(request.user)
    context = {
        "page": paginate(request, selectors.projects_of_organizations(organizations)),
        "can_create": any(permissions.can_create_project(request.user, o) for o in organizations),
        "pending_pledges": selectors.pending_pledges_for_user(request.user)[:20],
    }
    return render(request, "projects/my_projects.html", context)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def project_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    organizations = permissions.organizations_for_new_project(
        request.user, organizations_user_acts_for(request.user)
    )
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
def project_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
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
def project_status(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
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
