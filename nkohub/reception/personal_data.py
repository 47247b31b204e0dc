"""What the reception holds about a person: the appeals they wrote (for export and for account deletion)."""

from typing import Any

from nkohub.reception.models import Appeal


def export_appeals(user: Any) -> list[dict[str, Any]]:
    appeals = (
        Appeal.objects.filter(author=user)
        .select_related("authority", "organization")
        .order_by("created_at")
    )
    return [
        {
            "subject": appeal.subject,
            "text": appeal.text,
            "kind": appeal.kind,
            "status": appeal.status,
            "authority": str(appeal.authority),
            "on_behalf_of": str(appeal.organization) if appeal.organization else None,
            "submitted_at": appeal.submitted_at.isoformat() if appeal.submitted_at else None,
            "registration_number": appeal.registration_number,
            "answer": appeal.answer_text,
            "rating": appeal.rating,
        }
        for appeal in appeals
    ]


def erase_appeals(user: Any) -> dict[str, Any]:
    """Drafts go; sent appeals are the authority's records and stay, detached from the person.

    Appeals written as a private person and not yet published lose their text as well."""
    _, deleted = Appeal.objects.filter(author=user, status=Appeal.Status.DRAFT).delete()
    drafts = deleted.get(Appeal._meta.label, 0)
    private = Appeal.objects.filter(
        author=user, organization__isnull=True, publish_consent=False
    ).update(text="[удалено по запросу автора]", rating_comment="")
    detached = Appeal.objects.filter(author=user).update(author=None)
    return {"drafts_deleted": drafts, "texts_erased": private, "appeals_detached": detached}
