"""Registration of a new organisation and claims to an existing one, and their review."""

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from nkohub.core.audit import audit_log
from nkohub.core.errors import DomainError
from nkohub.core.storage import original_filename
from nkohub.notifications.services import notify
from nkohub.organizations import permissions, selectors
from nkohub.organizations.documents import validate_claim_document
from nkohub.organizations.models import (
    Claim,
    Membership,
    Organization,
    Sphere,
)

from ._shared import PROFILE_FIELDS, _clean_identifiers, _ensure_identifiers_free, _url
from .logo import _save_with_logo, organization_logo_apply

if TYPE_CHECKING:
    from nkohub.accounts.models import User

# --- registration and claims ---------------------------------------------------------------------


def _attach_document(claim: Claim, document: UploadedFile | None) -> None:
    if document is None:
        return
    try:
        validate_claim_document(document)
    except ValidationError as exc:
        raise DomainError(exc.messages[0], field="document") from exc
    claim.document_name = original_filename(document.name, fallback="document")
    claim.document.save(document.name or "document", document, save=False)


def _tell_operators(*, claim: Claim, actor: "User") -> None:
    from django.contrib.auth import get_user_model

    operators = get_user_model().objects.filter(is_operator=True, is_active=True)
    title = (
        f"Новая организация на проверку: {claim.organization.display_name}"
        if claim.kind == Claim.Kind.REGISTRATION
        else f"Заявка на управление профилем: {claim.organization.display_name}"
    )
    notify(
        recipients=operators,
        kind="organizations.claim.submitted",
        title=title,
        body=f"{claim.user.display_name}: {claim.get_stated_role_display()}.",
        obj=claim,
        url=_url("organizations:claim_review", claim.pk),
        actor=actor,
    )


def _claim_create(
    *,
    kind: str,
    actor: "User",
    organization: Organization,
    stated_role: str,
    position: str,
    comment: str,
    document: UploadedFile | None,
    audit_action: str,
) -> Claim:
    """The claim of a registration or of an existing profile: saved, audited, told to operators."""
    claim = Claim(
        kind=kind,
        organization=organization,
        user=actor,
        stated_role=stated_role,
        position=position.strip(),
        comment=comment.strip(),
    )
    _attach_document(claim, document)
    claim.full_clean()
    claim.save()
    audit_log(actor=actor, action=audit_action, obj=organization, changes={"claim": claim.pk})
    _tell_operators(claim=claim, actor=actor)
    return claim


@transaction.atomic
def organization_register(
    *,
    actor: "User",
    data: dict[str, Any],
    spheres: Iterable[Sphere] = (),
    stated_role: str,
    position: str = "",
    comment: str = "",
    document: UploadedFile | None = None,
    confirm_not_duplicate: bool = False,
) -> Claim:
    """A person registers an organisation missing from the registry; it stays hidden until an operator approves."""
    if not permissions.can_register_organization(actor):
        raise DomainError(_("Log in to the platform to register an organisation."))
    data = dict(data)
    _clean_identifiers(data)
    if not data.get("inn") and not data.get("ogrn"):
        raise DomainError(_("Enter the organisation's INN or OGRN."), field="inn")
    _ensure_identifiers_free(inn=data.get("inn"), ogrn=data.get("ogrn"))
    municipality = data.get("municipality")
    if not confirm_not_duplicate:
        similar = selectors.possible_duplicates(
            full_name=data.get("full_name", ""), municipality_id=getattr(municipality, "pk", None)
        )
        if similar:
            names = "; ".join(f"«{o.display_name}»" for o in similar[:3])
            raise DomainError(
                _(
                    "Similar organisations are already in the registry in this municipality: "
                    "%(names)s. If yours is among them, claim its profile; if this is another "
                    "organisation, tick «This is another organisation» and send the form again."
                )
                % {"names": names},
                field="full_name",
            )
    organization = Organization(**{k: v for k, v in data.items() if k in PROFILE_FIELDS})
    logo = organization_logo_apply(organization=organization, data=data, previous=None)
    organization.source = Organization.Source.MANUAL
    organization.is_published = False
    _save_with_logo(organization, logo)
    organization.spheres.set(spheres)
    return _claim_create(
        kind=Claim.Kind.REGISTRATION,
        actor=actor,
        organization=organization,
        stated_role=stated_role,
        position=position,
        comment=comment,
        document=document,
        audit_action="organizations.organization.register",
    )


