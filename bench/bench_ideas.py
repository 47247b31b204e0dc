"""The idea bank at scale: 1,000,000 supports over 10,000 ideas (a few ideas collect most of them).
The list stays constant in SQL queries (the same count at a tenth of the supports) and its first page
answers within 100 ms at the 95th percentile; a support (row, counter, threshold check) within 50 ms;
the counters never drift from COUNT(*) of the supports.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/nkohub_bench python -m bench ideas
    python -m bench ideas --supports=20000      # a quick run at a small size

Ideas and their supporters are generated deterministically (bench-idea-N, bench-supporter-N) and made
again only when the counts differ from the size asked for; the rest of the data set is left alone.
"""

import random
import time
from typing import Any

from bench import data, harness

SUPPORTS = 1_000_000
SAMPLES = 100
BATCH = 10_000


def _option(argv: list[str], name: str, default: int) -> int:
    for arg in argv:
        if arg.startswith(f"--{name}="):
            return int(arg.split("=", 1)[1])
    return default


def _shape(supports: int) -> tuple[int, int, int]:
    """(ideas, people, supports per person) for `supports` supports."""
    ideas = max(supports // 100, 50)
    per_person = 20
    return ideas, max(supports // per_person, per_person), per_person


def ensure(supports: int) -> None:
    """Exactly `supports` generated supports, their ideas and people, the counters set from the rows."""
    from django.contrib.auth.hashers import make_password
    from django.db import transaction
    from django.db.models import Count, OuterRef, Subquery

    from nkohub.accounts.models import User
    from nkohub.ideas.models import Idea, IdeaSupport
    from nkohub.organizations.models import Organization, Sphere
    from nkohub.territories.models import Municipality, Region

    generated = IdeaSupport.objects.filter(idea__title__startswith="bench-idea-")
    if generated.count() == supports and not _drifted():
        return
    started = time.perf_counter()
    ideas_n, people_n, per_person = _shape(supports)
    rng = random.Random(18)
    unusable = make_password(None)
    with transaction.atomic():
        Idea.objects.filter(title__startswith="bench-idea-").delete()
        User.objects.filter(email__startswith="bench-supporter-").delete()
        region = Region.objects.get_or_create(code="40", defaults={"name": "Калужская область"})[0]
        places = list(Municipality.objects.filter(region=region)[:20]) or [
            Municipality.objects.create(region=region, name="Калуга", kind="urban_district")
        ]
        spheres = list(Sphere.objects.all()[:10]) or [
            Sphere.objects.create(code="bench", name="Сфера бенчмарка")
        ]
        authorities = list(Organization.objects.filter(kind="authority")[:5])
        Idea.objects.bulk_create(
            Idea(
                title=f"bench-idea-{n} Пандус и велодорожка",
                problem="Проблема для бенчмарка",
                proposal="Предложение для бенчмарка",
                municipality=places[n % len(places)],
                sphere=spheres[n % len(spheres)],
                addressee=authorities[n % len(authorities)] if authorities and n % 3 else None,
            )
            for n in range(ideas_n)
        )
        User.objects.bulk_create(
            (
                User(email=f"bench-supporter-{n}@bench.invalid", password=unusable)
                for n in range(people_n)
            ),
            batch_size=BATCH,
        )
    idea_ids = list(
        Idea.objects.filter(title__startswith="bench-idea-")
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    people = User.objects.filter(email__startswith="bench-supporter-").order_by("pk")
    # Popularity falls with the rank (a Pareto-like tail): the first ideas collect most supports.
    weights = [1 / (rank + 1) ** 0.8 for rank in range(len(idea_ids))]
    rows: list[Any] = []
    made = 0
    for user_id in people.values_list("pk", flat=True).iterator(chunk_size=BATCH):
        want = min(per_person, supports - made)
        if want <= 0:
            break
        chosen: set[int] = set()
        while len(chosen) < want:
            chosen.update(rng.choices(idea_ids, weights=weights, k=want - len(chosen)))
        rows.extend(IdeaSupport(idea_id=idea_id, user_id=user_id) for idea_id in chosen)
        made += want
        if len(rows) >= BATCH:
            IdeaSupport.objects.bulk_create(rows, batch_size=BATCH)
            rows = []
    IdeaSupport.objects.bulk_create(rows, batch_size=BATCH)
    counts = (
        IdeaSupport.objects.filter(idea=OuterRef("pk"))
        .order_by()
        .values("idea")
        .annotate(n=Count("pk"))
        .values("n")
    )
    Idea.objects.filter(title__startswith="bench-idea-").update(supports_count=Subquery(counts))
    Idea.objects.filter(title__startswith="bench-idea-", supports_count__isnull=True).update(
        supports_count=0
    )
    harness.note(
        f"generated {ideas_n:,} ideas, {people_n:,} people, {made:,} supports "
        f"in {time.perf_counter() - started:.0f} s"
    )


def _drifted() -> int:
    """Ideas whose counter differs from the number of their supports."""
    from django.db.models import Count, F

    from nkohub.ideas.models import Idea

    return Idea.objects.annotate(rows=Count("supports")).exclude(supports_count=F("rows")).count()


def _list_page_ms(client: Any, path: str) -> list[float]:
    def get() -> None:
        if client.get(path).status_code != 200:
            raise RuntimeError(f"{path} did not answer 200")

    return harness.sample_ms(get, samples=SAMPLES, warmup=2)


def run(argv: list[str]) -> None:
    from django.conf import settings
    from django.test import Client

    from nkohub.accounts.models import User
    from nkohub.ideas import services
    from nkohub.ideas.models import Idea

    supports = _option(argv, "supports", SUPPORTS)
    settings.IDEAS_APPEAL_THRESHOLD = (
        10**9
    )  # measure the support itself, not the appeal it may make
    client = Client()
    data._ensure_database()  # created and migrated when missing

    ensure(max(supports // 10, 1000))
    small = {path: harness.queries_of(path, client=client) for path in _paths()}
    ensure(supports)
    data.analyze()
    for path in _paths():
        queries = harness.queries_of(path, client=client)
        harness.note(f"{path}: {queries} queries (at a tenth of the supports: {small[path]})")
        harness.figure(
            f"extra queries of {path} at 10× supports", queries - small[path], goal=0, unit=""
        )
    harness.p95_figure("the list, most supported first", _list_page_ms(client, "/ideas/"), goal=100)
    harness.p95_figure(
        "the list, newest first", _list_page_ms(client, "/ideas/?sort=new"), goal=100
    )

    popular = Idea.objects.filter(title__startswith="bench-idea-").order_by("-supports_count")[0]
    fresh = [
        User.objects.create(email=f"bench-supporter-x{n}-{time.time_ns()}@bench.invalid")
        for n in range(SAMPLES)
    ]
    people = iter(fresh)
    times = harness.sample_ms(
        lambda: services.idea_support(actor=next(people), idea=popular), samples=SAMPLES
    )
    harness.p95_figure("a support of the most supported idea", times, goal=50)
    User.objects.filter(pk__in=[person.pk for person in fresh]).delete()
    Idea.objects.filter(pk=popular.pk).update(supports_count=popular.supports_count)
    harness.figure("ideas whose counter drifted from the rows", _drifted(), goal=0, unit="")


def _paths() -> list[str]:
    return ["/ideas/", "/ideas/?sort=new", "/ideas/?q=пандус", "/ideas/?status=new&sort=new"]
