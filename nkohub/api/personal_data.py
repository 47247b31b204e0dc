"""What the API app holds about a person: their tokens (names, scopes, last use and its address)."""

from typing import Any

from nkohub.api.models import ApiToken


def export(user: Any) -> dict[str, Any]:
    return {
        "api_tokens": [
            {
                "name": t.name,
                "prefix": t.prefix,
                "organization": t.organization.display_name,
                "scopes": t.scopes,
                "created_at": t.created_at.isoformat(),
                "last_used_at": t.last_used_at.isoformat() if t.last_used_at else None,
                "last_used_from": t.last_used_from,
                "revoked_at": t.revoked_at.isoformat() if t.revoked_at else None,
            }
            for t in ApiToken.objects.filter(user=user).select_related("organization")
        ]
    }


def erase(user: Any) -> dict[str, Any]:
    """The tokens go (a deleted account's integrations stop); webhooks stay the organisation's."""
    removed, _ = ApiToken.objects.filter(user=user).delete()
    return {"api_tokens": removed}
