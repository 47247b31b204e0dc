"""Periodic jobs: digests, reminders, clean-ups. Apps register theirs from `AppConfig.ready()`:

    register_periodic_job(PeriodicJob(
        name="reception.deadline_reminders", title=_("Deadline reminders"),
        run=send_deadline_reminders, daily_at=time(9, 0)))

`run` takes no arguments, returns a short summary, and must do no harm when run twice.
One process, `manage.py run_scheduler`, enqueues due jobs as tasks (workers run them); in the embedded
setup they run inside it. Each job also has a management command for manual or cron runs.

Several schedulers and workers at once are safe: each due run is claimed by one conditional UPDATE
(`claim_due_jobs`: only one scheduler wins it), and each run holds the lease "job:<name>"
(nkohub.core.locks) while it works, so a manual run, a cron run and a scheduled one, or a run that
outlasts its interval, never overlap — the second one is skipped.
"""

import logging
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext

from nkohub.core import locks
from nkohub.notifications.models import ScheduledJob

logger = logging.getLogger(__name__)

# How long a run may hold its job's lease: longer than a worker lets a task run (600 s), so only a
# process killed outright leaves a lease behind, and then for this long at most.
JOB_LEASE_SECONDS = 900
SCHEDULER_HEARTBEAT = locks.SCHEDULER_HEARTBEAT


@dataclass(frozen=True)
class PeriodicJob:
    name: str
    title: str | Promise
    run: Callable[[], str]
    every: timedelta | None = None
    daily_at: time | None = None  # local time, TIME_ZONE

    def __post_init__(self) -> None:
        if (self.every is None) == (self.daily_at is None):
            raise ValueError(f"Job {self.name}: give exactly one of every= or daily_at=")

    def next_run_after(self, moment: datetime) -> datetime:
        """The first time strictly after `moment` this job should run."""
        if self.every is not None:
            return moment + self.every
        assert self.daily_at is not None
        local = timezone.localtime(moment)
        candidate = timezone.make_aware(datetime.combine(local.date(), self.daily_at))
        if candidate <= moment:
            candidate = timezone.make_aware(
                datetime.combine(local.date() + timedelta(days=1), self.daily_at)
            )
        return candidate

    def first_run(self, now: datetime) -> datetime:
        return now if self.every is not None else self.next_run_after(now)

    @property
    def schedule_label(self) -> str:
        if self.every is not None:
            minutes = int(self.every.total_seconds() // 60)
            return gettext("every %(minutes)s min") % {"minutes": minutes}
        assert self.daily_at is not None
        return gettext("daily at %(time)s") % {"time": f"{self.daily_at:%H:%M}"}


_jobs: dict[str, PeriodicJob] = {}


def register_periodic_job(job: PeriodicJob) -> None:
    _jobs[job.name] = job


def periodic_jobs() -> list[PeriodicJob]:
    return [_jobs[name] for name in sorted(_jobs)]


def get_periodic_job(name: str) -> PeriodicJob:
    try:
        return _jobs[name]
    except KeyError:
        raise LookupError(f"No periodic job named {name!r}") from None


def claim_due_jobs(now: datetime | None = None) -> list[str]:
    """Move each due job's next run forward (only one caller wins each run); return the names won."""
    now = now or timezone.now()
    won = []
    for job in periodic_jobs():
        state, _created = ScheduledJob.objects.get_or_create(
            name=job.name, defaults={"next_run_at": job.first_run(now)}
        )
        if state.next_run_at > now:
            continue
        claimed = ScheduledJob.objects.filter(pk=state.pk, next_run_at=state.next_run_at).update(
            next_run_at=job.next_run_after(now)
        )
        if claimed:
            won.append(job.name)
    return won


def run_job_now(name: str) -> str:
    """Run one job here and now, recording its outcome; the error is re-raised after it is recorded.

    When the job is already running elsewhere (its lease is held), nothing runs and nothing is recorded.
    """
    job = get_periodic_job(name)
    with locks.lease(f"job:{name}", seconds=JOB_LEASE_SECONDS) as held:
        if not held:
            logger.info("Job %s is already running elsewhere; this run is skipped", name)
            return f"skipped: {name} is already running"
        return _run_recorded(job)


def _run_recorded(job: PeriodicJob) -> str:
    name = job.name
    started = timezone.now()
    state, _created = ScheduledJob.objects.get_or_create(
        name=name, defaults={"next_run_at": job.next_run_after(started)}
    )
    ScheduledJob.objects.filter(pk=state.pk).update(
        last_started_at=started, last_outcome=ScheduledJob.Outcome.RUNNING
    )
    try:
        result = str(job.run() or "")
    except Exception:
        ScheduledJob.objects.filter(pk=state.pk).update(
            last_finished_at=timezone.now(),
            last_outcome=ScheduledJob.Outcome.FAILED,
            last_error=traceback.format_exc(),
        )
        raise
    ScheduledJob.objects.filter(pk=state.pk).update(
        last_finished_at=timezone.now(),
        last_outcome=ScheduledJob.Outcome.OK,
        last_result=result[:500],
        last_error="",
    )
    logger.info("Job %s: %s", name, result)
    return result
