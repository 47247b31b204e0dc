"""Sections news adds to other apps' pages, each in a fixed number of queries: the «News and media»
section of an organisation's public profile (its latest news, the pick-ups of its news by media outlets
and mentions found elsewhere) and the members' news on a coalition's page."""

from typing import Any

from nkohub.news import permissions, selectors
from nkohub.organizations.models import Organization
from nkohub.volunteering.models import Coalition


def news_section(organization: Organization, user: Any) -> dict[str, Any] | None:
    items = list(selectors.feed(organization=organization)[:3])
    pickups = list(selectors.pickups_of(organization)[:10])
    mentions = list(selectors.mentions_of(organization)[:5])
    can_publish = bool(permissions.can_publish_news(user, organization))
    if not (items or pickups or mentions or can_publish):
        return None
    return {
        "organization": organization,
        "items": items,
        "pickups": pickups,
        "mentions": mentions,
        "can_publish": can_publish,
    }


def coalition_section(coalition: Coalition, user: Any) -> dict[str, Any] | None:
    """The latest three news items of the coalition's members (the section stays, with its empty
    state, so members see where their news will appear)."""
    return {"coalition": coalition, "items": list(selectors.coalition_feed(coalition)[:3])}
