"""The demo: news of the demo organisations (two waiting for the operator), a media partner with
pick-ups in work and published, mentions; a second run changes nothing."""

from typing import Any

import pytest
from django.core.management import call_command

from nkohub.news.models import Mention, NewsItem, NewsPhoto, Pickup

pytestmark = pytest.mark.django_db


def counts() -> tuple[int, ...]:
    return tuple(m.objects.count() for m in (NewsItem, NewsPhoto, Pickup, Mention))


def test_the_demo_loads_news_pickups_and_mentions_once(client: Any) -> None:
    call_command("load_demo", "--quiet-logins")
    first = counts()
    call_command("load_demo", "--quiet-logins")
    statuses = sorted(NewsItem.objects.values_list("status", flat=True))
    published_pickups = Pickup.objects.filter(status=Pickup.Status.PUBLISHED).count()
    assert (counts(), statuses.count("pending"), published_pickups, first[3] > 10) == (
        first,
        2,
        3,
        True,
    )
