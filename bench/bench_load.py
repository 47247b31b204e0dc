"""Load: 100 people at once for five minutes against gunicorn with several workers on PostgreSQL and
Redis, loopback only (issue 22, item 7). Zero errors and p95 under 300 ms are the goals.

    BENCH_REDIS_URL=redis://127.0.0.1:6379/15 \\
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/nkohub_bench python -m bench load \\
        [--users=100] [--seconds=300] [--workers=4] [--think=1.0]

A bounded Python load generator (threads, one connection per request as gunicorn's sync workers
close them), no external tool: each virtual person repeats a journey until the time is up, with a
pause between pages (`--think` seconds on average, exponential: people read). Three people in four
are visitors (home, the directory and a search in it, an organisation's page, the fair, resources,
competitions, published answers, news, events, ideas, courses); one in four is a signed-in member
(their cabinet, notifications, marking them read — a POST with the CSRF token — and the same public
pages). Every non-2xx/3xx answer and every connection error counts as an error.
"""

import http.client
import random
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from bench import data, harness

P95_GOAL_MS = 300.0
USERS = 100
SECONDS = 300
WORKERS = 4
THINK = 1.0

VISITOR = [
    "/",
    "/organizations/",
    "/organizations/?q=%D1%84%D0%BE%D0%BD%D0%B4",  # «фонд»
    "{organization}",
    "/fair/",
    "/resources/",
    "/grants/",
    "/reception/",
    "/news/",
    "/events/",
    "/ideas/",
    "/learning/",
]
MEMBER = ["/cabinet/", "/notifications/", "POST /notifications/read-all/", "/", "/organizations/"]


def _option(argv: list[str], name: str, default: float) -> float:
    for arg in argv:
        if arg.startswith(f"--{name}="):
            return float(arg.split("=", 1)[1])
    return default


@dataclass
class Tally:
    times: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, ms: float, error: str = "") -> None:
        with self.lock:
            self.times.append(ms)
            if error:
                self.errors.append(error)


def _request(port: int, method: str, path: str, cookies: dict[str, str]) -> tuple[int, str]:
    headers = {"Host": "127.0.0.1"}
    if cookies:
        headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    if method == "POST":
        headers["X-CSRFToken"] = cookies.get("csrftoken", "")
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request(method, path, body="" if method == "POST" else None, headers=headers)
        response = connection.getresponse()
        response.read()
        for name, value in response.getheaders():
            if name.lower() == "set-cookie" and value.startswith("csrftoken="):
                cookies["csrftoken"] = value.split(";", 1)[0].split("=", 1)[1]
        return response.status, ""
    finally:
        connection.close()


def _person(
    port: int, journey: list[str], cookies: dict[str, str], deadline: float, tally: Tally, seed: int
) -> None:
    rng = random.Random(seed)
    while time.perf_counter() < deadline:
        for step in journey:
            if time.perf_counter() >= deadline:
                return
            method, _, path = step.rpartition(" ")
            started = time.perf_counter()
            try:
                status, _ = _request(port, method or "GET", path, cookies)
                error = "" if status < 400 else f"{status} {step}"
            except OSError as exc:
                error = f"{type(exc).__name__} {step}"
            tally.add((time.perf_counter() - started) * 1000, error)
            time.sleep(min(rng.expovariate(1 / THINK_NOW[0]), 10 * THINK_NOW[0]))


THINK_NOW = [THINK]


def _members(count: int) -> list[dict[str, str]]:
    """Signed-in people: a session each (the database's session store, which gunicorn shares)."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client

    from nkohub.organizations.models import Membership, Organization

    organization = Organization.objects.order_by("pk").first()
    users = []
    for number in range(count):
        user, _ = get_user_model().objects.get_or_create(
            email=f"bench-load-{number}@example.org", defaults={"full_name": f"Нагрузка {number}"}
        )
        if organization is not None:
            Membership.objects.get_or_create(
                user=user, organization=organization, defaults={"role": Membership.Role.MEMBER}
            )
        client = Client()
        client.force_login(user)
        users.append(
            {settings.SESSION_COOKIE_NAME: client.cookies[settings.SESSION_COOKIE_NAME].value}
        )
    return users


def run(argv: list[str]) -> None:
    import os

    from nkohub.organizations.models import Organization

    users = int(_option(argv, "users", USERS))
    seconds = _option(argv, "seconds", SECONDS)
    workers = int(_option(argv, "workers", WORKERS))
    THINK_NOW[0] = _option(argv, "think", THINK)
    size = data.SIZES[next((a.split("=", 1)[1] for a in argv if a.startswith("--size=")), "full")]
    data.ensure(size)
    organization = Organization.objects.filter(is_published=True).order_by("pk").first()
    profile = f"/organizations/{organization.pk}/" if organization else "/organizations/"
    visitor = [profile if step == "{organization}" else step for step in VISITOR]
    # the sessions are made here and read by gunicorn: both must sign with the same key
    from django.conf import settings

    os.environ.setdefault("SECRET_KEY", "bench-" + "x" * 60)  # the key harness.gunicorn passes on
    settings.SECRET_KEY = os.environ["SECRET_KEY"]
    members = _members(max(users // 4, 1))

    redis = os.environ.get("BENCH_REDIS_URL") or os.environ.get("REDIS_URL", "")
    env: dict[str, Any] = {"DB_CONN_MAX_AGE": "60", "CACHE_KEY_PREFIX": "bench-load"}
    if redis:
        env["REDIS_URL"] = redis
    tally = Tally()
    with harness.gunicorn(workers=workers, env=env) as base:
        port = int(base.rsplit(":", 1)[1])
        harness.note(
            f"{users} people for {seconds:.0f} s, think {THINK_NOW[0]:.1f} s on average, gunicorn "
            f"{workers} workers, cache {'Redis' if redis else 'memory'} ({harness.load_note()})"
        )
        deadline = time.perf_counter() + seconds
        threads = []
        for number in range(users):
            is_member = number % 4 == 3
            cookies = dict(members[number // 4 % len(members)]) if is_member else {}
            journey = MEMBER + visitor[:4] if is_member else visitor
            thread = threading.Thread(
                target=_person,
                args=(port, journey, cookies, deadline, tally, number),
                daemon=True,
            )
            threads.append(thread)
            thread.start()
            time.sleep(0.02)  # people arrive over two seconds, not in one instant
        for thread in threads:
            thread.join(timeout=seconds + 120)
    requests = len(tally.times)
    harness.note(
        f"{requests:,} requests ({requests / seconds:.0f}/s), {len(tally.errors)} errors"
        + (f"; first: {', '.join(sorted(set(tally.errors))[:5])}" if tally.errors else "")
        + f"; {harness.describe(tally.times)}"
    )
    harness.figure("load: errors", len(tally.errors), goal=0, unit="")
    harness.p95_figure(f"load: {users} people, p95 of every request", tally.times, goal=P95_GOAL_MS)
