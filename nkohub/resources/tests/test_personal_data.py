import pytest

from nkohub.resources import personal_data
from nkohub.resources.models import Booking, ResourceOffer, Review
from nkohub.resources.tests.factories import BookingFactory, OfferFactory, slot

pytestmark = pytest.mark.django_db


def test_export_lists_private_offers_bookings_and_reviews(
    offer, outsider, requester, requester_org
):
    OfferFactory.create(
        organization=None, created_by=outsider, title="Коробки для переезда", category="materials"
    )
    booking = BookingFactory.create(
        offer=offer, organization=requester_org, requested_by=requester, message="Нас 20"
    )
    Review.objects.create(
        booking=booking, side=Review.Side.REQUESTER, author=requester, rating=5, text="Спасибо"
    )
    assert [o["title"] for o in personal_data.export(outsider)["private_offers"]] == [
        "Коробки для переезда"
    ]
    exported = personal_data.export(requester)
    assert exported["bookings_made"][0]["message"] == "Нас 20"
    assert exported["reviews"][0]["text"] == "Спасибо"


def test_erase_removes_private_offers_and_anonymises_the_rest(
    offer, outsider, requester, requester_org
):
    OfferFactory.create(organization=None, created_by=requester, category="materials")
    start, end = slot(days=-3)
    booking = BookingFactory.create(
        offer=offer,
        organization=requester_org,
        requested_by=requester,
        message="Телефон 8-900",
        starts_at=start,
        ends_at=end,
    )
    Review.objects.create(
        booking=booking, side=Review.Side.REQUESTER, author=requester, rating=4, text="Хорошо"
    )
    summary = personal_data.erase(requester)
    assert summary["private_offers_deleted"] == 1
    assert not ResourceOffer.objects.filter(
        created_by=requester, organization__isnull=True
    ).exists()
    assert Booking.objects.get(pk=booking.pk).message == ""
    assert Review.objects.get().author is None
    assert ResourceOffer.objects.filter(pk=offer.pk).exists()  # the organisation's offer stays
