"""The «News and media» block of «Мой кабинет»: the desk for members of media outlets, «write news»
for owners and editors of organisations, the moderation queue for operators (two queries at most)."""

from typing import Any

from nkohub.news import permissions
from nkohub.news.models import NewsItem


def news_cabinet_context(user: Any) -> dict[str, Any] | None:
    if not user.is_authenticated:
        return None
    outlets = permissions.outlets_of(user)
    organizations = [o for o in permissions.acting_organizations(user) if o.kind != o.Kind.MEDIA]
    waiting = (
        NewsItem.objects.filter(status=NewsItem.Status.PENDING).count()
        if permissions.can_moderate(user)
        else None
    )
    if not (outlets or organizations or waiting is not None):
        return None
    return {"outlets": outlets, "organizations": organizations, "waiting": waiting}
