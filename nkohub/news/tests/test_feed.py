"""The public feed: filters, Russian word forms, pagination, the empty state, constant queries; an
item's page with its Open Graph tags; RSS 2.0 and Atom feeds parsed back with feedparser."""

import datetime as dt
from typing import Any

import feedparser
import pytest
from django.urls import reverse
from django.utils import timezone

from nkohub.news import services
from nkohub.news.models import NewsItem
from nkohub.news.tests.factories import NewsItemFactory, PickupFactory, jpeg
from nkohub.organizations.models import Organization
from nkohub.organizations.tests.factories import OrganizationFactory, SphereFactory
from nkohub.territories.tests.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db


def _titles(response: Any) -> list[str]:
    return [item.title for item in response.context["page"].object_list]


def test_the_feed_shows_published_news_newest_first(client: Any) -> None:
    older = NewsItemFactory.create(published_at=timezone.now() - dt.timedelta(days=2))
    newer = NewsItemFactory.create()
    assert _titles(client.get(reverse("news:index"))) == [newer.title, older.title]


def test_the_feed_leaves_out_waiting_news(client: Any) -> None:
    NewsItemFactory.create(status=NewsItem.Status.PENDING, published_at=None)
    assert _titles(client.get(reverse("news:index"))) == []


def test_the_empty_feed_says_so(client: Any) -> None:
    assert "Новостей пока нет" in client.get(reverse("news:index")).content.decode()


def test_the_feed_filters_by_organisation(client: Any, ngo: Organization) -> None:
    mine = NewsItemFactory.create(organization=ngo)
    NewsItemFactory.create()
    response = client.get(reverse("news:index"), {"organization": ngo.pk})
    assert _titles(response) == [mine.title]


def test_the_feed_filters_by_sphere(client: Any) -> None:
    sphere = SphereFactory.create(code="ecology", name="Охрана окружающей среды")
    green = OrganizationFactory.create(is_verified=True)
    green.spheres.add(sphere)
    mine = NewsItemFactory.create(organization=green)
    NewsItemFactory.create()
    assert _titles(client.get(reverse("news:index"), {"sphere": "ecology"})) == [mine.title]


def test_the_feed_filters_by_municipality(client: Any, settings: Any) -> None:
    place = MunicipalityFactory.create(name="Обнинск")
    settings.CLUSTER_REGION = place.region.code
    mine = NewsItemFactory.create(organization=OrganizationFactory.create(municipality=place))
    NewsItemFactory.create()
    assert _titles(client.get(reverse("news:index"), {"municipality": place.pk})) == [mine.title]


def test_the_feed_filters_by_month(client: Any) -> None:
    now = timezone.localtime()
    last_month = (now.replace(day=1) - dt.timedelta(days=1)).replace(hour=12)
    old = NewsItemFactory.create(published_at=last_month)
    NewsItemFactory.create(published_at=now)
    response = client.get(reverse("news:index"), {"month": f"{last_month:%Y-%m}"})
    assert _titles(response) == [old.title]


def test_the_search_finds_other_word_forms(client: Any) -> None:
    found = NewsItemFactory.create(title="Субботник на берегу Оки", body="Уборка берега.")
    NewsItemFactory.create(title="Концерт в доме культуры", body="Музыка.")
    assert _titles(client.get(reverse("news:index"), {"q": "субботники"})) == [found.title]


def test_the_search_needs_every_word_in_the_title_or_the_text(client: Any) -> None:
    both = NewsItemFactory.create(title="Субботник на берегу Оки", body="Волонтёры убрали мусор.")
    NewsItemFactory.create(title="Субботник в парке", body="Пришли жители района.")
    NewsItemFactory.create(title="Волонтёры в хосписе", body="Помощь пожилым.")
    response = client.get(reverse("news:index"), {"q": "субботник волонтёров"})
    assert _titles(response) == [both.title]


@pytest.mark.parametrize("candidates", [1000, 2])
def test_a_common_word_and_a_rare_one_give_the_same_order(
    client: Any, monkeypatch: Any, candidates: int
) -> None:
    """PostgreSQL picks its plan by how many items match (selectors._searched): both ways the page
    holds the matching items, newest first."""
    monkeypatch.setattr("nkohub.news.selectors.SEARCH_CANDIDATES", candidates)
    now = timezone.now()
    found = [
        NewsItemFactory.create(title=f"Субботник {n}", published_at=now - dt.timedelta(hours=n))
        for n in range(4)
    ]
    NewsItemFactory.create(title="Концерт", body="Музыка.")
    response = client.get(reverse("news:index"), {"q": "субботника"})
    assert _titles(response) == [item.title for item in found]


def test_a_search_of_stop_words_only_keeps_the_whole_feed(client: Any) -> None:
    items = NewsItemFactory.create_batch(2)
    response = client.get(reverse("news:index"), {"q": "и в на"})
    assert sorted(_titles(response)) == sorted(item.title for item in items)


