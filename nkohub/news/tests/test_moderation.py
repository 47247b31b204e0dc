"""The operator publishes or rejects a waiting item and hides a published one, with a reason; the
author and the organisation's editors are told."""

from typing import Any

import pytest
from django.urls import reverse

from nkohub.core.errors import DomainError
from nkohub.news import services
from nkohub.news.models import NewsItem
from nkohub.news.tests.factories import NewsItemFactory
from nkohub.notifications.models import Notification
from nkohub.organizations.models import Organization

pytestmark = pytest.mark.django_db


@pytest.fixture
def waiting(ngo: Organization, owner: Any) -> NewsItem:
    return NewsItemFactory.create(
        organization=ngo, author=owner, status=NewsItem.Status.PENDING, published_at=None
    )


def test_the_operator_publishes_a_waiting_item(
    client: Any, operator: Any, waiting: NewsItem
) -> None:
    client.force_login(operator)
    client.post(reverse("news:moderate", args=[waiting.pk]), {"status": "published"})
    waiting.refresh_from_db()
    assert waiting.status == NewsItem.Status.PUBLISHED


def test_the_author_is_told_the_item_is_published(
    operator: Any, waiting: NewsItem, owner: Any
) -> None:
    services.news_moderate(actor=operator, item=waiting, status="published")
    assert Notification.objects.filter(recipient=owner, kind="news.item.published").exists()


def test_a_rejection_needs_a_reason(operator: Any, waiting: NewsItem) -> None:
    with pytest.raises(DomainError):
        services.news_moderate(actor=operator, item=waiting, status="rejected", reason=" ")


def test_the_author_is_told_why_an_item_is_hidden(
    operator: Any, owner: Any, verified_ngo: Organization
) -> None:
    item = NewsItemFactory.create(organization=verified_ngo, author=owner)
    services.news_moderate(actor=operator, item=item, status="hidden", reason="Реклама")
    note = Notification.objects.get(recipient=owner, kind="news.item.hidden")
    assert note.body == "Реклама"


def test_a_hidden_item_leaves_the_feed(
    client: Any, operator: Any, verified_ngo: Organization
) -> None:
    item = NewsItemFactory.create(organization=verified_ngo, title="Скрытая новость")
    services.news_moderate(actor=operator, item=item, status="hidden", reason="Дубль")
    assert "Скрытая новость" not in client.get(reverse("news:index")).content.decode()


def test_a_waiting_item_cannot_be_hidden(operator: Any, waiting: NewsItem) -> None:
    with pytest.raises(DomainError):
        services.news_moderate(actor=operator, item=waiting, status="hidden", reason="Нет")


def test_an_editor_may_not_moderate(client: Any, owner: Any, waiting: NewsItem) -> None:
    client.force_login(owner)
    response = client.post(reverse("news:moderate", args=[waiting.pk]), {"status": "published"})
    assert response.status_code == 404


def test_the_queue_is_the_operators_only(client: Any, owner: Any) -> None:
    client.force_login(owner)
    assert client.get(reverse("news:moderation")).status_code == 404


def test_the_queue_shows_waiting_items(client: Any, operator: Any, waiting: NewsItem) -> None:
    client.force_login(operator)
    assert waiting.title in client.get(reverse("news:moderation")).content.decode()
