"""News at scale: 100,000 published items (by default) of 500 organisations over two years, a fifth of
them picked up by media, and 10,000 mentions. The feed (plain, searched, filtered by month and by
sphere), an item's page, the RSS and Atom feeds, a media desk and the region's media activity must each
answer in at most 200 ms at the 95th percentile, with the same number of SQL queries as at a tenth of
the size.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/nkohub_bench python -m bench news [--items=100000]

The items are generated once (bulk inserts, a seeded random generator) and topped up or cut to the
size asked; `--items=2000` is a quick run. The organisations are the benchmark's own («bench-news-N»).
"""

import datetime as dt
import random
import time

from django.db import transaction
from django.test import Client
from django.utils import timezone

from bench import data, harness

GOAL_MS = 200.0
ORGANIZATIONS = 500
SAMPLES = 100  # the harness wants at least 100 for a p95
WORDS = [
    "волонтёры",
    "субботник",
    "берег",
    "концерт",
    "фестиваль",
    "библиотека",
    "школа",
    "семья",
    "дети",
    "пожилые",
    "помощь",
    "проект",
    "грант",
    "конкурс",
    "выставка",
    "экология",
    "парк",
    "музей",
    "спорт",
    "инклюзия",
    "наставники",
    "ярмарка",
]


def _option(argv: list[str], name: str, default: int) -> int:
    for arg in argv:
        if arg.startswith(f"--{name}="):
            return int(arg.split("=", 1)[1])
    return default


