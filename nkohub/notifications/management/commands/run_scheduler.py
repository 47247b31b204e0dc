import signal
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import close_old_connections
from django.utils import translation

from nkohub.core import locks
from nkohub.notifications.background import enqueue_safely
from nkohub.notifications.scheduling import SCHEDULER_HEARTBEAT, claim_due_jobs, periodic_jobs
from nkohub.notifications.tasks import run_periodic_job


class Command(BaseCommand):
    help = "Run periodic jobs when they are due (one process per deployment; --once for cron)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--once", action="store_true", help="Enqueue the jobs due now and exit."
        )
        parser.add_argument(
            "--list", action="store_true", help="List the registered jobs and exit."
        )
        parser.add_argument(
            "--interval", type=int, default=30, help="Seconds between checks (default 30)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        self.holder = locks.holder_name()
        if options["list"]:
            with translation.override("en"):
                for job in periodic_jobs():
                    self.stdout.write(f"{job.name}\t{job.schedule_label}\t{job.title}")
            return
        if options["once"]:
            self._tick()
            return
        stopping = {"now": False}

        def stop(signum: int, frame: Any) -> None:
            stopping["now"] = True

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        self.stdout.write(
            f"Scheduler started: {len(periodic_jobs())} jobs, checking every {options['interval']} s"
        )
        while not stopping["now"]:
            close_old_connections()
            self._tick()
            for _second in range(options["interval"]):
                if stopping["now"]:
                    break
                time.sleep(1)
        self.stdout.write("Scheduler stopped")

    def _tick(self) -> None:
        # /healthz/ reports how long ago a scheduler last looked for due jobs (core.health).
        locks.beat(SCHEDULER_HEARTBEAT, holder=self.holder)
        for name in claim_due_jobs():
            if enqueue_safely(run_periodic_job, name):
                self.stdout.write(f"Enqueued {name}")
            else:  # kept as a task to queue again (notifications.requeue_tasks)
                self.stdout.write(f"Could not enqueue {name}: the queue is unreachable")
