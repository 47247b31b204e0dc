import datetime as dt
from typing import Any

import pytest
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from nkohub.core.errors import DomainError
from nkohub.core.tests.concurrency import Outcomes, race
from nkohub.notifications.models import Notification
from nkohub.resources import services
from nkohub.resources.models import AvailabilityException, Booking, Review
from nkohub.resources.services import BookingConflict
from nkohub.resources.tests.factories import BookingFactory, OfferFactory, slot

pytestmark = pytest.mark.django_db


def book(
    offer: Any, requester: Any, organization: Any, start: dt.datetime, end: dt.datetime
) -> Booking:
    return services.booking_create(
        actor=requester, offer=offer, organization=organization, starts_at=start, ends_at=end
    )


def test_a_booking_within_availability_is_pending_and_tells_the_owner(
    offer, owner, requester, requester_org
):
    booking = book(offer, requester, requester_org, *slot())
    assert booking.status == Booking.Status.PENDING
    note = Notification.objects.get(recipient=owner)
    assert note.kind == "resources.booking.requested"
    assert "Калужский край" in note.title


def test_a_slot_outside_the_weekly_schedule_is_refused(offer, requester, requester_org):
    with pytest.raises(DomainError, match=r"только в пределах 08:00–22:00"):
        book(
            offer, requester, requester_org, *slot(hour=21, hours=2)
        )  # ends 23:00, schedule ends 22:00


def test_a_closed_exception_day_is_refused(offer, requester, requester_org):
    start, end = slot(days=4)
    AvailabilityException.objects.create(
        offer=offer, date=timezone.localdate(start), is_closed=True
    )
    with pytest.raises(DomainError):
        book(offer, requester, requester_org, start, end)


def test_an_exception_with_special_hours_replaces_the_schedule(offer, requester, requester_org):
    start, _end = slot(days=5, hour=12, hours=1)
    AvailabilityException.objects.create(
        offer=offer,
        date=timezone.localdate(start),
        is_closed=False,
        start_time=dt.time(12),
        end_time=dt.time(14),
    )
    assert book(offer, requester, requester_org, start, start + dt.timedelta(hours=2)).pk
    with pytest.raises(DomainError):
        book(
            offer,
            requester,
            requester_org,
            start - dt.timedelta(hours=2),
            start - dt.timedelta(hours=1),
        )


def test_a_past_slot_is_refused(offer, requester, requester_org):
    with pytest.raises(DomainError):
        book(offer, requester, requester_org, *slot(days=-1))


def test_overlapping_slot_is_refused_but_adjacent_one_is_fine(offer, requester, requester_org):
    start, end = slot(hour=10, hours=2)
    book(offer, requester, requester_org, start, end)
    with pytest.raises(BookingConflict, match=r"занято|taken"):
        book(
            offer,
            requester,
            requester_org,
            start + dt.timedelta(hours=1),
            end + dt.timedelta(hours=1),
        )
    assert book(offer, requester, requester_org, end, end + dt.timedelta(hours=1)).pk


def test_a_declined_or_cancelled_booking_frees_the_slot(offer, owner, requester, requester_org):
    start, end = slot()
    first = book(offer, requester, requester_org, start, end)
    services.booking_decline(actor=owner, booking=first, note="Зал на ремонте")
    second = book(offer, requester, requester_org, start, end)
    services.booking_cancel(actor=requester, booking=second, reason="Мероприятие перенесли")
    assert book(offer, requester, requester_org, start, end).status == Booking.Status.PENDING


def test_non_bookable_offers_cannot_be_booked(ngo, owner, requester, requester_org):
    materials = OfferFactory.create(organization=ngo, created_by=owner, category="materials")
    with pytest.raises(DomainError):
        book(materials, requester, requester_org, *slot())


def test_confirm_tells_the_requester_and_marks_the_request_matched(
    offer, owner, requester, requester_org
):
    from nkohub.resources.tests.factories import RequestFactory

    need = RequestFactory.create(organization=requester_org, created_by=requester)
    booking = services.booking_create(
        actor=requester,
        offer=offer,
        organization=requester_org,
        starts_at=slot()[0],
        ends_at=slot()[1],
        resource_request=need,
    )
    services.booking_confirm(actor=owner, booking=booking)
    booking.refresh_from_db()
    need.refresh_from_db()
    assert booking.status == Booking.Status.CONFIRMED
    assert need.status == "matched"
    assert (
        Notification.objects.filter(recipient=requester, kind="resources.booking.confirmed").count()
        == 1
    )


def test_confirming_twice_is_refused(offer, owner, requester, requester_org):
    booking = book(offer, requester, requester_org, *slot())
    services.booking_confirm(actor=owner, booking=booking)
    with pytest.raises(DomainError):
        services.booking_confirm(actor=owner, booking=booking)


def test_cancel_needs_a_reason_and_tells_the_other_side(offer, owner, requester, requester_org):
    booking = book(offer, requester, requester_org, *slot())
    with pytest.raises(DomainError):
        services.booking_cancel(actor=owner, booking=booking, reason="  ")
    services.booking_cancel(actor=owner, booking=booking, reason="Отключили отопление")
    note = Notification.objects.get(recipient=requester, kind="resources.booking.cancelled")
    assert "Отключили отопление" in note.body


def test_each_side_reviews_once_after_the_slot(offer, owner, requester, requester_org):
    start, end = slot(days=-2)
    booking = BookingFactory.create(
        offer=offer,
        organization=requester_org,
        requested_by=requester,
        starts_at=start,
        ends_at=end,
        status=Booking.Status.CONFIRMED,
    )
    services.review_create(
        actor=requester, booking=booking, side=Review.Side.REQUESTER, rating=5, text_="Спасибо!"
    )
    services.review_create(
        actor=owner, booking=booking, side=Review.Side.OWNER, rating=4, text_="Хорошие гости"
    )
    with pytest.raises(DomainError):
        services.review_create(
            actor=requester, booking=booking, side=Review.Side.REQUESTER, rating=1, text_="Ещё раз"
        )
    assert Notification.objects.filter(recipient=owner, kind="resources.review.created").exists()


