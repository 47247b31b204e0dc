"""Slots: an expert's never overlap (the shared interval rule), one of two bookings wins, rights."""

import datetime as dt
from typing import Any

import pytest
from django.db import IntegrityError, connection, transaction
from django.urls import reverse
from django.utils import timezone

from nkohub.consultations import services
from nkohub.consultations.models import Slot
from nkohub.consultations.services import SlotConflict
from nkohub.consultations.tests.factories import SlotFactory
from nkohub.core.errors import DomainError
from nkohub.core.tests.concurrency import race
from nkohub.organizations.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def _at(days: int = 3, hour: int = 10) -> dt.datetime:
    day = timezone.localdate() + dt.timedelta(days=days)
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def _create(expert: Any, start: dt.datetime, hours: float = 1) -> Slot:
    return services.slot_create(
        actor=expert.user,
        expert=expert,
        starts_at=start,
        ends_at=start + dt.timedelta(hours=hours),
        place="Калуга, ресурсный центр",
    )


def test_an_overlapping_slot_is_refused_but_an_adjacent_one_is_fine(expert: Any) -> None:
    _create(expert, _at(hour=10))
    _create(expert, _at(hour=11))
    with pytest.raises(SlotConflict):
        _create(expert, _at(hour=10) + dt.timedelta(minutes=30))


def test_a_withdrawn_slot_frees_its_time(expert: Any) -> None:
    slot = _create(expert, _at(hour=10))
    services.slot_withdraw(actor=expert.user, slot=slot)
    assert _create(expert, _at(hour=10)).status == Slot.Status.OPEN


def test_only_experts_publish_slots(client: Any, member: Any) -> None:
    client.force_login(member)
    assert client.get(reverse("consultations:slot_create")).status_code == 404


@pytest.mark.skipif(connection.vendor != "postgresql", reason="an exclusion constraint: PostgreSQL")
def test_postgres_refuses_an_overlap_written_past_the_service(expert: Any) -> None:
    SlotFactory.create(expert=expert, starts_at=_at(hour=10), ends_at=_at(hour=12))
    with pytest.raises(IntegrityError, match="consultations_slot_no_overlap"), transaction.atomic():
        SlotFactory.create(expert=expert, starts_at=_at(hour=11), ends_at=_at(hour=13))


def test_a_member_books_a_slot_and_booking_again_changes_nothing(
    client: Any, member: Any, ngo: Any, expert: Any
) -> None:
    slot = _create(expert, _at())
    client.force_login(member)
    client.post(reverse("consultations:book", args=[slot.pk]), {"organization": ngo.pk})
    first = Slot.objects.get(pk=slot.pk).booked_at
    client.post(reverse("consultations:book", args=[slot.pk]), {"organization": ngo.pk})
    assert Slot.objects.get(pk=slot.pk).booked_at == first


def test_booking_for_an_organisation_one_is_not_in_is_refused(
    client: Any, outsider: Any, ngo: Any, expert: Any
) -> None:
    slot = _create(expert, _at())
    client.force_login(outsider)
    client.post(reverse("consultations:book", args=[slot.pk]), {"organization": ngo.pk})
    assert Slot.objects.get(pk=slot.pk).status == Slot.Status.OPEN


def test_someone_else_cannot_cancel_a_booking(
    client: Any, member: Any, ngo: Any, outsider: Any, expert: Any
) -> None:
    slot = services.slot_book(actor=member, slot=_create(expert, _at()), organization=ngo)
    client.force_login(outsider)
    assert client.post(reverse("consultations:cancel_booking", args=[slot.pk])).status_code == 404


@pytest.mark.django_db(transaction=True)
def test_two_people_booking_one_slot_at_once_one_wins(expert: Any, ngo: Any) -> None:
    slot = _create(expert, _at())
    people = [MembershipFactory.create(organization=ngo).user for _ in range(6)]
    outcomes = race(
        len(people),
        lambda i: services.slot_book(actor=people[i], slot=slot, organization=ngo).booked_by_id,
    )
    assert outcomes.unexpected(DomainError) == {}, outcomes.report()
    assert len(outcomes.results) == 1, outcomes.report()


@pytest.mark.django_db(transaction=True)
def test_concurrent_overlapping_slots_of_one_expert_one_wins(expert: Any) -> None:
    base = _at(days=5, hour=9)
    outcomes = race(8, lambda i: _create(expert, base + dt.timedelta(minutes=10 * i), hours=2).pk)
    assert outcomes.unexpected(SlotConflict) == {}, outcomes.report()
    assert len(outcomes.results) == 1, outcomes.report()


@pytest.mark.parametrize("size", [2, 20])
def test_the_slots_page_is_constant_in_queries(
    client: Any, django_assert_num_queries: Any, expert: Any, size: int
) -> None:
    for n in range(size):
        SlotFactory.create(
            expert=expert, starts_at=_at(days=2 + n), ends_at=_at(days=2 + n, hour=11)
        )
    with django_assert_num_queries(2):
        client.get(reverse("consultations:slots"))


def test_only_the_expert_withdraws_their_slot(client: Any, member: Any, expert: Any) -> None:
    slot = _create(expert, _at())
    client.force_login(member)
    assert client.post(reverse("consultations:withdraw_slot", args=[slot.pk])).status_code == 404
