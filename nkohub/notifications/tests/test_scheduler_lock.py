"""Two schedulers (and any number of workers) at once run each job once: each due run is claimed by one
of them, and a run holds the job's lease, so an overlapping run of the same job is skipped."""

import subprocess
import threading
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from nkohub.core import locks
from nkohub.core.models import Heartbeat
from nkohub.core.tests.concurrency import race
from nkohub.core.tests.processes import PYTHON, ROOT, child_environment, database_url
from nkohub.notifications import scheduling
from nkohub.notifications.models import ScheduledJob
from nkohub.notifications.scheduling import PeriodicJob, periodic_jobs, run_job_now


@pytest.mark.django_db(transaction=True)
def test_two_scheduler_processes_started_together_run_each_due_job_once() -> None:
    """Every registered job is made due, then two `run_scheduler --once` start at the same moment; in
    the embedded set-up each enqueued job runs inside the scheduler that won it."""
    names = [job.name for job in periodic_jobs()]
    assert len(names) >= 5
    past = timezone.now() - timedelta(minutes=1)
    ScheduledJob.objects.bulk_create(ScheduledJob(name=name, next_run_at=past) for name in names)
    environment = child_environment(DATABASE_URL=database_url(), LOG_LEVEL="WARNING")
    schedulers = [
        subprocess.Popen(
            [PYTHON, "manage.py", "run_scheduler", "--once"],
            cwd=ROOT,
            env=environment,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [process.communicate(timeout=300) for process in schedulers]
    for process, (_out, err) in zip(schedulers, outputs, strict=True):
        assert process.returncode == 0, err
    enqueued = [
        line.removeprefix("Enqueued ")
        for out, _err in outputs
        for line in out.splitlines()
        if line.startswith("Enqueued ")
    ]
    assert sorted(enqueued) == sorted(names)
    for state in ScheduledJob.objects.all():
        assert state.last_started_at is not None, state.name
        assert state.last_started_at >= past
        assert state.next_run_at > past, state.name
    assert Heartbeat.objects.get(name=scheduling.SCHEDULER_HEARTBEAT).beat_at >= past


@pytest.fixture
def slow_job(monkeypatch: Any) -> dict[str, Any]:
    """A job that waits until the test lets it finish, and counts its runs."""
    release = threading.Event()
    runs: list[int] = []

    def work() -> str:
        runs.append(1)
        assert release.wait(timeout=60)
        return "done"

    job = PeriodicJob(name="tests.slow", title="Медленная", run=work, every=timedelta(minutes=5))
    monkeypatch.setattr(scheduling, "_jobs", {job.name: job})
    return {"release": release, "runs": runs}


@pytest.mark.django_db(transaction=True)
def test_a_run_that_starts_while_the_job_is_running_is_skipped(slow_job: dict[str, Any]) -> None:
    """A scheduled run on one worker and a manual one on another (or a run that outlasts its interval)."""

    def attempt(index: int) -> str:
        if index == 1:  # the second one starts once the first holds the lease
            while not locks.Lease.objects.filter(name="job:tests.slow").exists():
                threading.Event().wait(0.05)
            result = run_job_now("tests.slow")
            slow_job["release"].set()
            return result
        return run_job_now("tests.slow")

    outcomes = race(2, attempt)
    assert outcomes.raised == {}, outcomes.report()
    assert sorted(outcomes.results.values()) == ["done", "skipped: tests.slow is already running"]
    assert slow_job["runs"] == [1]
    state = ScheduledJob.objects.get(name="tests.slow")
    assert state.last_outcome == ScheduledJob.Outcome.OK
    assert state.last_result == "done"
    assert not locks.Lease.objects.exists()  # released: the next run may start
    slow_job["release"].set()
    assert run_job_now("tests.slow") == "done"
    assert slow_job["runs"] == [1, 1]


@pytest.mark.django_db
def test_a_skipped_run_leaves_the_jobs_record_alone(slow_job: dict[str, Any]) -> None:
    assert locks.acquire("job:tests.slow", seconds=60, holder="another-worker")
    assert run_job_now("tests.slow") == "skipped: tests.slow is already running"
    assert slow_job["runs"] == []
    assert not ScheduledJob.objects.filter(name="tests.slow").exists()