def test_a_review_before_the_slot_is_refused(offer, requester, requester_org):
    booking = BookingFactory.create(
        offer=offer, organization=requester_org, requested_by=requester, status="confirmed"
    )
    with pytest.raises(DomainError):
        services.review_create(
            actor=requester, booking=booking, side=Review.Side.REQUESTER, rating=5, text_="Рано"
        )


@pytest.mark.skipif("connection.vendor != 'postgresql'")
def test_postgres_exclusion_constraint_refuses_overlap_written_past_the_service(
    offer, requester, requester_org
):
    start, end = slot()
    BookingFactory.create(offer=offer, organization=requester_org, starts_at=start, ends_at=end)
    with pytest.raises(IntegrityError, match="resources_booking_no_overlap"), transaction.atomic():
        BookingFactory.create(
            offer=offer,
            organization=requester_org,
            starts_at=start + dt.timedelta(minutes=30),
            ends_at=end,
        )
    # Declined bookings do not hold the slot, so the constraint lets them be.
    BookingFactory.create(
        offer=offer, organization=requester_org, starts_at=start, ends_at=end, status="declined"
    )


# --- concurrency: real threads against the real database ------------------------------------
def _race(
    offer: Any, requester: Any, organization: Any, slots: list[tuple[dt.datetime, dt.datetime]]
) -> Outcomes:
    """Every slot booked at the same moment from its own thread (see nkohub/core/tests/concurrency.py)."""
    return race(len(slots), lambda i: book(offer, requester, organization, *slots[i]).pk)


def _require_shared_database() -> None:
    name = str(connection.settings_dict["NAME"])
    if connection.vendor == "sqlite" and ("memory" in name or name == ""):
        pytest.fail(
            "the concurrency tests need a file SQLite database (see nkohub/resources/tests/conftest.py)"
        )


@pytest.mark.django_db(transaction=True)
def test_twenty_concurrent_bookings_of_the_same_slot_exactly_one_wins(
    offer, requester, requester_org
):
    _require_shared_database()
    start, end = slot(days=6, hour=10, hours=2)
    outcomes = _race(offer, requester, requester_org, [(start, end)] * 20)
    assert outcomes.unexpected(BookingConflict) == {}, outcomes.report()
    assert len(outcomes.results) == 1, f"exactly one booking must win\n{outcomes.report()}"
    assert len(outcomes.of_type(BookingConflict)) == 19, outcomes.report()
    holding = Booking.objects.filter(offer=offer, status__in=Booking.HOLDING_STATUSES).count()
    assert holding == 1, f"{holding} bookings hold the slot in the database"


@pytest.mark.django_db(transaction=True)
def test_twenty_concurrent_overlapping_but_different_slots_exactly_one_wins(
    offer, requester, requester_org
):
    _require_shared_database()
    base, _end = slot(days=6, hour=9, hours=1)
    # Starts 10 minutes apart, 4 hours long: every pair overlaps, no two are identical.
    slots = [
        (base + dt.timedelta(minutes=10 * i), base + dt.timedelta(minutes=10 * i, hours=4))
        for i in range(20)
    ]
    outcomes = _race(offer, requester, requester_org, slots)
    assert outcomes.unexpected(BookingConflict) == {}, outcomes.report()
    assert len(outcomes.results) == 1, f"exactly one booking must win\n{outcomes.report()}"
    assert len(outcomes.of_type(BookingConflict)) == 19, outcomes.report()


@pytest.mark.django_db(transaction=True)
def test_concurrent_non_overlapping_slots_all_win(offer, requester, requester_org):
    _require_shared_database()
    base, _end = slot(days=6, hour=8, hours=1)
    slots = [
        (base + dt.timedelta(minutes=30 * i), base + dt.timedelta(minutes=30 * (i + 1)))
        for i in range(10)
    ]
    outcomes = _race(offer, requester, requester_org, slots)
    assert outcomes.raised == {}, outcomes.report()
    assert len(outcomes.results) == 10, outcomes.report()


@pytest.mark.skipif("connection.vendor != 'postgresql'")
@pytest.mark.django_db(transaction=True)
def test_on_postgresql_writers_of_one_offer_take_turns_so_they_cannot_deadlock(
    offer, requester, requester_org
):
    """The exclusion constraint alone lets two concurrent inserts wait for each other ("deadlock
    detected"); a booking waits for another writer of the same offer to finish instead."""
    import threading
    import time

    from django.db import connections

    held, release, booked = threading.Event(), threading.Event(), threading.Event()

    def hold_the_offer() -> None:
        try:
            with transaction.atomic():
                services._queue_writers_of(offer.pk)
                held.set()
                release.wait(timeout=60)
        finally:
            connections.close_all()

    def book_it() -> None:
        try:
            book(offer, requester, requester_org, *slot(days=6, hour=10, hours=2))
            booked.set()
        finally:
            connections.close_all()

    holder = threading.Thread(target=hold_the_offer)
    holder.start()
    assert held.wait(timeout=60)
    booker = threading.Thread(target=book_it)
    booker.start()
    time.sleep(1.0)
    assert not booked.is_set(), "the booking did not wait for the other writer of the offer"
    release.set()
    holder.join(timeout=60)
    booker.join(timeout=60)
    assert booked.is_set(), "the booking never went through after the other writer finished"
