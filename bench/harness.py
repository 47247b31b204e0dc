"""What every benchmark measures with: samples and percentiles, figures printed beside their goals with
✔/✘ and the machine's load, throughput of a page against its floor view, in-process and through gunicorn.

A figure is printed as

    ✔ directory search p95 (cold caches)         41.2 ms   goal ≤ 50 ms        load 0.31 (2 cores)

and `summary()` at the end counts the ✔ and ✘ of the run. The load is the one-minute load average when
the figure was taken: a figure taken under load says so beside itself.

A percentile is never taken over fewer than MIN_SAMPLES (100) samples: `percentile()` raises
TooFewSamples, and so does `figure(..., samples=n)` with n < 100. `cold_and_warm()` times an action
with its caches cleared before every sample and, separately, with them warm.
"""

import http.client
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Figure:
    name: str
    value: float
    goal: float
    unit: str
    higher_is_better: bool
    load: float

    @property
    def ok(self) -> bool:
        return self.value >= self.goal if self.higher_is_better else self.value <= self.goal


_figures: list[Figure] = []


def machine_load() -> float:
    return os.getloadavg()[0]


def load_note() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load {one:.2f} / {five:.2f} / {fifteen:.2f} ({os.cpu_count()} cores)"


MIN_SAMPLES = 100


class TooFewSamples(ValueError):
    """A percentile asked of fewer samples than MIN_SAMPLES: it would flatter (or slander) the code."""


