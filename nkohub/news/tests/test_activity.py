"""Media activity by month, for the region and for an organisation: news published, taken into work,
publications in media (pick-ups published plus mentions), drawn as an SVG bar chart with its table."""

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from nkohub.news import charts, selectors
from nkohub.news.tests.factories import MentionFactory, NewsItemFactory, PickupFactory
from nkohub.organizations.models import Organization

pytestmark = pytest.mark.django_db


def _this_month(months: list[selectors.MonthActivity]) -> selectors.MonthActivity:
    return months[-1]


def test_the_region_counts_this_months_news_pickups_and_publications() -> None:
    item = NewsItemFactory.create()
    PickupFactory.create(news=item)
    PickupFactory.create(
        news=item,
        status="published",
        publication_url="https://kaluga-news.example/a",
        published_on=timezone.localdate(),
    )
    MentionFactory.create(published_on=timezone.localdate())
    month = _this_month(selectors.media_activity())
    assert (month.published, month.picked_up, month.in_media) == (1, 2, 2)


def test_an_organisation_counts_only_its_own(verified_ngo: Organization) -> None:
    NewsItemFactory.create(organization=verified_ngo)
    NewsItemFactory.create()
    MentionFactory.create(organization=verified_ngo, published_on=timezone.localdate())
    month = _this_month(selectors.media_activity(organization=verified_ngo))
    assert (month.published, month.in_media) == (1, 1)


def test_twelve_months_are_shown_the_current_last() -> None:
    today = dt.date(2026, 3, 15)
    months = selectors.media_activity(today=today)
    assert (len(months), months[0].month, months[-1].month) == (
        12,
        dt.date(2025, 4, 1),
        dt.date(2026, 3, 1),
    )


def test_a_mention_counts_in_its_own_month() -> None:
    today = timezone.localdate()
    last_month = today.replace(day=1) - dt.timedelta(days=1)
    MentionFactory.create(published_on=last_month)
    months = selectors.media_activity(today=today)
    assert (months[-2].in_media, months[-1].in_media) == (1, 0)


def test_the_chart_scales_the_tallest_bar_to_the_top_tick() -> None:
    months = [selectors.MonthActivity(month=dt.date(2026, m, 1)) for m in range(1, 13)]
    months[-1].published = 7
    chart = charts.bar_chart(months)
    tallest = chart.groups[-1].bars[0]
    assert (chart.ticks[-1].value, tallest.height < charts.HEIGHT) == (8, True)


def test_the_page_draws_the_chart_and_the_table(client: Any) -> None:
    NewsItemFactory.create()
    html = client.get(reverse("news:activity")).content.decode()
    assert ("<svg viewBox=" in html, "<table>" in html) == (True, True)


def test_an_organisations_page_lists_its_mentions(client: Any, verified_ngo: Organization) -> None:
    mention = MentionFactory.create(organization=verified_ngo, url="https://nikatv.example/oka")
    html = client.get(reverse("news:org_activity", args=[verified_ngo.pk])).content.decode()
    assert f'href="{mention.url}"' in html


@pytest.mark.parametrize("count", [2, 10])
def test_the_page_costs_the_same_queries_whatever_the_data(
    client: Any, count: int, django_assert_num_queries: Any
) -> None:
    for item in NewsItemFactory.create_batch(count):
        PickupFactory.create(news=item)
        MentionFactory.create()
    client.get(reverse("news:activity"))
    with django_assert_num_queries(4):
        client.get(reverse("news:activity"))
