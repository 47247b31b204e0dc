"""Pages of bookings: the calendar of an offer, booking a slot, confirming, cancelling, reviews."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from nkohub.resources.models import Booking, Review
from nkohub.resources.tests.factories import (
    BookingFactory,
    slot,
)

pytestmark = pytest.mark.django_db


def test_the_calendar_shows_taken_slots(client, offer, requester_org):
    start, end = slot(days=1, hour=11)
    BookingFactory.create(
        offer=offer, organization=requester_org, starts_at=start, ends_at=end, status="confirmed"
    )
    response = client.get(
        reverse("resources:offer_calendar", args=[offer.pk]), {"week": start.date().isoformat()}
    )
    assert response.status_code == 200
    assert "11:00–13:00" in response.text


# --- bookings --------------------------------------------------------------------------------
def _booking_data(organization, days=3):
    day = timezone.localdate() + dt.timedelta(days=days)
    return {
        "organization": organization.pk,
        "date": day.isoformat(),
        "start_time": "10:00",
        "end_time": "12:00",
    }


def test_a_requester_books_a_slot(client, offer, requester, requester_org):
    client.force_login(requester)
    response = client.post(
        reverse("resources:offer_book", args=[offer.pk]), _booking_data(requester_org)
    )
    booking = Booking.objects.get()
    assert response["Location"] == booking.get_absolute_url()
    assert booking.organization == requester_org
    assert booking.status == "pending"


def test_a_taken_slot_is_explained_next_to_the_form(client, offer, requester, requester_org):
    client.force_login(requester)
    client.post(reverse("resources:offer_book", args=[offer.pk]), _booking_data(requester_org))
    response = client.post(
        reverse("resources:offer_book", args=[offer.pk]), _booking_data(requester_org)
    )
    assert response.status_code == 200
    assert "уже занято" in response.text
    assert Booking.objects.count() == 1


def test_the_owner_cannot_book_their_own_offer(client, offer, owner):
    client.force_login(owner)
    assert client.get(reverse("resources:offer_book", args=[offer.pk])).status_code == 403


def test_one_cannot_book_for_an_organisation_one_does_not_act_for(
    client, offer, requester, other_ngo
):
    client.force_login(requester)
    response = client.post(
        reverse("resources:offer_book", args=[offer.pk]), _booking_data(other_ngo)
    )
    assert response.status_code == 200
    assert response.context["form"].errors == {
        "organization": [
            "Выберите корректный вариант. Вашего варианта нет среди допустимых значений."
        ]
    }
    assert other_ngo.display_name not in response.text
    assert not Booking.objects.exists()


def test_an_outsider_does_not_see_a_booking(client, booking, outsider):
    client.force_login(outsider)
    assert client.get(booking.get_absolute_url()).status_code == 404
    assert client.post(reverse("resources:booking_confirm", args=[booking.pk])).status_code == 404
    assert (
        client.post(
            reverse("resources:booking_cancel", args=[booking.pk]), {"reason": "x"}
        ).status_code
        == 404
    )


def test_the_requester_cannot_confirm_their_own_booking(client, booking, requester):
    client.force_login(requester)
    assert client.post(reverse("resources:booking_confirm", args=[booking.pk])).status_code == 403
    booking.refresh_from_db()
    assert booking.status == "pending"


def test_the_owner_confirms_and_the_requester_cancels_with_a_reason(
    client, booking, owner, requester
):
    client.force_login(owner)
    client.post(reverse("resources:booking_confirm", args=[booking.pk]), {"note": "Ключ у охраны"})
    booking.refresh_from_db()
    assert booking.status == "confirmed"
    assert booking.decision_note == "Ключ у охраны"
    client.force_login(requester)
    response = client.post(reverse("resources:booking_cancel", args=[booking.pk]), {"reason": ""})
    assert response.status_code == 400
    client.post(
        reverse("resources:booking_cancel", args=[booking.pk]), {"reason": "Заболел ведущий"}
    )
    booking.refresh_from_db()
    assert booking.status == "cancelled"
    assert booking.cancel_reason == "Заболел ведущий"


def test_reviews_only_after_the_slot_and_only_by_the_sides(client, booking, requester, outsider):
    client.force_login(requester)
    assert (
        client.post(
            reverse("resources:booking_review", args=[booking.pk]), {"rating": 5, "text": "Рано"}
        ).status_code
        == 403
    )
    start, end = slot(days=-1)
    Booking.objects.filter(pk=booking.pk).update(starts_at=start, ends_at=end, status="confirmed")
    client.force_login(outsider)
    assert (
        client.post(
            reverse("resources:booking_review", args=[booking.pk]), {"rating": 5, "text": "Я"}
        ).status_code
        == 404
    )
    client.force_login(requester)
    client.post(
        reverse("resources:booking_review", args=[booking.pk]), {"rating": 5, "text": "Всё отлично"}
    )
    assert Review.objects.get().side == Review.Side.REQUESTER


# --- requests --------------------------------------------------------------------------------
