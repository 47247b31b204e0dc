"""Who may do what with an organisation. The only place these rights are decided."""

from typing import Any

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from nkohub.core.permissions import ALLOWED, Decision, is_operator, refused, require
from nkohub.organizations.models import Claim, ImportRun, Membership, Organization

ACTING_ROLES = (Membership.Role.OWNER, Membership.Role.EDITOR)


def membership_role(user: Any, organization: Organization) -> str | None:
    if not (user and user.is_authenticated):
        return None
    cache = getattr(user, "_membership_roles", None)
    if cache is None:
        cache = dict(Membership.objects.filter(user=user).values_list("organization_id", "role"))
        user._membership_roles = cache
    return cache.get(organization.pk)


def forget_membership_roles(user: Any) -> None:
    """Drop the per-request cache after a membership of this person changed."""
    if hasattr(user, "_membership_roles"):
        del user._membership_roles


def is_member(user: Any, organization: Organization) -> bool:
    return membership_role(user, organization) is not None


def can_act_for(user: Any, organization: Organization) -> bool:
    """Edit the profile, publish offers, requests, projects and news, submit appeals in its name."""
    return may_edit_as(membership_role(user, organization))


def can_view_organization(user: Any, organization: Organization) -> bool:
    """Published organisations are public; an unpublished (new, unapproved) one only to its people and operators."""
    if organization.is_published:
        return True
    if is_operator(user) or is_member(user, organization):
        return True
    return bool(
        user
        and user.is_authenticated
        and organization.claims.filter(
            user=user
        ).exists()  # the registrant sees what they submitted
    )


def can_edit_organization(user: Any, organization: Organization) -> Decision:
    if is_operator(user) or can_act_for(user, organization):
        return ALLOWED
    return refused(_("Only the organisation's owner and editors may change its profile."))


def may_manage_members_as(role: str | None) -> bool:
    """What a role alone allows (for lists of a person's memberships, without a query each)."""
    return role == Membership.Role.OWNER


def may_edit_as(role: str | None) -> bool:
    return role in ACTING_ROLES


def can_manage_members(user: Any, organization: Organization) -> Decision:
    if is_operator(user) or may_manage_members_as(membership_role(user, organization)):
        return ALLOWED
    return refused(_("Only the organisation's owner manages its members."))


def can_view_members(user: Any, organization: Organization) -> bool:
    return is_operator(user) or is_member(user, organization)


def can_leave(user: Any, organization: Organization) -> Decision:
    if is_member(user, organization):
        return ALLOWED
    return refused(_("You are not a member of this organisation."))


def can_verify_organization(user: Any, organization: Organization | None = None) -> bool:
    return is_operator(user)


def can_claim(user: Any, organization: Organization) -> bool:
    """A signed-in person who is not yet a member may claim a published organisation."""
    return bool(
        user
        and user.is_authenticated
        and organization.is_published
        and not is_member(user, organization)
    )


def can_register_organization(user: Any) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def can_review_claims(user: Any) -> bool:
    return is_operator(user)


def can_view_claim(user: Any, claim: Claim) -> bool:
    return is_operator(user) or (user.is_authenticated and claim.user_id == user.pk)


def can_withdraw_claim(user: Any, claim: Claim) -> Decision:
    if user.is_authenticated and claim.user_id == user.pk and claim.status == Claim.Status.PENDING:
        return ALLOWED
    return refused(_("You can withdraw only your own claim that still awaits review."))


def can_import(user: Any) -> bool:
    return is_operator(user)


def can_view_import(user: Any, run: ImportRun) -> bool:
    return is_operator(user)


def can_export(user: Any) -> bool:
    """The public registry is open data; anyone may download what they can see."""
    return True


# --- fetch-and-check helpers: outsider → 404, member without the right → 403 -------------------


def get_organization_for_viewer(user: Any, pk: int) -> Organization:
    organization = get_object_or_404(
        Organization.objects.select_related("municipality__region", "legal_form", "verified_by"),
        pk=pk,
    )
    require(can_view_organization(user, organization), hide=True)
    return organization


def get_organization_for_editor(user: Any, pk: int) -> Organization:
    organization = get_object_or_404(
        Organization.objects.select_related("municipality", "legal_form"), pk=pk
    )
    require(can_edit_organization(user, organization), hide=not is_member(user, organization))
    return organization


def get_organization_for_verifier(user: Any, pk: int) -> Organization:
    organization = get_object_or_404(Organization, pk=pk)
    require(can_verify_organization(user, organization), hide=True)
    return organization


def get_organization_for_members_page(user: Any, pk: int) -> Organization:
    organization = get_object_or_404(Organization, pk=pk)
    require(can_view_members(user, organization), hide=True)
    return organization


def get_organization_for_member_manager(user: Any, pk: int) -> Organization:
    organization = get_object_or_404(Organization, pk=pk)
    require(can_manage_members(user, organization), hide=not is_member(user, organization))
    return organization


def get_claim_for_user(user: Any, pk: int) -> Claim:
    claim = get_object_or_404(
        Claim.objects.select_related("organization", "user", "reviewed_by"), pk=pk
    )
    require(can_view_claim(user, claim), hide=True)
    return claim


def get_claim_for_reviewer(user: Any, pk: int) -> Claim:
    require(can_review_claims(user), hide=True)
    return get_object_or_404(
        Claim.objects.select_related(
            "organization__municipality", "organization__legal_form", "user"
        ),
        pk=pk,
    )


def get_import_run_for_viewer(user: Any, pk: int) -> ImportRun:
    run = get_object_or_404(ImportRun.objects.select_related("created_by"), pk=pk)
    require(can_view_import(user, run), hide=True)
    return run
