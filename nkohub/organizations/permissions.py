"""Who may do what with an organisation. The only place these rights are decided."""

from typing import Any

from nkohub.core.permissions import is_operator
from nkohub.organizations.models import Membership, Organization

ACTING_ROLES = (Membership.Role.OWNER, Membership.Role.EDITOR)


def membership_role(user: Any, organization: Organization) -> str | None:
    if not (user and user.is_authenticated):
        return None
    cache = getattr(user, "_membership_roles", None)
    if cache is None:
        cache = dict(Membership.objects.filter(user=user).values_list("organization_id", "role"))
        user._membership_roles = cache
    return cache.get(organization.pk)


def is_member(user: Any, organization: Organization) -> bool:
    return membership_role(user, organization) is not None


def can_act_for(user: Any, organization: Organization) -> bool:
    """Edit the profile, publish offers, requests, projects and news, submit appeals in its name."""
    return membership_role(user, organization) in ACTING_ROLES


def can_edit_organization(user: Any, organization: Organization) -> bool:
    return is_operator(user) or can_act_for(user, organization)


def can_manage_members(user: Any, organization: Organization) -> bool:
    return is_operator(user) or membership_role(user, organization) == Membership.Role.OWNER


def can_verify_organization(user: Any, organization: Organization | None = None) -> bool:
    return is_operator(user)
