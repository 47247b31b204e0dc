"""A media outlet's desk: new news, «take into work» once per outlet (several outlets may each take an
item), «mark published» with a validated link and date; the NGO is told and its page shows the pick-up."""

import datetime as dt
from typing import Any

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from nkohub.core.errors import DomainError
from nkohub.news import services
from nkohub.news.models import NewsItem, Pickup
from nkohub.news.sections import news_section
from nkohub.news.tests.factories import NewsItemFactory, PickupFactory, journalist, media_outlet
from nkohub.notifications.models import Notification
from nkohub.organizations.models import Organization

pytestmark = pytest.mark.django_db


@pytest.fixture
def item(verified_ngo: Organization, owner: Any) -> NewsItem:
    return NewsItemFactory.create(organization=verified_ngo, author=owner, title="Субботник на Оке")


def _take(client: Any, item: NewsItem, outlet: Organization) -> Any:
    return client.post(reverse("news:take", args=[item.pk, outlet.pk]))


def test_the_desk_shows_new_news(client: Any, reporter: Any, item: NewsItem) -> None:
    client.force_login(reporter)
    response = client.get(reverse("news:desk"))
    assert [i.title for i in response.context["page"].object_list] == [item.title]


def test_the_desk_is_for_media_members_only(client: Any, owner: Any) -> None:
    client.force_login(owner)
    assert client.get(reverse("news:desk")).status_code == 403


def test_a_journalist_takes_an_item_into_work(
    client: Any, reporter: Any, outlet: Organization, item: NewsItem
) -> None:
    client.force_login(reporter)
    _take(client, item, outlet)
    assert Pickup.objects.get().status == Pickup.Status.IN_WORK


def test_the_ngo_is_told_its_news_is_taken(
    client: Any, reporter: Any, outlet: Organization, item: NewsItem, owner: Any
) -> None:
    client.force_login(reporter)
    _take(client, item, outlet)
    assert Notification.objects.filter(recipient=owner, kind="news.pickup.taken").exists()


def test_an_outlet_takes_an_item_once(
    client: Any, reporter: Any, outlet: Organization, item: NewsItem
) -> None:
    client.force_login(reporter)
    _take(client, item, outlet)
    assert _take(client, item, outlet).status_code == 403


def test_a_second_take_by_the_same_outlet_is_refused_by_the_service(
    reporter: Any, outlet: Organization, item: NewsItem
) -> None:
    services.pickup_take(actor=reporter, item=item, outlet=outlet)
    with pytest.raises(DomainError):
        services.pickup_take(actor=reporter, item=item, outlet=outlet)


def test_the_database_keeps_one_pickup_per_outlet(outlet: Organization, item: NewsItem) -> None:
    Pickup.objects.create(news=item, outlet=outlet)
    with pytest.raises(IntegrityError), transaction.atomic():
        Pickup.objects.create(news=item, outlet=outlet)


def test_several_outlets_each_take_the_same_item(
    reporter: Any, outlet: Organization, item: NewsItem
) -> None:
    other = media_outlet("«Весть»")
    services.pickup_take(actor=reporter, item=item, outlet=outlet)
    services.pickup_take(actor=journalist(other, "ivan@example.org"), item=item, outlet=other)
    assert item.pickups.count() == 2


def test_a_member_of_another_outlet_may_not_take_for_this_one(
    client: Any, outlet: Organization, item: NewsItem
) -> None:
    stranger = journalist(media_outlet("«Весть»"), "ivan@example.org")
    client.force_login(stranger)
    assert _take(client, item, outlet).status_code == 404


def test_an_ngo_member_may_not_take_news(
    client: Any, owner: Any, outlet: Organization, item: NewsItem
) -> None:
    client.force_login(owner)
    assert _take(client, item, outlet).status_code == 404


def test_a_waiting_item_cannot_be_taken(
    reporter: Any, outlet: Organization, ngo: Organization
) -> None:
    waiting = NewsItemFactory.create(
        organization=ngo, status=NewsItem.Status.PENDING, published_at=None
    )
    with pytest.raises(DomainError):
        services.pickup_take(actor=reporter, item=waiting, outlet=outlet)


def _mark(client: Any, pickup: Pickup, **data: Any) -> Any:
    payload = {
        "publication_url": "https://kaluga-news.example/2026/oka",
        "published_on": timezone.localdate().isoformat(),
        **data,
    }
    return client.post(reverse("news:mark_published", args=[pickup.pk]), payload)


