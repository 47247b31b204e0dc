from datetime import datetime, time, timedelta
from io import StringIO
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from nkohub.notifications import scheduling
from nkohub.notifications.models import ScheduledJob, TaskFailure
from nkohub.notifications.scheduling import (
    PeriodicJob,
    claim_due_jobs,
    register_periodic_job,
    run_job_now,
)

pytestmark = pytest.mark.django_db
MOSCOW = ZoneInfo("Europe/Moscow")
calls: list[str] = []


def _count() -> str:
    calls.append("ran")
    return f"run {len(calls)}"


def _explode() -> str:
    raise RuntimeError("Реестр недоступен")


@pytest.fixture
def jobs(monkeypatch: Any) -> dict[str, PeriodicJob]:
    """Only test jobs are registered while a test runs."""
    monkeypatch.setattr(scheduling, "_jobs", {})
    calls.clear()
    every = PeriodicJob(
        name="tests.every", title="Каждые 10 минут", run=_count, every=timedelta(minutes=10)
    )
    daily = PeriodicJob(name="tests.daily", title="Раз в день", run=_count, daily_at=time(8, 0))
    broken = PeriodicJob(
        name="tests.broken", title="Ломается", run=_explode, every=timedelta(hours=1)
    )
    for job in (every, daily, broken):
        register_periodic_job(job)
    return {"every": every, "daily": daily, "broken": broken}


def test_a_daily_job_runs_at_its_local_time() -> None:
    job = PeriodicJob(name="x", title="x", run=_count, daily_at=time(8, 0))
    before = datetime(2026, 11, 23, 7, 59, tzinfo=MOSCOW)
    after = datetime(2026, 11, 23, 8, 0, tzinfo=MOSCOW)
    assert job.next_run_after(before) == datetime(2026, 11, 23, 8, 0, tzinfo=MOSCOW)
    assert job.next_run_after(after) == datetime(2026, 11, 24, 8, 0, tzinfo=MOSCOW)


def test_a_job_needs_exactly_one_schedule() -> None:
    with pytest.raises(ValueError):
        PeriodicJob(name="x", title="x", run=_count)
    with pytest.raises(ValueError):
        PeriodicJob(
            name="x", title="x", run=_count, every=timedelta(minutes=1), daily_at=time(8, 0)
        )


def test_each_due_run_is_claimed_once(jobs: dict[str, PeriodicJob]) -> None:
    start = datetime(2026, 11, 23, 7, 0, tzinfo=MOSCOW)
    with time_machine.travel(start, tick=False):
        assert claim_due_jobs() == ["tests.broken", "tests.every"]
        assert claim_due_jobs() == []  # a second scheduler at the same moment gets nothing
    with time_machine.travel(start + timedelta(minutes=11), tick=False):
        assert claim_due_jobs() == ["tests.every"]
    with time_machine.travel(datetime(2026, 11, 23, 8, 0, 30, tzinfo=MOSCOW), tick=False):
        assert claim_due_jobs() == ["tests.broken", "tests.daily", "tests.every"]
    assert ScheduledJob.objects.get(name="tests.daily").next_run_at == datetime(
        2026, 11, 24, 8, 0, tzinfo=MOSCOW
    )


def test_a_stale_claim_cannot_win(jobs: dict[str, PeriodicJob]) -> None:
    claim_due_jobs()
    state = ScheduledJob.objects.get(name="tests.every")
    moved = ScheduledJob.objects.filter(
        pk=state.pk, next_run_at=state.next_run_at - timedelta(minutes=10)
    ).update(next_run_at=timezone.now())
    assert moved == 0


def test_running_a_job_records_its_outcome(jobs: dict[str, PeriodicJob]) -> None:
    assert run_job_now("tests.every") == "run 1"
    state = ScheduledJob.objects.get(name="tests.every")
    assert state.last_outcome == ScheduledJob.Outcome.OK
    assert state.last_result == "run 1"
    assert state.last_finished_at is not None


def test_a_failing_job_records_its_error(jobs: dict[str, PeriodicJob]) -> None:
    with pytest.raises(RuntimeError):
        run_job_now("tests.broken")
    state = ScheduledJob.objects.get(name="tests.broken")
    assert state.last_outcome == ScheduledJob.Outcome.FAILED
    assert "Реестр недоступен" in state.last_error


def test_the_scheduler_once_runs_what_is_due(jobs: dict[str, PeriodicJob]) -> None:
    out = StringIO()
    call_command("run_scheduler", "--once", stdout=out)
    assert "Enqueued tests.every" in out.getvalue()
    assert calls == ["ran"]
    # The broken job failed on its only attempt: operators find it among failed tasks.
    failure = TaskFailure.objects.get()
    assert failure.task_path == "nkohub.notifications.tasks.run_periodic_job"
    assert failure.args == ["tests.broken"]
    assert "Реестр недоступен" in failure.error
    call_command("run_scheduler", "--once", stdout=StringIO())
    assert calls == ["ran"]  # nothing is due again yet


def test_the_scheduler_lists_jobs(jobs: dict[str, PeriodicJob]) -> None:
    out = StringIO()
    call_command("run_scheduler", "--list", stdout=out)
    assert "tests.daily\tdaily at 08:00" in out.getvalue()
    assert "tests.every\tevery 10 min" in out.getvalue()


def test_the_app_registers_its_own_jobs() -> None:
    names = {job.name for job in scheduling.periodic_jobs()}
    assert {
        "notifications.send_digests",
        "notifications.retry_emails",
        "notifications.purge",
    } <= names


@pytest.mark.parametrize("command", ["send_digests", "retry_emails", "purge_notifications"])
def test_each_job_has_a_command_that_is_safe_to_repeat(command: str) -> None:
    first, second = StringIO(), StringIO()
    call_command(command, stdout=first)
    call_command(command, stdout=second)
    assert first.getvalue() == second.getvalue()
