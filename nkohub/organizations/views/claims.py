"""Registration of an organisation and claims to a profile, and their review."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from nkohub.core.errors import DomainError
from nkohub.core.pagination import paginate
from nkohub.core.permissions import require
from nkohub.core.serving import user_file_response
from nkohub.core.types import AuthenticatedHttpRequest
from nkohub.organizations import permissions, selectors, services
from nkohub.organizations.forms import (
    ClaimForm,
    RegistrationForm,
    RejectClaimForm,
)
from nkohub.organizations.models import Claim

from ._shared import _error

# --- claims and registration ----------------------------------------------------------------------


@login_required
def claim(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    organization = permissions.get_organization_for_viewer(request.user, pk)
    if not permissions.can_claim(request.user, organization):
        messages.info(request, _("You already belong to this organisation."))
        return redirect("organizations:detail", organization.pk)
    form = ClaimForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            submitted = services.claim_submit(
                actor=request.user,
                organization=organization,
                stated_role=form.cleaned_data["stated_role"],
                position=form.cleaned_data["position"],
                comment=form.cleaned_data["comment"],
                document=form.cleaned_data["document"],
            )
        except DomainError as exc:
            _error(request, form, exc)
        else:
            messages.success(
                request, _("Your claim is sent. An operator will check it and you will be told.")
            )
            return redirect("organizations:claim_detail", submitted.pk)
    return render(request, "organizations/claim.html", {"organization": organization, "form": form})


@login_required
def register(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = RegistrationForm(
        request.POST or None,
        request.FILES or None,
        initial={"full_name": request.GET.get("name", "")},
    )
    if request.method == "POST" and form.is_valid():
        try:
            submitted = services.organization_register(
                actor=request.user,
                data=form.organization_data(),
                spheres=form.cleaned_data["spheres"],
                stated_role=form.cleaned_data["stated_role"],
                position=form.cleaned_data["position"],
                comment=form.cleaned_data["comment"],
                document=form.cleaned_data.get("document"),
                confirm_not_duplicate=form.cleaned_data["confirm_not_duplicate"],
            )
        except DomainError as exc:
            _error(request, form, exc)
        else:
            messages.success(request, _("The organisation is registered and sent for checking."))
            return redirect("organizations:claim_detail", submitted.pk)
    return render(request, "organizations/register.html", {"form": form})


@login_required
def claim_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    found = permissions.get_claim_for_user(request.user, pk)
    return render(
        request,
        "organizations/claim_detail.html",
        {"claim": found, "can_withdraw": permissions.can_withdraw_claim(request.user, found)},
    )


@login_required
@require_POST
def claim_withdraw(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    found = permissions.get_claim_for_user(request.user, pk)
    require(permissions.can_withdraw_claim(request.user, found))
    try:
        services.claim_withdraw(actor=request.user, claim=found)
    except DomainError as exc:  # reviewed meanwhile
        messages.error(request, exc.message)
        return redirect("organizations:claim_detail", found.pk)
    messages.success(request, _("The claim is withdrawn."))
    return redirect("core:cabinet")


@login_required
@require_safe
def claim_document(request: AuthenticatedHttpRequest, pk: int) -> HttpResponseBase:
    found = permissions.get_claim_for_user(request.user, pk)
    if not found.document:
        raise Http404
    return user_file_response(
        found.document.open("rb"), filename=found.document_name or str(found.document.name)
    )


@login_required
@require_safe
def claims(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_review_claims(request.user), hide=True)
    status = request.GET.get("status", Claim.Status.PENDING)
    if status not in Claim.Status.values and status != "":
        status = Claim.Status.PENDING
    return render(
        request,
        "organizations/claims.html",
        {
            "page": paginate(request, selectors.claims_for_review(status=status), per_page=30),
            "status": status,
            "statuses": Claim.Status.choices,
        },
    )


@login_required
def claim_review(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    found = permissions.get_claim_for_reviewer(request.user, pk)
    reject_form = RejectClaimForm(
        request.POST if request.POST.get("decision") == "reject" else None
    )
    if request.method == "POST":
        try:
            if request.POST.get("decision") == "approve":
                services.claim_approve(actor=request.user, claim=found)
                messages.success(
                    request,
                    _("The claim is approved; the claimant now owns the organisation's profile."),
                )
                return redirect("organizations:claims")
            if reject_form.is_valid():
                services.claim_reject(
                    actor=request.user, claim=found, reason=reject_form.cleaned_data["reason"]
                )
                messages.success(
                    request, _("The claim is rejected; the claimant is told the reason.")
                )
                return redirect("organizations:claims")
        except DomainError as exc:
            _error(request, reject_form, exc)
    duplicates = [
        o
        for o in selectors.possible_duplicates(
            full_name=found.organization.full_name,
            municipality_id=found.organization.municipality_id,
        )
        if o.pk != found.organization_id
    ]
    return render(
        request,
        "organizations/claim_review.html",
        {"claim": found, "reject_form": reject_form, "duplicates": duplicates},
    )
