"""Every write of news: items and their photos, moderation, pick-ups, mentions."""

from .mentions import ImportReport, Skipped, mention_create, mentions_import
from .news import (
    news_create,
    news_moderate,
    news_set_demo_photo,
    news_update,
    photo_thumbnail_make,
    validate_photo,
)
from .pickups import pickup_mark_published, pickup_take

__all__ = [
    "ImportReport",
    "Skipped",
    "mention_create",
    "mentions_import",
    "news_create",
    "news_moderate",
    "news_set_demo_photo",
    "news_update",
    "photo_thumbnail_make",
    "pickup_mark_published",
    "pickup_take",
    "validate_photo",
]
