"""Dates out of any sane range are form errors and default weeks, never a server error (issue 13, item 17)."""

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from nkohub.resources.models import Booking

pytestmark = pytest.mark.django_db


def test_a_booking_on_9999_12_31_is_refused_with_a_message(
    client: Client, offer: Any, requester: Any, requester_org: Any
) -> None:
    client.force_login(requester)
    response = client.post(
        reverse("resources:offer_book", args=[offer.pk]),
        {
            "organization": requester_org.pk,
            "date": "9999-12-31",
            "start_time": "10:00",
            "end_time": "12:00",
            "message": "",
        },
    )
    assert response.status_code == 200
    assert "Укажите дату не позднее 31.12.2100." in response.content.decode()
    assert 'value="9999-12-31"' in response.content.decode()  # what was typed is kept
    assert not Booking.objects.exists()


@pytest.mark.parametrize("week", ["9999-12-31", "0001-01-01", "2026-02-30", "завтра"])
def test_a_calendar_week_out_of_range_shows_the_current_week(
    client: Client, offer: Any, week: str
) -> None:
    response = client.get(reverse("resources:offer_calendar", args=[offer.pk]), {"week": week})
    assert response.status_code == 200
    assert '<li class="calendar-day calendar-today">' in response.content.decode()
