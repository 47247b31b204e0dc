"""Every non-trivial read of news: the public feed with its filters, an item's page, the moderation
queue, a media outlet's desk, an organisation's section, and the media activity by month. Each returns
what its page needs in a fixed number of queries, however many items, photos and pick-ups there are."""

import datetime
from dataclasses import dataclass
from typing import Any

from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.db.models import Count, Prefetch, QuerySet
from django.db.models.functions import TruncMonth
from django.utils import timezone

from nkohub.news.models import Mention, NewsItem, NewsPhoto, Pickup
from nkohub.organizations import search
from nkohub.organizations.models import Organization, Sphere
from nkohub.organizations.selectors import StoredSearchVector
from nkohub.territories.models import Municipality
from nkohub.volunteering.models import Coalition
from nkohub.volunteering.selectors import coalition_member_ids

SEARCH_FIELDS = ("title", "body")
PUBLISHED = NewsItem.Status.PUBLISHED


def _cards(items: QuerySet[NewsItem]) -> QuerySet[NewsItem]:
    """What a card shows: the organisation, the photos (the first is the card's picture) and the
    number of publications in media."""
    # the publications are prefetched, not counted in the list's query: a COUNT over a join
    # would make the database group every matching item before it could take the newest twelve
    return items.select_related("organization", "project").prefetch_related(
        Prefetch("photos", NewsPhoto.objects.order_by("position", "pk")),
        Prefetch(
            "pickups",
            Pickup.objects.filter(status=Pickup.Status.PUBLISHED).only("pk", "news_id"),
            to_attr="publications",
        ),
    )


def month_range(month: str) -> tuple[datetime.datetime, datetime.datetime] | None:
    """«2026-11» → the month's bounds in the site's time zone; None when it is not a month."""
    try:
        year, number = (int(part) for part in month.split("-", 1))
        start = datetime.date(year, number, 1)
    except ValueError:
        return None
    end = (start + datetime.timedelta(days=32)).replace(day=1)
    zone = timezone.get_current_timezone()
    return (
        datetime.datetime.combine(start, datetime.time(), tzinfo=zone),
        datetime.datetime.combine(end, datetime.time(), tzinfo=zone),
    )


def feed(
    *,
    organization: Organization | None = None,
    sphere: Sphere | None = None,
    municipality: Municipality | None = None,
    month: str = "",
    q: str = "",
) -> QuerySet[NewsItem]:
    items = NewsItem.objects.filter(status=PUBLISHED)
    if organization is not None:
        items = items.filter(organization=organization)
    if sphere is not None:
        items = items.filter(organization__spheres=sphere)
    if municipality is not None:
        items = items.filter(organization__municipality=municipality)
    bounds = month_range(month) if month else None
    if bounds is not None:
        items = items.filter(published_at__gte=bounds[0], published_at__lt=bounds[1])
    if q:
        items = _searched(items, q)
    return _cards(items).order_by("-published_at", "-pk")


SEARCH_CANDIDATES = 1000


def _searched(items: QuerySet[NewsItem], q: str) -> QuerySet[NewsItem]:
    """Every word of the query in any of its forms. Elsewhere than on PostgreSQL: LIKE over the word
    stems.

    On PostgreSQL: the stored tsvector of migration 0002 under the `russian` configuration, each word
    as its lemma or its root as a prefix (the registry's query). Which plan is fast depends on how
    many items match, and the planner cannot tell for a prefix (it guesses 2 %): walking the feed's
    order index and testing each item finds twelve of a common word at once but reads the whole feed
    for a rare one (1.1 s at 100,000 items), while the GIN index finds a rare word's items at once.
    So one query asks the GIN index for up to SEARCH_CANDIDATES matches: fewer than that, and the
    page orders just those; as many, and the word is common enough for the order index."""
    if connection.vendor != "postgresql":
        return items.filter(search.word_forms_condition(SEARCH_FIELDS, q))
    raw = search.tsquery_for(search.parse_query(q))
    if not raw:
        return items
    matches = items.alias(search_vector=StoredSearchVector()).filter(
        search_vector=SearchQuery(raw, search_type="raw", config="russian")
    )
    candidates = list(matches.order_by().values_list("pk", flat=True)[:SEARCH_CANDIDATES])
    if len(candidates) < SEARCH_CANDIDATES:
        return items.filter(pk__in=candidates)
    return matches


def coalition_feed(coalition: Coalition) -> QuerySet[NewsItem]:
    """The coalition's shared feed: published news of the organisations that are its members now
    (an organisation that leaves takes its news out of the feed; one that joins brings its own)."""
    items = NewsItem.objects.filter(
        status=PUBLISHED, organization_id__in=coalition_member_ids(coalition)
    )
    return _cards(items).order_by("-published_at", "-pk")


def feed_suggestion(query: str) -> str:
    """«Возможно, вы имели в виду …»: from the words of published news only."""
    vocabulary = search.vocabulary_for(
        "news.items", NewsItem.objects.filter(status=PUBLISHED), SEARCH_FIELDS
    )
    return search.suggestion(query, vocabulary)


def recent_months(today: datetime.date, count: int = 12) -> list[datetime.date]:
    """The first days of the last `count` months, the current one last."""
    months = [today.replace(day=1)]
    while len(months) < count:
        months.append((months[-1] - datetime.timedelta(days=1)).replace(day=1))
    return list(reversed(months))


