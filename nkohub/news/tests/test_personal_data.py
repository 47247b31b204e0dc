"""What news holds about a person goes into «download my data», and «delete my account» takes the
person's name off the organisation's news and pick-ups (the news itself stays: it is the organisation's)."""

from typing import Any

import pytest

from nkohub.news.models import NewsItem, Pickup
from nkohub.news.personal_data import erase, export
from nkohub.news.tests.factories import NewsItemFactory, PickupFactory

pytestmark = pytest.mark.django_db


def test_the_export_lists_the_news_a_person_wrote(owner: Any) -> None:
    NewsItemFactory.create(author=owner, title="Субботник на Оке")
    assert [row["title"] for row in export(owner)["news_written"]] == ["Субботник на Оке"]


def test_erasing_keeps_the_news_without_its_author(owner: Any) -> None:
    item = NewsItemFactory.create(author=owner)
    erase(owner)
    assert NewsItem.objects.get(pk=item.pk).author is None


def test_erasing_takes_the_journalist_off_a_pickup(reporter: Any) -> None:
    pickup = PickupFactory.create(taken_by=reporter)
    erase(reporter)
    assert Pickup.objects.get(pk=pickup.pk).taken_by is None
