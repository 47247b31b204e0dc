"""A coalition's shared news feed: its members' published news on the coalition's page, on a page of
its own and as RSS/Atom; invited organisations and those that are not members stay out."""

import datetime as dt
from typing import Any

import feedparser
import pytest
from django.urls import reverse
from django.utils import timezone

from nkohub.news.models import NewsItem
from nkohub.news.tests.factories import NewsItemFactory
from nkohub.organizations.tests.factories import OrganizationFactory
from nkohub.volunteering.models import Coalition, CoalitionMember
from nkohub.volunteering.tests.factories import coalition as make_coalition

pytestmark = pytest.mark.django_db


@pytest.fixture
def alliance() -> Coalition:
    """A founder and a second member; a third organisation only invited."""
    made = make_coalition(title="Коалиция «Старшее поколение»")
    CoalitionMember.objects.create(
        coalition=made,
        organization=OrganizationFactory.create(short_name="АНО «Забота»"),
        status=CoalitionMember.Status.MEMBER,
    )
    CoalitionMember.objects.create(
        coalition=made,
        organization=OrganizationFactory.create(short_name="Фонд «Приглашённый»"),
        status=CoalitionMember.Status.INVITED,
    )
    return made


def _member(coalition: Coalition, status: str = CoalitionMember.Status.MEMBER) -> Any:
    return CoalitionMember.objects.filter(coalition=coalition, status=status).order_by("pk")


def test_the_coalition_page_shows_the_members_latest_news(client: Any, alliance: Coalition) -> None:
    founder, second = (m.organization for m in _member(alliance))
    invited = _member(alliance, CoalitionMember.Status.INVITED).get().organization
    NewsItemFactory.create(
        organization=founder,
        title="Акция «Тёплый дом»",
        published_at=timezone.now() - dt.timedelta(days=1),
    )
    NewsItemFactory.create(organization=second, title="Школа ухода за пожилыми")
    NewsItemFactory.create(organization=invited, title="Новость приглашённого")
    NewsItemFactory.create(
        organization=second, title="На модерации", status=NewsItem.Status.PENDING, published_at=None
    )
    NewsItemFactory.create(title="Чужая новость")
    response = client.get(alliance.get_absolute_url())
    html = response.content.decode()
    assert "Новости участников" in html
    assert html.index("Школа ухода за пожилыми") < html.index("Акция «Тёплый дом»")
    for absent in ("Новость приглашённого", "На модерации", "Чужая новость"):
        assert absent not in html
    assert reverse("news:coalition", args=[alliance.pk]) in html


def test_the_section_says_when_members_have_no_news(client: Any, alliance: Coalition) -> None:
    html = client.get(alliance.get_absolute_url()).content.decode()
    assert "Участники пока не опубликовали новостей." in html


def test_the_coalition_feed_page_is_paginated_newest_first(
    client: Any, alliance: Coalition
) -> None:
    founder = _member(alliance).first().organization
    now = timezone.now()
    for number in range(14):
        NewsItemFactory.create(
            organization=founder,
            title=f"Новость {number}",
            published_at=now - dt.timedelta(hours=number),
        )
    first = client.get(reverse("news:coalition", args=[alliance.pk]))
    titles = [item.title for item in first.context["page"].object_list]
    assert titles == [f"Новость {n}" for n in range(12)]
    second = client.get(reverse("news:coalition", args=[alliance.pk]), {"page": 2})
    assert [item.title for item in second.context["page"].object_list] == [
        "Новость 12",
        "Новость 13",
    ]


def test_the_coalition_feed_has_an_empty_state(client: Any, alliance: Coalition) -> None:
    html = client.get(reverse("news:coalition", args=[alliance.pk])).content.decode()
    assert "Участники пока не опубликовали новостей" in html


def test_an_unknown_coalition_is_not_found(client: Any) -> None:
    assert client.get(reverse("news:coalition", args=[999_999])).status_code == 404
    assert client.get(reverse("news:coalition_rss", args=[999_999])).status_code == 404


def test_an_organisation_that_leaves_takes_its_news_out(client: Any, alliance: Coalition) -> None:
    second = _member(alliance).last()
    NewsItemFactory.create(organization=second.organization, title="Школа ухода за пожилыми")
    second.delete()
    response = client.get(reverse("news:coalition", args=[alliance.pk]))
    assert list(response.context["page"].object_list) == []


def test_the_coalition_feeds_parse_as_rss_and_atom(client: Any, alliance: Coalition) -> None:
    founder = _member(alliance).first().organization
    NewsItemFactory.create(organization=founder, title="Акция «Тёплый дом»")
    NewsItemFactory.create(title="Чужая новость")
    rss = feedparser.parse(client.get(reverse("news:coalition_rss", args=[alliance.pk])).content)
    atom = feedparser.parse(client.get(reverse("news:coalition_atom", args=[alliance.pk])).content)
    assert (rss.version, rss.bozo, [e.title for e in rss.entries]) == (
        "rss20",
        False,
        ["Акция «Тёплый дом»"],
    )
    assert (atom.version, [e.title for e in atom.entries]) == ("atom10", ["Акция «Тёплый дом»"])
    assert rss.feed.title == "Новости коалиции «Коалиция «Старшее поколение»»"


@pytest.mark.parametrize("count", [2, 12])
def test_the_coalition_page_costs_the_same_queries_whatever_the_news(
    client: Any, alliance: Coalition, count: int, django_assert_max_num_queries: Any
) -> None:
    founder = _member(alliance).first().organization
    NewsItemFactory.create_batch(count, organization=founder)
    client.get(alliance.get_absolute_url())  # warms the session-independent caches
    with django_assert_max_num_queries(12) as captured:
        client.get(alliance.get_absolute_url())
    baseline = len(captured)
    NewsItemFactory.create_batch(count, organization=founder)
    with django_assert_max_num_queries(baseline):
        client.get(alliance.get_absolute_url())
    with django_assert_max_num_queries(baseline):
        client.get(reverse("news:coalition", args=[alliance.pk]))
