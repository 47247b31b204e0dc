from typing import Any

from django.db.models import QuerySet

from nkohub.organizations.models import Membership, Organization
from nkohub.organizations.permissions import ACTING_ROLES


def organizations_user_acts_for(user: Any, *, kind: str | None = None) -> QuerySet[Organization]:
    """Organisations in whose name the person may act (owner or editor)."""
    if not user.is_authenticated:
        return Organization.objects.none()
    organizations = Organization.objects.filter(
        memberships__user=user, memberships__role__in=ACTING_ROLES
    ).select_related("municipality", "legal_form")
    if kind:
        organizations = organizations.filter(kind=kind)
    return organizations.order_by("full_name")


def memberships_of(user: Any) -> QuerySet[Membership]:
    return Membership.objects.filter(user=user).select_related("organization").order_by("organization__full_name")
