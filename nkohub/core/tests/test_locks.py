"""Leases (core.locks): one holder at a time across processes, free again after release or expiry."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from nkohub.core import locks
from nkohub.core.models import Lease
from nkohub.core.tests.concurrency import race


@pytest.mark.django_db
def test_a_held_lease_is_refused_to_another_holder_until_it_is_released() -> None:
    assert locks.acquire("job:x", seconds=60, holder="a")
    assert not locks.acquire("job:x", seconds=60, holder="b")
    assert not locks.acquire("job:x", seconds=60, holder="a")  # not re-entrant either
    locks.release("job:x", holder="b")  # somebody else's release does nothing
    assert not locks.acquire("job:x", seconds=60, holder="b")
    locks.release("job:x", holder="a")
    assert locks.acquire("job:x", seconds=60, holder="b")
    assert Lease.objects.get(name="job:x").holder == "b"


@pytest.mark.django_db
def test_a_lease_left_by_a_dead_holder_is_taken_over_once_it_expires() -> None:
    assert locks.acquire("job:x", seconds=60, holder="dead")
    with time_machine.travel(timezone.now() + timedelta(seconds=59)):
        assert not locks.acquire("job:x", seconds=60, holder="b")
    with time_machine.travel(timezone.now() + timedelta(seconds=61)):
        assert locks.acquire("job:x", seconds=60, holder="b")
        assert not locks.acquire("job:x", seconds=60, holder="c")
    locks.release("job:x", holder="dead")  # the late release of the dead holder leaves b's lease
    assert Lease.objects.get(name="job:x").holder == "b"


@pytest.mark.django_db
def test_the_context_manager_releases_even_when_the_work_fails() -> None:
    seen: list[bool] = []

    def work() -> None:
        with locks.lease("job:x", seconds=60) as held:
            with locks.lease("job:x", seconds=60) as second:
                seen.extend([held, second])
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        work()
    assert seen == [True, False]
    assert not Lease.objects.filter(name="job:x").exists()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("expired", [False, True], ids=["free", "expired"])
def test_of_many_processes_racing_for_a_lease_exactly_one_wins(expired: bool) -> None:
    if expired:
        Lease.objects.create(
            name="job:race", holder="dead", expires_at=timezone.now() - timedelta(seconds=1)
        )
    outcomes = race(6, lambda i: locks.acquire("job:race", seconds=60, holder=f"h{i}"))
    assert outcomes.raised == {}, outcomes.report()
    winners = [i for i, won in outcomes.results.items() if won]
    assert len(winners) == 1
    assert Lease.objects.get(name="job:race").holder == f"h{winners[0]}"


@pytest.mark.django_db
def test_a_heartbeat_is_kept_per_process_name() -> None:
    assert locks.last_beat("scheduler") is None
    locks.beat("scheduler", holder="host:1")
    first = locks.last_beat("scheduler")
    assert first is not None
    with time_machine.travel(timezone.now() + timedelta(minutes=1)):
        locks.beat("scheduler", holder="host:2")
    second = locks.last_beat("scheduler")
    assert second is not None
    assert second.holder == "host:2"
    assert second.beat_at - first.beat_at >= timedelta(minutes=1)
