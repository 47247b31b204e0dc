"""Writes of an organisation's profile: create, update, verify."""

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from nkohub.core.audit import audit_log, diff_fields
from nkohub.core.errors import DomainError
from nkohub.organizations import permissions
from nkohub.organizations.models import (
    Organization,
    Sphere,
)

from ._shared import (
    OPERATOR_ONLY_FIELDS,
    PROFILE_FIELDS,
    _clean_identifiers,
    _ensure_identifiers_free,
)
from .logo import _save_with_logo, organization_logo_apply

if TYPE_CHECKING:
    from nkohub.accounts.models import User


@transaction.atomic
def organization_update(
    *,
    actor: "User",
    organization: Organization,
    data: dict[str, Any],
    spheres: Iterable[Sphere] | None = None,
) -> Organization:
    if not permissions.can_edit_organization(actor, organization):
        raise DomainError(_("You have no right to change this organisation's profile."))
    data = dict(data)
    _clean_identifiers(data)
    if not permissions.can_verify_organization(actor, organization):
        for name in OPERATOR_ONLY_FIELDS:
            data.pop(name, None)
    before = Organization.objects.get(pk=organization.pk)
    _ensure_identifiers_free(inn=data.get("inn"), ogrn=data.get("ogrn"), exclude_pk=organization.pk)
    for name, value in data.items():
        if name in PROFILE_FIELDS:
            setattr(organization, name, value)
    # Changing the legal identity of a verified organisation needs a new verification.
    identity_changed = before.inn != organization.inn or before.ogrn != organization.ogrn
    if (
        organization.is_verified
        and identity_changed
        and not permissions.can_verify_organization(actor, organization)
    ):
        raise DomainError(
            _("Only an operator changes the INN and OGRN of a verified organisation."), field="inn"
        )
    logo = organization_logo_apply(organization=organization, data=data, previous=before)
    _save_with_logo(organization, logo)
    changes = diff_fields(before, organization, PROFILE_FIELDS)
    if logo is not None:
        changes["logo"] = [before.logo.name or "", logo]
    if spheres is not None:
        old = set(before.spheres.values_list("code", flat=True))
        organization.spheres.set(spheres)
        new = {s.code for s in spheres}
        if old != new:
            changes["spheres"] = [sorted(old), sorted(new)]
    if changes:
        audit_log(
            actor=actor,
            action="organizations.organization.update",
            obj=organization,
            changes=changes,
        )
    return organization


@transaction.atomic
def organization_create(
    *, actor: "User", data: dict[str, Any], spheres: Iterable[Sphere] = (), verified: bool = False
) -> Organization:
    """An operator adds an organisation to the registry directly."""
    if not permissions.can_verify_organization(actor):
        raise DomainError(_("Only an operator adds organisations to the registry directly."))
    data = dict(data)
    _clean_identifiers(data)
    _ensure_identifiers_free(inn=data.get("inn"), ogrn=data.get("ogrn"))
    organization = Organization(**{k: v for k, v in data.items() if k in PROFILE_FIELDS})
    logo = organization_logo_apply(organization=organization, data=data, previous=None)
    if verified:
        organization.is_verified, organization.verified_at, organization.verified_by = (
            True,
            timezone.now(),
            actor,
        )
    _save_with_logo(organization, logo)
    organization.spheres.set(spheres)
    audit_log(actor=actor, action="organizations.organization.create", obj=organization)
    return organization


@transaction.atomic
def organization_set_verified(
    *, actor: "User", organization: Organization, verified: bool
) -> Organization:
    if not permissions.can_verify_organization(actor, organization):
        raise DomainError(_("Only an operator verifies organisations."))
    if organization.is_verified == verified:
        return organization
    organization.is_verified = verified
    organization.verified_at = timezone.now() if verified else None
    organization.verified_by = actor if verified else None
    if verified:
        organization.is_published = True
    organization.save(
        update_fields=["is_verified", "verified_at", "verified_by", "is_published", "updated_at"]
    )
    audit_log(
        actor=actor,
        action="organizations.organization.verify"
        if verified
        else "organizations.organization.unverify",
        obj=organization,
    )
    return organization