def test_a_journalist_marks_the_item_published(
    client: Any, reporter: Any, outlet: Organization, item: NewsItem
) -> None:
    pickup = services.pickup_take(actor=reporter, item=item, outlet=outlet)
    client.force_login(reporter)
    _mark(client, pickup)
    pickup.refresh_from_db()
    assert (pickup.status, pickup.publication_url) == (
        Pickup.Status.PUBLISHED,
        "https://kaluga-news.example/2026/oka",
    )


def test_the_ngo_is_told_its_news_is_published(
    reporter: Any, outlet: Organization, item: NewsItem, owner: Any
) -> None:
    pickup = services.pickup_take(actor=reporter, item=item, outlet=outlet)
    services.pickup_mark_published(
        actor=reporter,
        pickup=pickup,
        publication_url="https://kaluga-news.example/oka",
        published_on=timezone.localdate(),
    )
    assert Notification.objects.filter(recipient=owner, kind="news.pickup.published").exists()


def test_a_link_that_is_not_a_web_address_is_refused(
    client: Any, reporter: Any, outlet: Organization, item: NewsItem
) -> None:
    pickup = services.pickup_take(actor=reporter, item=item, outlet=outlet)
    client.force_login(reporter)
    response = _mark(client, pickup, publication_url="javascript:alert(1)")
    assert response.status_code == 400


def test_a_date_in_the_future_is_refused(
    reporter: Any, outlet: Organization, item: NewsItem
) -> None:
    pickup = services.pickup_take(actor=reporter, item=item, outlet=outlet)
    with pytest.raises(DomainError):
        services.pickup_mark_published(
            actor=reporter,
            pickup=pickup,
            publication_url="https://kaluga-news.example/oka",
            published_on=timezone.localdate() + dt.timedelta(days=2),
        )


def test_a_member_of_another_outlet_may_not_mark_it_published(
    client: Any, reporter: Any, outlet: Organization, item: NewsItem
) -> None:
    pickup = services.pickup_take(actor=reporter, item=item, outlet=outlet)
    client.force_login(journalist(media_outlet("«Весть»"), "ivan@example.org"))
    assert _mark(client, pickup).status_code == 404


def test_the_ngos_page_shows_the_pickup(
    client: Any, reporter: Any, outlet: Organization, item: NewsItem
) -> None:
    pickup = services.pickup_take(actor=reporter, item=item, outlet=outlet)
    services.pickup_mark_published(
        actor=reporter,
        pickup=pickup,
        publication_url="https://kaluga-news.example/oka",
        published_on=timezone.localdate(),
    )
    html = client.get(reverse("organizations:detail", args=[item.organization_id])).content.decode()
    assert 'href="https://kaluga-news.example/oka"' in html


@pytest.mark.parametrize("count", [2, 8])
def test_the_desk_costs_the_same_queries_whatever_the_items(
    client: Any, reporter: Any, outlet: Organization, count: int, django_assert_num_queries: Any
) -> None:
    for news in NewsItemFactory.create_batch(count):
        PickupFactory.create(news=news, outlet=outlet)
    NewsItemFactory.create_batch(count)
    client.force_login(reporter)
    client.get(reverse("news:desk"))
    with django_assert_num_queries(9):
        client.get(reverse("news:desk"))


@pytest.mark.parametrize("count", [2, 8])
def test_the_profile_section_costs_the_same_queries(
    verified_ngo: Organization, outsider: Any, count: int, django_assert_num_queries: Any
) -> None:
    for news in NewsItemFactory.create_batch(count, organization=verified_ngo):
        PickupFactory.create(news=news)
    with django_assert_num_queries(6):  # items, photos, publications, pick-ups, mentions, roles
        news_section(verified_ngo, outsider)


def test_the_cabinet_leads_a_journalist_to_the_desk(client: Any, reporter: Any) -> None:
    client.force_login(reporter)
    html = client.get(reverse("core:cabinet")).content.decode()
    assert f'href="{reverse("news:desk")}?outlet=' in html


def test_news_older_than_two_months_is_not_new_on_the_desk(client: Any, reporter: Any) -> None:
    NewsItemFactory.create(published_at=timezone.now() - dt.timedelta(days=61))
    client.force_login(reporter)
    assert list(client.get(reverse("news:desk")).context["page"].object_list) == []
