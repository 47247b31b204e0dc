"""Requests for resources."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from nkohub.core.pagination import paginate
from nkohub.core.permissions import require
from nkohub.core.service_calls import submit_form
from nkohub.core.types import AuthenticatedHttpRequest
from nkohub.organizations.selectors import organizations_user_acts_for
from nkohub.resources import forms, permissions, selectors, services
from nkohub.resources.models import (
    ResourceRequest,
)

from ._shared import _perform, _request


# --- requests ---------------------------------------------------------------------------
@require_safe
def request_list(request: HttpRequest) -> HttpResponse:
    form = forms.RequestFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    requests_qs = selectors.open_requests(**{k: v for k, v in filters.items() if v})
    return render(
        request,
        "resources/request_list.html",
        {"form": form, "page": paginate(request, requests_qs)},
    )


@require_safe
def request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    resource_request = _request(request.user, pk)
    can_manage = permissions.can_manage_request(request.user, resource_request)
    context = {
        "resource_request": resource_request,
        "can_manage": can_manage,
        "suggestions": selectors.suggested_offers(resource_request) if can_manage else [],
        "status_actions": ResourceRequest.TRANSITIONS[resource_request.status]
        if can_manage
        else (),
    }
    return render(request, "resources/request_detail.html", context)


@login_required
def request_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    organizations = organizations_user_acts_for(request.user)
    if not organizations.exists():
        messages.error(
            request, _("Only a member acting for an organisation can request resources.")
        )
        return redirect("resources:request_list")
    form = forms.RequestForm(request.POST or None, organizations=organizations)

    def write(data: dict[str, Any]) -> ResourceRequest:
        organization = data.pop("organization")
        require(permissions.can_request_for(request.user, organization))
        return services.request_create(actor=request.user, organization=organization, **data)

    resource_request = submit_form(
        request, form, write, _("The request is published; see the suggested offers below.")
    )
    if resource_request is not None:
        return redirect(resource_request)
    return render(request, "resources/request_form.html", {"form": form, "resource_request": None})


@login_required
def request_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    resource_request = _request(request.user, pk, manage=True)
    form = forms.RequestForm(request.POST or None, instance=resource_request)

    def write(data: dict[str, Any]) -> ResourceRequest:
        return services.request_update(
            actor=request.user, resource_request=resource_request, **data
        )

    if submit_form(request, form, write, _("The request is saved.")):
        return redirect(resource_request)
    return render(
        request, "resources/request_form.html", {"form": form, "resource_request": resource_request}
    )


@login_required
@require_POST
def request_status(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    resource_request = _request(request.user, pk, manage=True)
    _perform(
        request,
        lambda: services.request_set_status(
            actor=request.user,
            resource_request=resource_request,
            status=request.POST.get("status", ""),
        ),
        _("The status of the request is changed."),
    )
    return redirect(resource_request)
