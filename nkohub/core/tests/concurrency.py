"""Running one action from many threads at the same moment, against the real database, robustly under load.

    outcomes = race(20, lambda i: book(...))
    assert outcomes.errors == [], outcomes.report()

Each thread first opens its own database connection (retrying while a busy shared PostgreSQL answers "too
many clients"), then all wait at one barrier and start together, so what is measured is the race itself,
not who connected first. Timeouts are generous (a loaded CI machine is slow, not broken); a thread still
running at the end fails the test with a message instead of leaving half-collected results.
"""

import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db import OperationalError, connection, connections

CONNECT_TIMEOUT = 120.0
START_TIMEOUT = 120.0
FINISH_TIMEOUT = 300.0


@dataclass
class Outcomes:
    """What each attempt returned or raised, by the attempt's index."""

    results: dict[int, Any] = field(default_factory=dict)
    raised: dict[int, BaseException] = field(default_factory=dict)
    tracebacks: dict[int, str] = field(default_factory=dict)

    def of_type(self, kind: type[BaseException]) -> list[int]:
        return sorted(i for i, error in self.raised.items() if isinstance(error, kind))

    def unexpected(self, *expected: type[BaseException]) -> dict[int, BaseException]:
        return {i: e for i, e in self.raised.items() if not isinstance(e, expected)}

    def report(self) -> str:
        lines = [f"{len(self.results)} succeeded, {len(self.raised)} raised"]
        for index in sorted(self.raised):
            lines.append(f"attempt {index}: {self.tracebacks[index].strip().splitlines()[-1]}")
        return "\n".join(lines)


def _connect_patiently(deadline: float) -> None:
    pause = 0.2
    while True:
        try:
            connection.ensure_connection()
            return
        except OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 3.0)


def race(count: int, attempt: Callable[[int], Any]) -> Outcomes:
    """Run attempt(0) … attempt(count - 1) in `count` threads released at the same moment."""
    outcomes = Outcomes()
    lock = threading.Lock()
    barrier = threading.Barrier(count)
    connect_deadline = time.monotonic() + CONNECT_TIMEOUT

    def run(index: int) -> None:
        started = False
        try:
            _connect_patiently(connect_deadline)
            barrier.wait(timeout=START_TIMEOUT)
            started = True
            value = attempt(index)
            with lock:
                outcomes.results[index] = value
        except BaseException as error:
            with lock:
                outcomes.raised[index] = error
                outcomes.tracebacks[index] = traceback.format_exc()
            if not started:
                barrier.abort()  # the others stop waiting for an attempt that will never start
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,), name=f"race-{i}") for i in range(count)]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + CONNECT_TIMEOUT + START_TIMEOUT + FINISH_TIMEOUT
    for thread in threads:
        thread.join(timeout=max(0.0, deadline - time.monotonic()))
    stuck = [thread.name for thread in threads if thread.is_alive()]
    if stuck:
        raise AssertionError(
            f"{len(stuck)} of {count} attempts still running: {stuck}\n" + outcomes.report()
        )
    return outcomes
