"""The «Мои организации» block of the personal cabinet."""

from typing import Any

from nkohub.core.permissions import is_operator
from nkohub.organizations import permissions, selectors


def organizations_cabinet_context(user: Any) -> dict[str, Any] | None:
    return {
        "memberships": [
            {
                "membership": membership,
                "can_manage_members": permissions.may_manage_members_as(membership.role),
                "can_edit": permissions.may_edit_as(membership.role),
            }
            for membership in selectors.memberships_of(user)
        ],
        "claims": list(selectors.claims_of(user)[:5]),
        "invitations": list(selectors.invitations_for_user(user)),
        "pending_review": selectors.pending_claims_count() if is_operator(user) else None,
    }
