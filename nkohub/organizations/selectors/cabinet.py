"""Reads for a member's cabinet and moderation: memberships, invitations, claims, imports, duplicates."""

from typing import Any

from django.db.models import QuerySet

from nkohub.organizations import search
from nkohub.organizations.models import (
    Claim,
    ImportRun,
    Invitation,
    Membership,
    Organization,
    Sphere,
)
from nkohub.organizations.permissions import ACTING_ROLES
from nkohub.organizations.selectors.common import _is_postgres, published_organizations


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
    return (
        Membership.objects.filter(user=user)
        .select_related("organization")
        .order_by("organization__full_name")
    )


def organization_spheres(organization: Organization) -> QuerySet[Sphere]:
    return organization.spheres.order_by("position", "name")


def organization_members(organization: Organization) -> QuerySet[Membership]:
    return organization.memberships.select_related("user").order_by(
        "role", "user__full_name", "user__email"
    )


def is_managed(organization: Organization) -> bool:
    """Whether someone already manages the profile: an active owner (after an approved claim, an
    accepted invitation or a registration)."""
    return owners_of(organization).exists()


def owners_of(organization: Organization) -> QuerySet[Any]:
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(
        memberships__organization=organization,
        memberships__role=Membership.Role.OWNER,
        is_active=True,
    )


def open_invitations_of(organization: Organization) -> QuerySet[Invitation]:
    from django.utils import timezone

    return organization.invitations.filter(
        accepted_at__isnull=True, cancelled_at__isnull=True, expires_at__gt=timezone.now()
    ).select_related("invited_by")


def invitations_for_user(user: Any) -> QuerySet[Invitation]:
    from django.utils import timezone

    return Invitation.objects.filter(
        email__iexact=user.email,
        accepted_at__isnull=True,
        cancelled_at__isnull=True,
        expires_at__gt=timezone.now(),
    ).select_related("organization")


def claims_of(user: Any) -> QuerySet[Claim]:
    return Claim.objects.filter(user=user).select_related("organization").order_by("-created_at")


def claims_for_review(*, status: str = Claim.Status.PENDING) -> QuerySet[Claim]:
    claims = Claim.objects.select_related("organization__municipality", "user")
    if status:
        claims = claims.filter(status=status)
    return claims.order_by("created_at" if status == Claim.Status.PENDING else "-created_at")


def pending_claims_count() -> int:
    return Claim.objects.filter(status=Claim.Status.PENDING).count()


def import_runs() -> QuerySet[ImportRun]:
    return ImportRun.objects.select_related("created_by").defer("problems", "changes")


def possible_duplicates(
    *, full_name: str, municipality_id: int | None, limit: int = 5
) -> list[Organization]:
    """Organisations with a similar name in the same municipality (registration's duplicate check)."""
    if not full_name.strip():
        return []
    candidates = (
        published_organizations().filter(municipality_id=municipality_id)
        if municipality_id
        else None
    )
    if candidates is None:
        return []
    if _is_postgres():
        from django.contrib.postgres.search import TrigramSimilarity

        return list(
            candidates.annotate(similarity=TrigramSimilarity("full_name", full_name))
            .filter(similarity__gte=0.5)
            .order_by("-similarity")[:limit]
        )
    wanted = set(search.search_text_for(full_name).split())
    if not wanted:
        return []
    found = []
    for organization in candidates.only(
        "pk", "full_name", "short_name", "search_text", "inn", "ogrn"
    ):
        terms = set(organization.search_text.split())
        if terms and len(wanted & terms) / len(wanted | terms) >= 0.6:
            found.append(organization)
    return found[:limit]