def syndicated(
    *,
    organization: Organization | None = None,
    sphere: Sphere | None = None,
    coalition: Coalition | None = None,
    limit: int = 30,
) -> list[NewsItem]:
    """The newest published items for a feed (RSS or Atom): two queries, whatever the number."""
    items = NewsItem.objects.filter(status=PUBLISHED)
    if organization is not None:
        items = items.filter(organization=organization)
    if sphere is not None:
        items = items.filter(organization__spheres=sphere)
    if coalition is not None:
        items = items.filter(organization_id__in=coalition_member_ids(coalition))
    return list(
        items.select_related("organization", "author")
        .prefetch_related(Prefetch("photos", NewsPhoto.objects.order_by("position", "pk")))
        .order_by("-published_at", "-pk")[:limit]
    )


def item_for_page(pk: int) -> NewsItem | None:
    return (
        NewsItem.objects.select_related(
            "organization__municipality", "project", "author", "moderated_by"
        )
        .prefetch_related(
            Prefetch("photos", NewsPhoto.objects.order_by("position", "pk")),
            Prefetch(
                "pickups",
                Pickup.objects.select_related("outlet").order_by("-published_on", "-taken_at"),
            ),
        )
        .filter(pk=pk)
        .first()
    )


def moderation_queue(*, status: str = NewsItem.Status.PENDING) -> QuerySet[NewsItem]:
    return _cards(NewsItem.objects.filter(status=status)).order_by("created_at", "pk")


def organization_items(organization: Organization, *, everything: bool) -> QuerySet[NewsItem]:
    """An organisation's own list: with its waiting, rejected and hidden items for its people."""
    items = NewsItem.objects.filter(organization=organization)
    if not everything:
        items = items.filter(status=PUBLISHED)
    return _cards(items).order_by("-created_at", "-pk")


def projects_of(organization: Organization) -> QuerySet[Any]:
    return organization.projects.order_by("title")


# --- a media outlet's desk --------------------------------------------------------------------
DESK_DAYS = 60  # «new» on a desk: published in the last two months (older news is not news)


def desk_new(outlet: Organization) -> QuerySet[NewsItem]:
    """Published news of the last DESK_DAYS this outlet has not taken yet (not its own), newest
    first: the window keeps the page's count bounded however long the archive grows."""
    since = timezone.now() - datetime.timedelta(days=DESK_DAYS)
    return (
        _cards(
            NewsItem.objects.filter(status=PUBLISHED, published_at__gte=since)
            .exclude(organization=outlet)
            .exclude(pickups__outlet=outlet)
        )
        .select_related("organization__municipality")
        .order_by("-published_at", "-pk")
    )


def desk_pickups(outlet: Organization, *, status: str) -> QuerySet[Pickup]:
    return (
        Pickup.objects.filter(outlet=outlet, status=status)
        .select_related("news__organization")
        .order_by("-taken_at", "-pk")
    )


def pickups_of(organization: Organization) -> QuerySet[Pickup]:
    """The pick-ups of the organisation's news, published first, newest first."""
    return (
        Pickup.objects.filter(news__organization=organization, news__status=PUBLISHED)
        .select_related("news", "outlet")
        .order_by("status", "-published_on", "-taken_at", "-pk")
    )


def mentions_of(organization: Organization) -> QuerySet[Mention]:
    return Mention.objects.filter(organization=organization).order_by("-published_on", "-pk")


# --- media activity ---------------------------------------------------------------------------
@dataclass
class MonthActivity:
    month: datetime.date
    published: int = 0
    picked_up: int = 0
    in_media: int = 0


def _by_month(rows: Any, field: str) -> dict[tuple[int, int], int]:
    counted: dict[tuple[int, int], int] = {}
    for row in rows.annotate(month=TruncMonth(field)).values("month").annotate(n=Count("pk")):
        month = row["month"]
        if month is None:
            continue
        if isinstance(month, datetime.datetime):
            month = timezone.localtime(month) if timezone.is_aware(month) else month
        counted[(month.year, month.month)] = counted.get((month.year, month.month), 0) + row["n"]
    return counted


def media_activity(
    *, organization: Organization | None = None, today: datetime.date | None = None
) -> list[MonthActivity]:
    """News published, taken into work and publications in media (pick-ups published plus mentions
    found elsewhere), for each of the last twelve months: four queries whatever the data."""
    months = recent_months(today or timezone.localdate())
    start = months[0]
    zone = timezone.get_current_timezone()
    since = datetime.datetime.combine(start, datetime.time(), tzinfo=zone)
    news = NewsItem.objects.filter(status=PUBLISHED, published_at__gte=since)
    pickups = Pickup.objects.filter(taken_at__gte=since, news__status=PUBLISHED)
    published = Pickup.objects.filter(status=Pickup.Status.PUBLISHED, published_on__gte=start)
    mentions = Mention.objects.filter(published_on__gte=start)
    if organization is not None:
        news = news.filter(organization=organization)
        pickups = pickups.filter(news__organization=organization)
        published = published.filter(news__organization=organization)
        mentions = mentions.filter(organization=organization)
    counts = (
        _by_month(news, "published_at"),
        _by_month(pickups, "taken_at"),
        _by_month(published, "published_on"),
        _by_month(mentions, "published_on"),
    )
    result = []
    for month in months:
        key = (month.year, month.month)
        result.append(
            MonthActivity(
                month=month,
                published=counts[0].get(key, 0),
                picked_up=counts[1].get(key, 0),
                in_media=counts[2].get(key, 0) + counts[3].get(key, 0),
            )
        )
    return result
