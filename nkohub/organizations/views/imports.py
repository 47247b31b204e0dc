"""Imports of the registry (operators)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from nkohub.core.errors import DomainError
from nkohub.core.pagination import paginate
from nkohub.core.permissions import require
from nkohub.core.types import AuthenticatedHttpRequest
from nkohub.organizations import permissions, selectors
from nkohub.organizations.forms import (
    ImportForm,
)
from nkohub.organizations.imports.runs import import_run_create

from ._shared import _error

# --- imports (operators) --------------------------------------------------------------------------


@login_required
def imports(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_import(request.user), hide=True)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            run = import_run_create(
                actor=request.user,
                upload=form.cleaned_data["file"],
                fmt=form.cleaned_data["format"],
                mapping=form.cleaned_data["mapping"],
                dry_run=form.cleaned_data["dry_run"],
            )
        except DomainError as exc:
            _error(request, form, exc)
        else:
            return redirect("organizations:import_detail", run.pk)
    return render(
        request,
        "organizations/imports.html",
        {"form": form, "page": paginate(request, selectors.import_runs(), per_page=20)},
    )


@login_required
@require_safe
def import_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    run = permissions.get_import_run_for_viewer(request.user, pk)
    template = (
        "organizations/_import_progress.html"
        if request.htmx
        else "organizations/import_detail.html"
    )
    return render(request, template, {"run": run})
