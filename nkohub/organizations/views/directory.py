"""The directory, an organisation's profile, its edit and verification, the export."""

import csv
from collections.abc import Iterator
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from nkohub.core.errors import DomainError
from nkohub.core.pagination import paginate
from nkohub.core.permissions import require
from nkohub.core.serving import harden, user_file_response
from nkohub.core.types import AuthenticatedHttpRequest, HtmxHttpRequest
from nkohub.organizations import permissions, selectors, services
from nkohub.organizations.forms import (
    DirectoryFilterForm,
    OrganizationForm,
)
from nkohub.organizations.models import Claim, Membership
from nkohub.organizations.profile_sections import sections_for

from ._shared import DIRECTORY_PAGE_SIZE, EXPORT_COLUMNS, _error

# --- directory, profile, export ------------------------------------------------------------------


@require_safe
def directory(request: HtmxHttpRequest) -> HttpResponse:
    form = DirectoryFilterForm(request.GET)
    query = form.directory_query()
    if query.q and not request.GET.get("page"):
        found = selectors.organization_by_identifier(query.q)
        if found is not None:
            return redirect("organizations:detail", found.pk)
    stamp = (
        selectors.registry_stamp()
    )  # the cached counts and the facets' fragment are kept under it
    results = selectors.directory_results(query, stamp=stamp)
    page = paginate(request, results, per_page=DIRECTORY_PAGE_SIZE)
    partial_results = False
    if query.q and len(query.q.split()) > 1 and page.paginator.count == 0:
        query = selectors.directory_query_changed(query, any_word=True)
        results = selectors.directory_results(query, stamp=stamp)
        page = paginate(request, results, per_page=DIRECTORY_PAGE_SIZE)
        partial_results = page.paginator.count > 0
    facets_of = query  # the lazy facets below are those of the query the page shows
    context = {
        "form": form,
        "query": query,
        "page": page,
        "registry_stamp": stamp,
        # read only when the template's cached fragment of the filters is missing
        "facets": SimpleLazyObject(lambda: selectors.directory_facets(facets_of, stamp=stamp)),
        "partial_results": partial_results,
        "suggestion": selectors.directory_suggestion(query),
        "can_register": permissions.can_register_organization(request.user),
    }
    if request.htmx and request.htmx.target == "directory-results":
        return render(request, "organizations/_results.html", context)
    return render(request, "organizations/directory.html", context)


def _csv_lines(organizations: Any) -> Iterator[str]:
    class Echo:
        def write(self, value: str) -> str:
            return value

    writer = csv.writer(Echo(), delimiter=";")
    yield "\ufeff" + writer.writerow([title for title, _ in EXPORT_COLUMNS])
    for organization in organizations.iterator(chunk_size=2000):
        yield writer.writerow([getter(organization) for _, getter in EXPORT_COLUMNS])


@require_safe
def export(request: HttpRequest) -> HttpResponseBase:
    require(permissions.can_export(request.user))
    query = DirectoryFilterForm(request.GET).directory_query()
    organizations = selectors.directory_export_rows(query)
    stamp = timezone.localdate().isoformat()
    if request.GET.get("format") == "xlsx":
        from nkohub.organizations.exports import xlsx_file

        return user_file_response(
            xlsx_file(organizations, EXPORT_COLUMNS),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            filename=f"organizations-{stamp}.xlsx",
        )
    response = StreamingHttpResponse(
        _csv_lines(organizations), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="organizations-{stamp}.csv"'
    harden(response)
    return response


@require_safe
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    organization = permissions.get_organization_for_viewer(request.user, pk)
    user = request.user
    pending_claim = None
    if user.is_authenticated:
        pending_claim = organization.claims.filter(user=user, status=Claim.Status.PENDING).first()
    role = permissions.membership_role(user, organization)
    return render(
        request,
        "organizations/detail.html",
        {
            "organization": organization,
            "spheres": selectors.organization_spheres(organization),
            "sections": sections_for(organization, user),
            "role": role,
            "role_label": Membership.Role(role).label if role else "",
            "is_managed": role is None and selectors.is_managed(organization),
            "can_edit": permissions.can_edit_organization(user, organization),
            "can_claim": permissions.can_claim(user, organization),
            "can_view_members": permissions.can_view_members(user, organization),
            "can_verify": permissions.can_verify_organization(user, organization),
            "pending_claim": pending_claim,
        },
    )


@login_required
def edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    organization = permissions.get_organization_for_editor(request.user, pk)
    operator = permissions.can_verify_organization(request.user, organization)
    form = OrganizationForm(
        request.POST or None, request.FILES or None, instance=organization, operator=operator
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.organization_update(
                actor=request.user,
                organization=organization,
                data=form.profile_data(),
                spheres=form.cleaned_data["spheres"],
            )
        except DomainError as exc:
            _error(request, form, exc)
        else:
            messages.success(request, _("The profile is saved."))
            return redirect("organizations:detail", organization.pk)
    return render(request, "organizations/edit.html", {"organization": organization, "form": form})


@login_required
@require_POST
def verify(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    organization = permissions.get_organization_for_verifier(request.user, pk)
    verified = request.POST.get("verified") == "1"
    services.organization_set_verified(
        actor=request.user, organization=organization, verified=verified
    )
    messages.success(
        request, _("Marked as verified.") if verified else _("The verification mark is removed.")
    )
    return redirect("organizations:detail", organization.pk)
