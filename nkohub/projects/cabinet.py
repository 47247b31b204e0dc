"""The projects block of «Мой кабинет»."""

from typing import Any

from nkohub.organizations.models import Organization
from nkohub.organizations.selectors import organizations_user_acts_for
from nkohub.projects import selectors


def projects_cabinet_context(user: Any) -> dict[str, Any] | None:
    organizations = organizations_user_acts_for(user)
    projects = list(selectors.projects_of_organizations(organizations)[:5])
    is_sponsor = organizations.filter(kind=Organization.Kind.BUSINESS).exists()
    if not projects and not is_sponsor and not organizations.exists():
        return None
    return {
        "projects": projects,
        "pending_count": selectors.pending_pledges_for_user(user).count(),
        "is_sponsor": is_sponsor,
    }