def _organizations() -> list[int]:
    from nkohub.core.identifiers import make_inn_legal, make_ogrn
    from nkohub.organizations.models import Organization, Sphere

    mark = "bench-news-"
    existing = list(
        Organization.objects.filter(source_id__startswith=mark)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    if len(existing) >= ORGANIZATIONS:
        return existing[:ORGANIZATIONS]
    rng = random.Random(1818)
    spheres = list(Sphere.objects.all()[:13])
    made = []
    for number in range(len(existing), ORGANIZATIONS):
        made.append(
            Organization(
                full_name=f"Автономная некоммерческая организация «Новости {number}»",
                short_name=f"АНО «Новости {number}»",
                inn=make_inn_legal(rng),
                ogrn=make_ogrn(rng),
                source_id=f"{mark}{number}",
                is_verified=True,
                is_demo=True,
            )
        )
    Organization.objects.bulk_create(made, batch_size=500)
    created = list(
        Organization.objects.filter(source_id__startswith=mark)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    if spheres:
        through = Organization.spheres.through
        through.objects.bulk_create(
            [
                through(organization_id=pk, sphere_id=spheres[index % len(spheres)].pk)
                for index, pk in enumerate(created)
                if pk not in existing
            ],
            ignore_conflicts=True,
        )
    return created


def _outlet() -> int:
    from nkohub.core.identifiers import make_inn_legal, make_ogrn
    from nkohub.organizations.models import Organization

    outlet, _ = Organization.objects.get_or_create(
        source_id="bench-news-outlet",
        defaults={
            "kind": Organization.Kind.MEDIA,
            "full_name": "Редакция «Бенчмарк-новости»",
            "short_name": "«Бенчмарк-новости»",
            "inn": make_inn_legal(random.Random(5)),
            "ogrn": make_ogrn(random.Random(5)),
            "is_demo": True,
        },
    )
    return int(outlet.pk)


@transaction.atomic
def ensure_news(items: int) -> None:
    """Exactly `items` generated news items (titled «[bench] …»), with their pick-ups and mentions."""
    from nkohub.news.models import Mention, NewsItem, Pickup

    generated = NewsItem.objects.filter(title__startswith="[bench]")
    have = generated.count()
    if have == items:
        return
    organizations = _organizations()
    outlet = _outlet()
    if have > items:
        cut = list(generated.order_by("-pk").values_list("pk", flat=True)[: have - items])
        NewsItem.objects.filter(pk__in=cut).delete()
        return
    rng = random.Random(have)
    now = timezone.now()
    batch: list[NewsItem] = []
    for number in range(have, items):
        words = " ".join(rng.sample(WORDS, 4))
        when = now - dt.timedelta(minutes=rng.randint(0, 730 * 24 * 60))
        batch.append(
            NewsItem(
                organization_id=organizations[number % len(organizations)],
                title=f"[bench] {words} {number}",
                body=f"{words.capitalize()}: " + " ".join(rng.choices(WORDS, k=60)),
                status=NewsItem.Status.PUBLISHED,
                published_at=when,
                created_at=when,
                is_demo=True,
            )
        )
        if len(batch) == 5000:
            NewsItem.objects.bulk_create(batch)
            batch = []
    NewsItem.objects.bulk_create(batch)
    new = NewsItem.objects.filter(title__startswith="[bench]", pk__gt=0).order_by("-pk")
    pickups = [
        Pickup(
            news_id=pk,
            outlet_id=outlet,
            status=Pickup.Status.PUBLISHED,
            publication_url=f"https://bench-news.example/{pk}",
            published_on=timezone.localdate(published),
            taken_at=published,
        )
        for pk, published in new.values_list("pk", "published_at")[: items - have]
        if pk % 5 == 0 and published is not None
    ]
    Pickup.objects.bulk_create(pickups, batch_size=5000, ignore_conflicts=True)
    mentions = [
        Mention(
            organization_id=organizations[number % len(organizations)],
            url=f"https://bench-mentions.example/{number}",
            outlet="Бенчмарк ТВ",
            published_on=timezone.localdate() - dt.timedelta(days=number % 700),
            is_demo=True,
        )
        for number in range(have // 10, items // 10)
    ]
    Mention.objects.bulk_create(mentions, batch_size=5000, ignore_conflicts=True)


def _page(client: Client, name: str, path: str) -> None:
    queries = harness.queries_of(path, client=client)
    times = harness.sample_ms(lambda: client.get(path), samples=SAMPLES, warmup=1)
    harness.note(f"{name}: {queries} SQL queries, {harness.describe(times)}")
    harness.p95_figure(name, times, goal=GOAL_MS)


def run(argv: list[str]) -> None:
    from django.contrib.auth import get_user_model

    from nkohub.news.models import NewsItem
    from nkohub.organizations.models import Membership, Organization, Sphere

    items = _option(argv, "items", 100_000)
    data._ensure_database()  # created and migrated when missing, as for every benchmark
    started = time.perf_counter()
    ensure_news(items)
    data.analyze()
    harness.note(
        f"news: {NewsItem.objects.filter(title__startswith='[bench]').count():,} generated items"
        f" (ready in {time.perf_counter() - started:.0f} s)"
    )
    client = Client()
    month = f"{timezone.localdate().replace(day=1) - dt.timedelta(days=40):%Y-%m}"
    item = NewsItem.objects.filter(title__startswith="[bench]").order_by("pk").first()
    organization = Organization.objects.filter(source_id="bench-news-7").first()
    sphere = Sphere.objects.order_by("pk").first()
    _page(client, "news feed", "/news/")
    _page(client, "news feed, page 50", "/news/?page=50")
    _page(
        client,
        "news feed, searched",
        "/news/?q=%D1%81%D1%83%D0%B1%D0%B1%D0%BE%D1%82%D0%BD%D0%B8%D0%BA",
    )
    # a word in a handful of items (the item numbers end every title): the index must find them,
    # not a scan of the whole feed
    _page(client, "news feed, searched for a rare word", "/news/?q=4242")
    _page(client, "news feed, one month", f"/news/?month={month}")
    if sphere is not None:
        _page(client, "news feed, one sphere", f"/news/?sphere={sphere.code}")
        _page(client, "Atom feed of a sphere", f"/news/feed/spheres/{sphere.code}/atom/")
    if item is not None:
        _page(client, "a news item's page", f"/news/{item.pk}/")
    _page(client, "RSS feed", "/news/feed/rss/")
    if organization is not None:
        _page(
            client,
            "RSS feed of an organisation",
            f"/news/feed/organizations/{organization.pk}/rss/",
        )
        _page(
            client,
            "an organisation's media activity",
            f"/news/organizations/{organization.pk}/activity/",
        )
    _page(client, "the region's media activity", "/news/activity/")
    journalist, _ = get_user_model().objects.get_or_create(
        email="bench-journalist@example.org", defaults={"full_name": "Журналист Бенчмарка"}
    )
    Membership.objects.get_or_create(
        user=journalist,
        organization_id=_outlet(),
        defaults={"role": Membership.Role.MEMBER},
    )
    client.force_login(journalist)
    _page(client, "a media desk", "/news/desk/")