@transaction.atomic
def claim_submit(
    *,
    actor: "User",
    organization: Organization,
    stated_role: str,
    position: str = "",
    comment: str = "",
    document: UploadedFile | None = None,
) -> Claim:
    if not permissions.can_claim(actor, organization):
        raise DomainError(_("You already belong to this organisation or may not claim it."))
    if Claim.objects.filter(
        user=actor, organization=organization, status=Claim.Status.PENDING
    ).exists():
        raise DomainError(_("Your claim for this organisation already awaits review."))
    if document is None:
        raise DomainError(_("Attach a document that confirms your authority."), field="document")
    return _claim_create(
        kind=Claim.Kind.CLAIM,
        actor=actor,
        organization=organization,
        stated_role=stated_role,
        position=position,
        comment=comment,
        document=document,
        audit_action="organizations.claim.submit",
    )


def _check_reviewable(actor: "User", claim: Claim) -> None:
    if not permissions.can_review_claims(actor):
        raise DomainError(_("Only an operator reviews claims."))
    if claim.status != Claim.Status.PENDING:
        raise DomainError(_("The claim is already reviewed."))


@transaction.atomic
def claim_approve(*, actor: "User", claim: Claim) -> Claim:
    claim = (
        Claim.objects.select_for_update().select_related("organization", "user").get(pk=claim.pk)
    )
    _check_reviewable(actor, claim)
    organization = claim.organization
    role = Membership.Role.OWNER
    membership, created = Membership.objects.get_or_create(
        user=claim.user,
        organization=organization,
        defaults={"role": role, "position": claim.position},
    )
    if not created and membership.role != role:
        membership.role = role
        membership.save(update_fields=["role"])
    permissions.forget_membership_roles(claim.user)
    claim.status, claim.reviewed_by, claim.reviewed_at = (
        Claim.Status.APPROVED,
        actor,
        timezone.now(),
    )
    claim.save(update_fields=["status", "reviewed_by", "reviewed_at"])
    organization.is_published = True
    organization.is_verified, organization.verified_at, organization.verified_by = (
        True,
        timezone.now(),
        actor,
    )
    organization.save(
        update_fields=["is_published", "is_verified", "verified_at", "verified_by", "updated_at"]
    )
    audit_log(
        actor=actor,
        action="organizations.claim.approve",
        obj=organization,
        changes={"claim": claim.pk, "user": claim.user},
    )
    notify(
        recipients=[claim.user],
        kind="organizations.claim.approved",
        title=f"Заявка одобрена: {organization.display_name}",
        body="Теперь вы управляете профилем организации и можете приглашать коллег.",
        obj=organization,
        url=_url("organizations:detail", organization.pk),
        actor=actor,
    )
    return claim


@transaction.atomic
def claim_reject(*, actor: "User", claim: Claim, reason: str) -> Claim:
    claim = (
        Claim.objects.select_for_update().select_related("organization", "user").get(pk=claim.pk)
    )
    _check_reviewable(actor, claim)
    reason = reason.strip()
    if not reason:
        raise DomainError(
            _("Give the reason of the refusal — the claimant will see it."), field="reason"
        )
    claim.status, claim.reviewed_by, claim.reviewed_at = (
        Claim.Status.REJECTED,
        actor,
        timezone.now(),
    )
    claim.rejection_reason = reason
    claim.save(update_fields=["status", "reviewed_by", "reviewed_at", "rejection_reason"])
    audit_log(
        actor=actor,
        action="organizations.claim.reject",
        obj=claim.organization,
        changes={"claim": claim.pk, "reason": reason},
    )
    notify(
        recipients=[claim.user],
        kind="organizations.claim.rejected",
        title=f"Заявка отклонена: {claim.organization.display_name}",
        body=f"Причина: {reason}",
        obj=claim,
        url=_url("organizations:claim_detail", claim.pk),
        actor=actor,
    )
    return claim


@transaction.atomic
def claim_withdraw(*, actor: "User", claim: Claim) -> Claim:
    decision = permissions.can_withdraw_claim(actor, claim)
    if not decision:
        raise DomainError(decision.reason)
    claim.status = Claim.Status.WITHDRAWN
    claim.save(update_fields=["status"])
    audit_log(
        actor=actor,
        action="organizations.claim.withdraw",
        obj=claim.organization,
        changes={"claim": claim.pk},
    )
    return claim