def test_the_feed_pages_by_twelve(client: Any) -> None:
    NewsItemFactory.create_batch(13)
    response = client.get(reverse("news:index"), {"page": 2})
    assert len(response.context["page"].object_list) == 1


@pytest.mark.parametrize("count", [3, 12])
def test_the_feed_costs_the_same_queries_whatever_the_items(
    client: Any, count: int, django_assert_num_queries: Any
) -> None:
    for item in NewsItemFactory.create_batch(count):
        PickupFactory.create(news=item)
    client.get(reverse("news:index"))  # warm the per-process caches (vocabulary, sessions)
    with django_assert_num_queries(6):
        client.get(reverse("news:index"))


def test_an_items_page_carries_open_graph_tags(
    client: Any, owner: Any, verified_ngo: Organization
) -> None:
    item = services.news_create(
        actor=owner,
        organization=verified_ngo,
        title="Субботник на Оке",
        body="Сорок **волонтёров** убрали берег.",
        photos=[jpeg()],
    )
    html = client.get(item.get_absolute_url()).content.decode()
    expected = [
        '<meta property="og:type" content="article">',
        '<meta property="og:title" content="Субботник на Оке">',
        '<meta property="og:description" content="Сорок волонтёров убрали берег.">',
        f'<meta property="og:url" content="http://testserver/news/{item.pk}/">',
        '<meta property="og:image" content="http://testserver/media/news/photos/',
        '<meta name="twitter:card" content="summary_large_image">',
    ]
    assert [tag for tag in expected if tag not in html] == []


def test_an_items_page_shows_its_publications_in_media(client: Any) -> None:
    pickup = PickupFactory.create(
        status="published",
        publication_url="https://kaluga-news.example/oka",
        published_on=timezone.localdate(),
    )
    html = client.get(pickup.news.get_absolute_url()).content.decode()
    assert 'href="https://kaluga-news.example/oka"' in html


def test_the_rss_feed_parses_as_rss_2(client: Any) -> None:
    NewsItemFactory.create_batch(3)
    parsed = feedparser.parse(client.get(reverse("news:rss")).content)
    assert (parsed.version, len(parsed.entries), parsed.bozo) == ("rss20", 3, False)


def test_the_atom_feed_parses_as_atom(client: Any) -> None:
    item = NewsItemFactory.create(title="Субботник на Оке")
    parsed = feedparser.parse(client.get(reverse("news:atom")).content)
    assert (parsed.version, [e.title for e in parsed.entries], parsed.entries[0].link) == (
        "atom10",
        ["Субботник на Оке"],
        f"http://testserver{item.get_absolute_url()}",
    )


def test_an_organisations_feed_has_only_its_news(client: Any, ngo: Organization) -> None:
    mine = NewsItemFactory.create(organization=ngo)
    NewsItemFactory.create()
    parsed = feedparser.parse(client.get(reverse("news:org_rss", args=[ngo.pk])).content)
    assert [e.title for e in parsed.entries] == [mine.title]


def test_a_spheres_atom_feed_has_only_its_news(client: Any) -> None:
    sphere = SphereFactory.create(code="ecology", name="Охрана окружающей среды")
    green = OrganizationFactory.create(is_verified=True)
    green.spheres.add(sphere)
    mine = NewsItemFactory.create(organization=green)
    NewsItemFactory.create()
    parsed = feedparser.parse(client.get(reverse("news:sphere_atom", args=["ecology"])).content)
    assert (parsed.version, [e.title for e in parsed.entries]) == ("atom10", [mine.title])


def test_a_feed_leaves_out_waiting_news(client: Any) -> None:
    NewsItemFactory.create(status=NewsItem.Status.PENDING, published_at=None)
    parsed = feedparser.parse(client.get(reverse("news:rss")).content)
    assert parsed.entries == []


@pytest.mark.parametrize("count", [2, 10])
def test_a_feed_costs_the_same_queries_whatever_the_items(
    client: Any, count: int, django_assert_num_queries: Any, owner: Any, verified_ngo: Organization
) -> None:
    for _ in range(count):
        services.news_create(
            actor=owner, organization=verified_ngo, title="С фото", body="Т", photos=[jpeg()]
        )
    with django_assert_num_queries(3):  # the organisation, the items, their photos
        client.get(reverse("news:org_atom", args=[verified_ngo.pk]))


def test_the_feed_says_how_many_news_it_found(client: Any) -> None:
    NewsItemFactory.create_batch(3)
    assert "3 новости" in client.get(reverse("news:index")).content.decode()


def test_the_feed_counts_up_to_its_cap(client: Any, monkeypatch: Any) -> None:
    monkeypatch.setattr("nkohub.news.views.feed.FEED_COUNT_CAP", 2)
    NewsItemFactory.create_batch(3)
    assert "Больше 2 новостей" in client.get(reverse("news:index")).content.decode()
