"""Members and invitations."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from nkohub.core.errors import DomainError
from nkohub.core.permissions import require
from nkohub.core.types import AuthenticatedHttpRequest
from nkohub.organizations import permissions, selectors, services
from nkohub.organizations.forms import (
    InvitationForm,
    RoleForm,
)
from nkohub.organizations.models import Invitation, Membership

from ._shared import _error

# --- members and invitations ----------------------------------------------------------------------


@login_required
def members(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    organization = permissions.get_organization_for_members_page(request.user, pk)
    can_manage = permissions.can_manage_members(request.user, organization)
    form = InvitationForm(request.POST or None)
    if request.method == "POST":
        require(can_manage)
        if form.is_valid():
            try:
                services.invitation_create(
                    actor=request.user,
                    organization=organization,
                    email=form.cleaned_data["email"],
                    role=form.cleaned_data["role"],
                )
            except DomainError as exc:
                _error(request, form, exc)
            else:
                messages.success(
                    request,
                    _("The invitation is sent to %(email)s.")
                    % {"email": form.cleaned_data["email"]},
                )
                return redirect("organizations:members", organization.pk)
    return render(
        request,
        "organizations/members.html",
        {
            "organization": organization,
            "memberships": selectors.organization_members(organization),
            "invitations": selectors.open_invitations_of(organization) if can_manage else [],
            "can_manage": can_manage,
            "form": form,
            "roles": Membership.Role.choices,
        },
    )


def _membership_for_manager(user: Any, pk: int, membership_pk: int) -> Membership:
    organization = permissions.get_organization_for_member_manager(user, pk)
    return get_object_or_404(
        Membership.objects.select_related("user", "organization"),
        pk=membership_pk,
        organization=organization,
    )


@login_required
@require_POST
def member_role(request: AuthenticatedHttpRequest, pk: int, membership_pk: int) -> HttpResponse:
    membership = _membership_for_manager(request.user, pk, membership_pk)
    form = RoleForm(request.POST)
    if form.is_valid():
        try:
            services.membership_change_role(
                actor=request.user, membership=membership, role=form.cleaned_data["role"]
            )
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("The role is changed."))
    return redirect("organizations:members", pk)


@login_required
@require_POST
def member_remove(request: AuthenticatedHttpRequest, pk: int, membership_pk: int) -> HttpResponse:
    membership = _membership_for_manager(request.user, pk, membership_pk)
    try:
        services.membership_remove(actor=request.user, membership=membership)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("The member is removed."))
    return redirect("organizations:members", pk)


@login_required
@require_POST
def leave(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    organization = permissions.get_organization_for_members_page(request.user, pk)
    require(permissions.can_leave(request.user, organization))
    try:
        services.membership_leave(actor=request.user, organization=organization)
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect("organizations:members", organization.pk)
    messages.success(request, _("You have left the organisation."))
    return redirect("core:cabinet")


@login_required
@require_POST
def invitation_cancel(
    request: AuthenticatedHttpRequest, pk: int, invitation_pk: int
) -> HttpResponse:
    organization = permissions.get_organization_for_member_manager(request.user, pk)
    invitation = get_object_or_404(Invitation, pk=invitation_pk, organization=organization)
    try:
        services.invitation_cancel(actor=request.user, invitation=invitation)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("The invitation is cancelled."))
    return redirect("organizations:members", organization.pk)


@login_required
def invitation_accept(request: AuthenticatedHttpRequest, token: str) -> HttpResponse:
    invitation = get_object_or_404(
        Invitation.objects.select_related("organization", "invited_by"), token=token
    )
    if request.method == "POST":
        try:
            services.invitation_accept(actor=request.user, invitation=invitation)
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(
                request, _("Welcome to %(name)s!") % {"name": invitation.organization.display_name}
            )
            return redirect("organizations:detail", invitation.organization_id)
    return render(
        request,
        "organizations/invitation.html",
        {
            "invitation": invitation,
            "email_matches": request.user.email.lower() == invitation.email.lower(),
        },
    )
