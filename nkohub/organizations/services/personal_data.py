"""Personal data of a person (152-ФЗ): export and erasure."""

from typing import Any

from django.db import transaction

from nkohub.organizations.models import (
    Claim,
    Invitation,
    Membership,
)

# --- personal data (152-ФЗ) ----------------------------------------------------------------------


def personal_data_export(user: Any) -> dict[str, Any]:
    return {
        "memberships": [
            {
                "organization": m.organization.full_name,
                "organization_id": m.organization_id,
                "role": m.role,
                "position": m.position,
                "since": m.created_at.isoformat(),
            }
            for m in Membership.objects.filter(user=user)
            .select_related("organization")
            .order_by("pk")
        ],
        "claims": [
            {
                "organization": c.organization.full_name,
                "kind": c.kind,
                "stated_role": c.stated_role,
                "position": c.position,
                "comment": c.comment,
                "document": c.document_name,
                "status": c.status,
                "rejection_reason": c.rejection_reason,
                "submitted": c.created_at.isoformat(),
            }
            for c in Claim.objects.filter(user=user).select_related("organization").order_by("pk")
        ],
        "invitations_received": [
            {
                "organization": i.organization.full_name,
                "role": i.role,
                "sent": i.created_at.isoformat(),
                "accepted": i.accepted_at.isoformat() if i.accepted_at else None,
            }
            for i in Invitation.objects.filter(email__iexact=user.email)
            .select_related("organization")
            .order_by("pk")
        ],
    }


@transaction.atomic
def personal_data_erase(user: Any) -> dict[str, Any]:
    """Remove the person's memberships, claims (with their documents) and invitations addressed to them."""
    claims = list(Claim.objects.filter(user=user))
    documents = 0
    for claim in claims:
        if claim.document:
            claim.document.delete(save=False)
            documents += 1
    claims_deleted = Claim.objects.filter(user=user).delete()[0]
    memberships_deleted = Membership.objects.filter(user=user).delete()[0]
    invitations = Invitation.objects.filter(email__iexact=user.email).update(
        email=f"deleted-{user.pk}@invalid"
    )
    return {
        "memberships": memberships_deleted,
        "claims": claims_deleted,
        "claim_documents": documents,
        "invitations_anonymised": invitations,
    }
