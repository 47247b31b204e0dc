"""The views of news: the feed and an item's page, writing, moderation, the media desk, activity."""

from .activity import mentions_upload, organization_activity, region_activity
from .desk import desk, mark_published, take
from .editing import create, edit
from .feed import coalition_news, detail, index, organization_news
from .moderation import moderate, queue

__all__ = [
    "coalition_news",
    "create",
    "desk",
    "detail",
    "edit",
    "index",
    "mark_published",
    "mentions_upload",
    "moderate",
    "organization_activity",
    "organization_news",
    "queue",
    "region_activity",
    "take",
]