def percentile(values: list[float], share: float, *, minimum: int = MIN_SAMPLES) -> float:
    """The nearest-rank percentile: `share` of the samples are at or below it. Refuses fewer than
    `minimum` samples (100 unless a caller has a reason to say otherwise)."""
    if not 0 < share <= 1:
        raise ValueError(f"share must be in (0, 1], not {share}")
    if len(values) < max(1, minimum):
        raise TooFewSamples(f"a percentile over {len(values)} samples (at least {minimum} needed)")
    ordered = sorted(values)
    rank = max(1, int(-(-share * len(ordered) // 1)))  # ceil
    return ordered[min(rank, len(ordered)) - 1]


def sample_ms(
    action: Callable[[], Any],
    *,
    samples: int,
    warmup: int = 0,
    before_each: Callable[[], Any] | None = None,
) -> list[float]:
    """Milliseconds of `action`, `samples` times after `warmup` unmeasured runs; `before_each`
    (unmeasured) runs before every sample, e.g. to clear the caches."""
    for _ in range(warmup):
        action()
    times = []
    for _ in range(samples):
        if before_each is not None:
            before_each()
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return times


def clear_caches() -> None:
    """Empty every configured Django cache (the page, fragment and facet caches)."""
    from django.core.cache import caches

    for name in caches:
        caches[name].clear()


def cold_and_warm(
    action: Callable[[], Any],
    *,
    samples: int = MIN_SAMPLES,
    clear: Callable[[], Any] = clear_caches,
) -> tuple[list[float], list[float]]:
    """Milliseconds of `action` cold (`clear` before every sample) and warm (caches filled by one
    unmeasured run, then left alone), `samples` of each."""
    if samples < MIN_SAMPLES:
        raise TooFewSamples(f"{samples} samples asked (at least {MIN_SAMPLES} needed)")
    cold = sample_ms(action, samples=samples, before_each=clear)
    warm = sample_ms(action, samples=samples, warmup=1)
    return cold, warm


def describe(times: list[float]) -> str:
    return (
        f"n={len(times)} p50 {statistics.median(times):.1f} ms, p95 {percentile(times, 0.95):.1f} ms,"
        f" max {max(times):.1f} ms"
    )


def figure(
    name: str,
    value: float,
    *,
    goal: float,
    unit: str = "ms",
    higher_is_better: bool = False,
    samples: int | None = None,
) -> Figure:
    """Print one figure beside its goal and remember it for the summary. A percentile's figure
    says how many samples it was taken over (`samples`), and is refused under MIN_SAMPLES."""
    if samples is not None and samples < MIN_SAMPLES:
        raise TooFewSamples(f"{name}: taken over {samples} samples (at least {MIN_SAMPLES} needed)")
    if samples is not None:
        name = f"{name} (n={samples})"
    item = Figure(name, value, goal, unit, higher_is_better, machine_load())
    _figures.append(item)
    print(format_figure(item))
    return item


def format_figure(item: Figure) -> str:
    """One line: ✔/✘, the name, the value, the goal and the load when it was taken."""
    sign = "≥" if item.higher_is_better else "≤"
    mark = "✔" if item.ok else "✘"
    shown = f"{item.value:,.1f} {item.unit}".replace(",", " ")
    wanted = f"{item.goal:,.1f} {item.unit}".replace(",", " ")
    return f"  {mark} {item.name:<58} {shown:>14}   goal {sign} {wanted:<14} load {item.load:.2f}"


def p95_figure(name: str, times: list[float], *, goal: float) -> Figure:
    """The 95th percentile of `times` (ms) as a figure, with the number of samples beside it."""
    note(f"{name}: {describe(times)}")
    return figure(f"{name} p95", percentile(times, 0.95), goal=goal, samples=len(times))


def note(text: str) -> None:
    """A figure without a goal (context for the reader)."""
    print(f"    · {text}")


def figures() -> list[Figure]:
    """The figures taken so far in this run."""
    return list(_figures)


def summary() -> int:
    """Print every figure of the run again as one table, then the count of ✔ and ✘; returns the
    exit status of the run (1 when any goal was missed)."""
    if not _figures:
        print(f"\nno figures taken; {load_note()}")
        return 0
    failed = [f for f in _figures if not f.ok]
    print(f"\n== summary: {len(_figures) - len(failed)} of {len(_figures)} figures met their goals")
    for item in _figures:
        print(format_figure(item))
    print(f"  {load_note()} at the end")
    if failed:
        print(f"  {len(failed)} ✘: " + "; ".join(f.name for f in failed))
    return 1 if failed else 0


# --- throughput: a page against its floor ---------------------------------------------------------


def in_process_rps(path: str, *, seconds: float = 3.0, client: Any = None) -> float:
    """Requests per second of one path through Django's test client (no network, one thread)."""
    from django.test import Client

    client = client or Client()
    response = client.get(path)
    if response.status_code != 200:
        raise RuntimeError(f"{path} answered {response.status_code}")
    done = 0
    started = time.perf_counter()
    deadline = started + seconds
    while time.perf_counter() < deadline:
        client.get(path)
        done += 1
    return done / (time.perf_counter() - started)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def gunicorn(*, workers: int = 2, env: dict[str, str] | None = None) -> Iterator[str]:
    """Serve the platform as docs/deployment.md says (gunicorn, DEBUG off, production settings) with
    the benchmarks' floor views added (`bench.urls`); yields the base URL."""
    port = _free_port()
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "NKOHUB_ENV": "production",
        "DEBUG": "0",
        "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-" + "x" * 60),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        **(env or {}),
    }
    command = [
        str(Path(sys.executable).with_name("gunicorn")),
        "config.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--log-level",
        "warning",
    ]
    # production serves hashed static files from the manifest: collect them first
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "--verbosity", "0"],
        cwd=ROOT,
        env=environment,
        check=True,
    )
    (ROOT / "var").mkdir(exist_ok=True)
    log = (ROOT / "var" / "bench-gunicorn.log").open("w")
    process = subprocess.Popen(
        command, cwd=ROOT, env=environment, start_new_session=True, stdout=log, stderr=log
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                    break
            except OSError:
                if process.poll() is not None:
                    raise RuntimeError("gunicorn exited at start-up") from None
                time.sleep(0.1)
        _warm(base, requests=4 * workers)
        yield base
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
        log.close()


def _warm(base: str, *, requests: int) -> None:
    """Every worker loads the application on its first request: do that before anything is timed."""
    for _ in range(requests):
        connection = http.client.HTTPConnection(
            "127.0.0.1", int(base.rsplit(":", 1)[1]), timeout=120
        )
        connection.request("GET", "/healthz/")
        connection.getresponse().read()
        connection.close()


def http_rps(url: str, *, seconds: float = 10.0, connections: int = 8) -> tuple[float, str]:
    """Requests per second of one URL over loopback: wrk when installed, else a bounded Python load
    generator (keep-alive connections in threads). Returns the figure and the tool's name."""
    if shutil.which("wrk"):
        result = subprocess.run(
            # a slow page is counted, not dropped: wrk's own timeout is 2 s
            ["wrk", "-t2", f"-c{connections}", f"-d{int(seconds)}s", "--timeout", "60s", url],
            capture_output=True,
            text=True,
            check=True,
        )
        match = re.search(r"Requests/sec:\s+([\d.]+)", result.stdout)
        errors = re.search(r"Non-2xx or 3xx responses: (\d+)", result.stdout)
        if errors:
            raise RuntimeError(
                f"{url}: {errors.group(1)} error responses under load (see var/bench-gunicorn.log)"
            )
        if not match or float(match.group(1)) == 0:
            raise RuntimeError(f"wrk measured nothing:\n{result.stdout}")
        return float(match.group(1)), "wrk"
    return _python_rps(url, seconds=seconds, connections=connections), "python"


def _python_rps(url: str, *, seconds: float, connections: int) -> float:
    host, _, rest = url.removeprefix("http://").partition("/")
    hostname, _, port = host.partition(":")
    path = "/" + rest
    counts = [0] * connections
    failures: list[str] = []
    deadline = time.perf_counter() + seconds

    def worker(index: int) -> None:
        connection = http.client.HTTPConnection(hostname, int(port or 80), timeout=60)
        while time.perf_counter() < deadline:
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                failures.append(f"{response.status}")
                return
            counts[index] += 1
        connection.close()

    started = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(i,)) for i in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        raise RuntimeError(f"{url}: answered {failures[0]} under load")
    return sum(counts) / (time.perf_counter() - started)


def page_against_floor(
    label: str, page: str, floor: str, *, base: str | None = None, seconds: float = 10.0
) -> None:
    """The page's throughput as a share of its floor view's, measured in the same run: through
    gunicorn at `base` when given, else in-process."""
    if base:
        floor_rps, tool = http_rps(base + floor, seconds=seconds)
        page_rps, _ = http_rps(base + page, seconds=seconds)
        where = f"gunicorn, {tool}"
    else:
        floor_rps = in_process_rps(floor, seconds=seconds / 3)
        page_rps = in_process_rps(page, seconds=seconds / 3)
        where = "in-process"
    note(f"{label} ({where}): page {page_rps:.0f} req/s, floor {floor_rps:.0f} req/s")
    figure(
        f"{label} / floor ({where})",
        100 * page_rps / floor_rps,
        goal=50,
        unit="%",
        higher_is_better=True,
    )


def queries_of(path: str, *, client: Any = None) -> int:
    """SQL queries a page issues (through the test client)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = client or Client()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    if response.status_code != 200:
        raise RuntimeError(f"{path} answered {response.status_code}")
    return len(captured)
