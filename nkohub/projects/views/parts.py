"""A project's parts (needs, planned results, team) and its results."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from nkohub.core.errors import DomainError, add_domain_error
from nkohub.core.types import AuthenticatedHttpRequest
from nkohub.projects import forms, services
from nkohub.projects.models import (
    PlannedResult,
    ProjectNeed,
    ResultPhoto,
    TeamMember,
)

from ._shared import _project, _run

# --- parts of a project: needs, planned results, team ---------------------------------------------


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def project_manage(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
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
def part_delete(
    request: AuthenticatedHttpRequest, pk: int, part: str, part_pk: int
) -> HttpResponse:
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
def project_results(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
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
