"""The fair's public pages and a project's own pages: create, edit, status."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from nkohub.core.errors import DomainError, add_domain_error
from nkohub.core.pagination import paginate, paginate_capped
from nkohub.core.types import AuthenticatedHttpRequest, HtmxHttpRequest
from nkohub.organizations.models import Organization
from nkohub.organizations.selectors import organizations_user_acts_for
from nkohub.projects import forms, fragments, permissions, selectors, services

from ._shared import _project, _run

# --- the fair ------------------------------------------------------------------------------------

# The fair counts its projects up to this many and says «больше …» past it.
FAIR_COUNT_CAP = 1000


@require_safe
def fair(request: HtmxHttpRequest) -> HttpResponse:
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
    page = paginate_capped(
        request, selectors.fair_projects(**filters), per_page=12, cap=FAIR_COUNT_CAP
    )
    page.object_list = selectors.with_coverage(list(page.object_list))
    context = {
        "form": form,
        "page": page,
        "season": selectors.current_season(),
        "filtered": any(filters.values()),
        "suggestion": selectors.fair_suggestion(filters["query"]) if filters.get("query") else "",
        "filters_version": fragments.filters_version(),
        "fragment_seconds": fragments.FRAGMENT_SECONDS,
    }
    partial = bool(request.htmx) and request.htmx.target == "fair-results"
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
