"""Events at scale: 10,000 events and 100,000 registrations; the calendar, an event's page and the
organiser's list must cost the same SQL at a tenth of that and at full size, and answer in time.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/nkohub_bench python -m bench events \\
        [--events=10000] [--registrations=100000] [--samples=100]

The events are generated here (titles `bench-event-N`, replaced on every run) on the organisations
already in the database (bench.data's registry when it is there; else 200 of its organisations are
made). Each event has its registrations, confirmed up to its capacity and the rest on its waiting
list; a tenth of them are past, with attendance and feedback. SQL is counted at a tenth of the size
first, then at full size; times are taken at full size, through the test client, signed in.
"""

import datetime as dt
import random
import time
from typing import Any

from bench import harness

SQL_GOAL = 12
PAGE_GOAL_MS = 150.0
PEOPLE = 2_000
PREFIX = "bench-event-"


def _option(argv: list[str], name: str, default: int) -> int:
    for arg in argv:
        if arg.startswith(f"--{name}="):
            return int(arg.split("=", 1)[1])
    return default


def _organizations() -> list[int]:
    from bench import data_registry
    from nkohub.organizations.models import Organization

    if Organization.objects.count() < 200:
        data_registry.ensure_organizations(200)
    return list(Organization.objects.order_by("pk").values_list("pk", flat=True)[:2_000])


def _people() -> list[int]:
    from django.contrib.auth.hashers import make_password

    from nkohub.accounts.models import User

    have = list(
        User.objects.filter(email__startswith="bench-person-")
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    if len(have) < PEOPLE:
        User.objects.bulk_create(
            [
                User(
                    email=f"bench-person-{n}@example.org",
                    full_name=f"Участник {n}",
                    password=make_password(None),
                )
                for n in range(len(have), PEOPLE)
            ],
            batch_size=1_000,
        )
    return list(
        User.objects.filter(email__startswith="bench-person-")
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def generate(events: int, registrations: int) -> None:
    """Replace the generated events with `events` events holding `registrations` registrations."""
    from django.db import transaction
    from django.utils import timezone

    from nkohub.events.models import Event, Feedback, Registration

    rng = random.Random(17)
    started = time.perf_counter()
    Event.objects.filter(title__startswith=PREFIX).delete()
    organizations, people = _organizations(), _people()
    per_event = max(1, registrations // max(events, 1))
    now = timezone.now()
    with transaction.atomic():
        rows = []
        for n in range(events):
            past = n % 10 == 0
            start = now + dt.timedelta(hours=(-24 * rng.randint(1, 300)) if past else 6 * (n + 1))
            capacity = rng.choice([per_event // 2 or 1, per_event, per_event * 2])
            rows.append(
                Event(
                    organizer_id=organizations[n % len(organizations)],
                    title=f"{PREFIX}{n} Вебинар для НКО",
                    kind=list(Event.Kind.values)[n % len(Event.Kind.values)],
                    summary="Сгенерированное мероприятие для замера.",
                    starts_at=start,
                    ends_at=start + dt.timedelta(hours=2),
                    is_online=n % 3 == 0,
                    online_url="https://meet.example.org/x" if n % 3 == 0 else "",
                    address="" if n % 3 == 0 else "Калуга, ул. Ленина, 74",
                    capacity=capacity,
                    seats_taken=min(capacity, per_event),
                )
            )
        created = Event.objects.bulk_create(rows, batch_size=2_000)
        registration_rows = []
        for index, event in enumerate(created):
            offset = rng.randrange(len(people))
            for k in range(per_event):
                confirmed = k < event.capacity
                registration_rows.append(
                    Registration(
                        event=event,
                        user_id=people[(offset + k) % len(people)],
                        status=Registration.Status.CONFIRMED
                        if confirmed
                        else Registration.Status.WAITING,
                        registered_at=now - dt.timedelta(minutes=per_event - k),
                        attended_at=event.starts_at if confirmed and index % 10 == 0 else None,
                    )
                )
        made = Registration.objects.bulk_create(registration_rows, batch_size=5_000)
        Feedback.objects.bulk_create(
            [
                Feedback(registration=r, rating=rng.randint(3, 5), useful="Полезно")
                for r in made
                if r.attended_at is not None and rng.random() < 0.5
            ],
            batch_size=5_000,
        )
    harness.note(
        f"generated {events} events, {len(made)} registrations in {time.perf_counter() - started:.0f} s"
    )


def _pages() -> list[tuple[str, str]]:
    from nkohub.events.models import Event

    busiest = (
        Event.objects.filter(title__startswith=PREFIX, starts_at__gt=dt.datetime.now(dt.UTC))
        .order_by("-seats_taken", "pk")
        .first()
    )
    assert busiest is not None, "no generated upcoming event"
    return [
        ("calendar", "/events/"),
        ("calendar, past, page 3", "/events/?past=on&page=3"),
        ("calendar, webinars online", "/events/?kind=webinar&mode=online"),
        ("an event's page", f"/events/{busiest.pk}/"),
        ("the organiser's list", f"/events/{busiest.pk}/manage/"),
    ]


def _client() -> Any:
    from django.test import Client

    from nkohub.accounts.models import User

    operator, _ = User.objects.get_or_create(
        email="bench-operator@example.org",
        defaults={"full_name": "Оператор замера", "is_operator": True, "is_staff": True},
    )
    client = Client()
    client.force_login(operator)
    return client


def run(argv: list[str]) -> None:
    events = _option(argv, "events", 10_000)
    registrations = _option(argv, "registrations", 100_000)
    samples = max(harness.MIN_SAMPLES, _option(argv, "samples", harness.MIN_SAMPLES))

    generate(events // 10, registrations // 10)
    client = _client()
    small = {label: harness.queries_of(path, client=client) for label, path in _pages()}
    generate(events, registrations)
    client = _client()
    for label, path in _pages():
        full = harness.queries_of(path, client=client)
        harness.note(f"{label}: {small[label]} queries at a tenth, {full} at full size")
        harness.figure(
            f"{label}: SQL at full size (a tenth: {small[label]})",
            full,
            goal=min(SQL_GOAL, small[label]),
            unit="q",
        )

        def fetch(url: str = path) -> Any:
            return client.get(url)

        times = harness.sample_ms(fetch, samples=samples, warmup=1)
        harness.p95_figure(f"{label}", times, goal=PAGE_GOAL_MS)
