import csv
from collections.abc import Iterator
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from nkohub.core.errors import DomainError
from nkohub.core.pagination import paginate
from nkohub.core.permissions import is_operator
from nkohub.core.types import AuthenticatedHttpRequest
from nkohub.organizations import permissions, selectors, services
from nkohub.organizations.forms import (
    ClaimForm,
    DirectoryFilterForm,
    ImportForm,
    InvitationForm,
    OrganizationForm,
    RegistrationForm,
    RejectClaimForm,
    RoleForm,
)
from nkohub.organizations.imports.runs import import_run_create
from nkohub.organizations.models import Claim, ImportRun, Invitation, Membership, Organization
from nkohub.organizations.profile_sections import sections_for

DIRECTORY_PAGE_SIZE = 20
EXPORT_COLUMNS = [
    ("Полное наименование", lambda o: o.full_name),
    ("Сокращённое наименование", lambda o: o.short_name),
    ("Тип", lambda o: o.get_kind_display()),
    ("Организационно-правовая форма", lambda o: o.legal_form.name if o.legal_form else ""),
    ("Реестр", lambda o: o.get_register_display()),
    ("ИНН", lambda o: o.inn or ""),
    ("ОГРН", lambda o: o.ogrn or ""),
    ("КПП", lambda o: o.kpp),
    (
        "Дата регистрации",
        lambda o: o.registration_date.strftime("%d.%m.%Y") if o.registration_date else "",
    ),
    ("Статус", lambda o: o.get_status_display()),
    ("Регион", lambda o: o.municipality.region.name if o.municipality else ""),
    ("Муниципалитет", lambda o: o.municipality.name if o.municipality else ""),
    ("Адрес", lambda o: o.address),
    ("Сферы деятельности", lambda o: "; ".join(s.name for s in o.spheres.all())),
    ("Сайт", lambda o: o.website),
    ("Электронная почта", lambda o: o.public_email),
    ("Телефон", lambda o: o.public_phone),
    ("Проверена оператором", lambda o: "да" if o.is_verified else "нет"),
]


def _error(request: HttpRequest, form: Any, exc: DomainError) -> None:
    if form is not None and exc.field and exc.field in form.fields:
        form.add_error(exc.field, exc.message)
    elif form is not None:
        form.add_error(None, exc.message)
    else:
        messages.error(request, exc.message)


# --- directory, profile, export ------------------------------------------------------------------


@require_safe
def directory(request: HttpRequest) -> HttpResponse:
    form = DirectoryFilterForm(request.GET)
    query = form.directory_query()
    if query.q and not request.GET.get("page"):
        found = selectors.organization_by_identifier(query.q)
        if found is not None:
            return redirect("organizations:detail", found.pk)
    page = paginate(request, selectors.directory_results(query), per_page=DIRECTORY_PAGE_SIZE)
    partial_results = False
    if query.q and len(query.q.split()) > 1 and page.paginator.count == 0:
        query = selectors.directory_query_changed(query, any_word=True)
        page = paginate(request, selectors.directory_results(query), per_page=DIRECTORY_PAGE_SIZE)
        partial_results = page.paginator.count > 0
    context = {
        "form": form,
        "query": query,
        "page": page,
        "facets": selectors.directory_facets(query),
        "partial_results": partial_results,
        "suggestion": selectors.directory_suggestion(query),
        "can_register": permissions.can_register_organization(request.user),
    }
    htmx = getattr(request, "htmx", None)
    if htmx and htmx.target == "directory-results":
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
    if not permissions.can_export(request.user):
        raise PermissionDenied
    query = DirectoryFilterForm(request.GET).directory_query()
    organizations = selectors.directory_export_rows(query)
    stamp = timezone.localdate().isoformat()
    if request.GET.get("format") == "xlsx":
        from nkohub.organizations.exports import xlsx_file

        return FileResponse(
            xlsx_file(organizations, EXPORT_COLUMNS),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            as_attachment=True,
            filename=f"organizations-{stamp}.xlsx",
        )
    response = StreamingHttpResponse(
        _csv_lines(organizations), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="organizations-{stamp}.csv"'
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
    organization = get_object_or_404(Organization, pk=pk)
    if not permissions.can_verify_organization(request.user, organization):
        raise Http404
    verified = request.POST.get("verified") == "1"
    services.organization_set_verified(
        actor=request.user, organization=organization, verified=verified
    )
    messages.success(
        request, _("Marked as verified.") if verified else _("The verification mark is removed.")
    )
    return redirect("organizations:detail", organization.pk)


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
    try:
        services.claim_withdraw(actor=request.user, claim=found)
    except DomainError as exc:
        if not is_operator(request.user) and found.user_id != request.user.pk:
            raise Http404 from exc
        raise PermissionDenied(exc.message) from exc
    messages.success(request, _("The claim is withdrawn."))
    return redirect("core:cabinet")


@login_required
@require_safe
def claim_document(request: AuthenticatedHttpRequest, pk: int) -> HttpResponseBase:
    found = permissions.get_claim_for_user(request.user, pk)
    if not found.document:
        raise Http404
    return FileResponse(
        found.document.open("rb"),
        as_attachment=True,
        filename=found.document_name or str(found.document.name),
    )


@login_required
@require_safe
def claims(request: AuthenticatedHttpRequest) -> HttpResponse:
    if not permissions.can_review_claims(request.user):
        raise Http404
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


# --- members and invitations ----------------------------------------------------------------------


@login_required
def members(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    organization = permissions.get_organization_for_members_page(request.user, pk)
    can_manage = permissions.can_manage_members(request.user, organization)
    form = InvitationForm(request.POST or None)
    if request.method == "POST":
        if not can_manage:
            raise PermissionDenied
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
    if not permissions.can_leave(request.user, organization):
        raise PermissionDenied
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


# --- imports (operators) --------------------------------------------------------------------------


@login_required
def imports(request: AuthenticatedHttpRequest) -> HttpResponse:
    if not permissions.can_import(request.user):
        raise Http404
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
    run = get_object_or_404(ImportRun.objects.select_related("created_by"), pk=pk)
    if not permissions.can_view_import(request.user, run):
        raise Http404
    template = (
        "organizations/_import_progress.html"
        if getattr(request, "htmx", False)
        else "organizations/import_detail.html"
    )
    return render(request, template, {"run": run})
