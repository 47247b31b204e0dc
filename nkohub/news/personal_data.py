"""What news holds about a person: the items they wrote, the pick-ups they took or marked published,
and the mentions they added. The organisation's news stays (it speaks for the organisation, not the
person); the person's name is taken off it."""

from typing import Any

from django.db.models import Q

from nkohub.news.models import Mention, NewsItem, Pickup


def export(user: Any) -> dict[str, Any]:
    return {
        "news_written": [
            {
                "title": item.title,
                "organization": str(item.organization),
                "status": item.status,
                "created_at": item.created_at.isoformat(),
            }
            for item in NewsItem.objects.filter(author=user).select_related("organization")
        ],
        "pickups": [
            {
                "news": pickup.news.title,
                "outlet": str(pickup.outlet),
                "taken_at": pickup.taken_at.isoformat(),
                "publication_url": pickup.publication_url,
            }
            for pickup in Pickup.objects.filter(
                Q(taken_by=user) | Q(marked_by=user)
            ).select_related("news", "outlet")
        ],
        "mentions_added": [
            {"url": mention.url, "outlet": mention.outlet}
            for mention in Mention.objects.filter(added_by=user)
        ],
    }


def erase(user: Any) -> dict[str, Any]:
    return {
        "news_authorship_removed": NewsItem.objects.filter(author=user).update(author=None),
        "pickups_anonymised": Pickup.objects.filter(taken_by=user).update(taken_by=None)
        + Pickup.objects.filter(marked_by=user).update(marked_by=None),
        "mentions_anonymised": Mention.objects.filter(added_by=user).update(added_by=None),
    }
