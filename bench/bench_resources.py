"""Resource bank at scale: 100,000 offers and 20,000 open requests; suggestions for one request must take
at most 100 ms at the 95th percentile on PostgreSQL, and the catalogue page a constant number of queries.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/nkohub_resources python -m bench resources [--reset]

The data set is generated once (organisations named «Бенчмарк …») and reused by later runs.
"""

import datetime as dt
import random
import statistics
import time
from typing import Any

OFFERS = 100_000
REQUESTS = 20_000
ORGANIZATIONS = 400
SAMPLES = 200

NOUNS = {
    "premises": [
        "зал",
        "помещение",
        "аудитория",
        "кабинет",
        "переговорная",
        "класс",
        "студия",
        "спортзал",
    ],
    "equipment": [
        "проектор",
        "ноутбук",
        "колонка",
        "микрофон",
        "фотоаппарат",
        "принтер",
        "экран",
        "палатка",
    ],
    "transport": ["микроавтобус", "автобус", "автомобиль", "грузовик", "прицеп", "газель"],
    "specialist": [
        "бухгалтер",
        "юрист",
        "психолог",
        "дизайнер",
        "фотограф",
        "волонтёр",
        "переводчик",
    ],
    "materials": ["краска", "доски", "бумага", "ткань", "одежда", "игрушки", "книги", "продукты"],
    "other": ["помощь", "место", "склад", "площадка", "стенд"],
}
ADJECTIVES = [
    "просторный",
    "новый",
    "удобный",
    "небольшой",
    "современный",
    "светлый",
    "тёплый",
    "большой",
]
PURPOSES = [
    "для семинара",
    "для тренинга волонтёров",
    "для занятий с детьми",
    "для встречи с родителями",
    "для выставки",
    "для праздника",
    "для перевозки подопечных",
    "для ремонта помещения",
    "для съёмки видео",
    "для консультаций",
    "для благотворительной ярмарки",
    "для мастер-класса",
    "для собрания членов организации",
]


def _phrase(rng: random.Random, category: str) -> tuple[str, str]:
    noun = rng.choice(NOUNS[category])
    title = f"{rng.choice(ADJECTIVES).capitalize()} {noun} {rng.choice(PURPOSES)}"
    description = " ".join(
        [
            f"{rng.choice(ADJECTIVES).capitalize()} {rng.choice(NOUNS[category])} {rng.choice(PURPOSES)}."
            for _ in range(3)
        ]
    )
    return title, description


def _generate(reset: bool) -> None:
    from django.db import connection, transaction
    from django.utils import timezone

    from nkohub.accounts.models import User
    from nkohub.organizations.models import Organization
    from nkohub.resources.models import (
        BOOKABLE_CATEGORIES,
        AvailabilityRule,
        Category,
        ResourceOffer,
        ResourceRequest,
    )
    from nkohub.resources.text import lemma_text
    from nkohub.territories.models import Municipality

    if reset:
        Organization.objects.filter(full_name__startswith="Бенчмарк").delete()
    if (
        ResourceOffer.objects.filter(organization__full_name__startswith="Бенчмарк").count()
        >= OFFERS
    ):
        return
    municipalities = list(
        Municipality.objects.filter(region__code__in=["40", "67"]).values_list("pk", flat=True)
    )
    if not municipalities:
        raise SystemExit("load the territories first: manage.py load_reference")
    rng = random.Random(2026)
    started = time.perf_counter()
    with transaction.atomic():
        user, _ = User.objects.get_or_create(
            email="bench@example.org", defaults={"full_name": "Бенчмарк"}
        )
        organizations = Organization.objects.bulk_create(
            Organization(
                full_name=f"Бенчмарк НКО №{n}",
                short_name=f"Бенчмарк №{n}",
                municipality_id=rng.choice(municipalities),
            )
            for n in range(ORGANIZATIONS)
        )
        categories = list(Category.values)
        today = timezone.localdate()
        offers = []
        for _ in range(OFFERS):
            category = rng.choice(categories)
            title, description = _phrase(rng, category)
            offers.append(
                ResourceOffer(
                    organization=rng.choice(organizations),
                    created_by=user,
                    category=category,
                    title=title,
                    description=description,
                    municipality_id=rng.choice(municipalities),
                    terms=rng.choice(["free", "discounted", "exchange"]),
                    status=rng.choices(["published", "draft", "paused", "archived"], [85, 5, 5, 5])[
                        0
                    ],
                    published_at=timezone.now(),
                    search_lemmas=lemma_text(f"{title} {description}"),
                )
            )
        offers = ResourceOffer.objects.bulk_create(offers, batch_size=5000)
        rules = [
            AvailabilityRule(offer=offer, weekday=day, start_time=dt.time(9), end_time=dt.time(18))
            for offer in offers
            if offer.category in BOOKABLE_CATEGORIES
            for day in rng.sample(range(7), rng.randint(1, 5))
        ]
        AvailabilityRule.objects.bulk_create(rules, batch_size=10000)
        masks: dict[int, int] = {}
        for rule in rules:
            masks[rule.offer_id] = masks.get(rule.offer_id, 0) | (1 << rule.weekday)
        for offer in offers:
            offer.weekdays = masks.get(offer.pk, 0)
        ResourceOffer.objects.bulk_update(offers, ["weekdays"], batch_size=5000)
        requests = []
        for _ in range(REQUESTS):
            category = rng.choice(categories)
            title, purpose = _phrase(rng, category)
            start = today + dt.timedelta(days=rng.randint(1, 60))
            requests.append(
                ResourceRequest(
                    organization=rng.choice(organizations),
                    created_by=user,
                    category=category,
                    title=title,
                    purpose=purpose,
                    municipality_id=rng.choice(municipalities),
                    needed_from=start,
                    needed_until=start + dt.timedelta(days=rng.choice([0, 0, 1, 3, 7, 14])),
                    search_lemmas=lemma_text(f"{title} {purpose}"),
                )
            )
        ResourceRequest.objects.bulk_create(requests, batch_size=5000)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(
                    "UPDATE resources_resourceoffer SET search_vector = setweight(to_tsvector('russian', title), 'A')"
                    " || setweight(to_tsvector('russian', description), 'B') WHERE search_vector IS NULL"
                )
                cursor.execute(
                    "UPDATE resources_resourcerequest SET search_vector = setweight(to_tsvector('russian', title), 'A')"
                    " || setweight(to_tsvector('russian', purpose), 'B') WHERE search_vector IS NULL"
                )
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE resources_resourceoffer")
            cursor.execute("VACUUM ANALYZE resources_resourcerequest")
    print(
        f"generated {OFFERS} offers, {len(rules)} weekly windows, {REQUESTS} requests in {time.perf_counter() - started:.0f} s"
    )


def _percentiles(name: str, timings: list[float], budget_ms: float | None = None) -> None:
    timings = sorted(t * 1000 for t in timings)
    p95 = timings[int(len(timings) * 0.95) - 1]
    verdict = (
        ""
        if budget_ms is None
        else (" OK" if p95 <= budget_ms else f" OVER BUDGET ({budget_ms:.0f} ms)")
    )
    print(
        f"{name}: n={len(timings)} p50={statistics.median(timings):.1f} ms p95={p95:.1f} ms max={timings[-1]:.1f} ms{verdict}"
    )


def run(argv: list[str]) -> None:
    from django.contrib.auth.models import AnonymousUser
    from django.db import connection
    from django.test import RequestFactory
    from django.test.utils import CaptureQueriesContext

    from nkohub.resources import selectors, views
    from nkohub.resources.models import ResourceOffer, ResourceRequest

    _generate(reset="--reset" in argv)
    print(
        f"database: {connection.vendor}; offers: {ResourceOffer.objects.count()}, "
        f"open requests: {ResourceRequest.objects.filter(status__in=ResourceRequest.ACTIVE_STATUSES).count()}"
    )
    rng = random.Random(7)
    request_ids = list(ResourceRequest.objects.filter(status="open").values_list("pk", flat=True))
    offer_ids = list(ResourceOffer.objects.filter(status="published").values_list("pk", flat=True))

    timings = []
    for pk in rng.sample(request_ids, SAMPLES):
        resource_request = selectors.request_with_details(pk)
        assert resource_request is not None
        started = time.perf_counter()
        suggestions = selectors.suggested_offers(resource_request)
        timings.append(time.perf_counter() - started)
        assert len(suggestions) <= selectors.SUGGESTIONS
    _percentiles("suggested offers for one request", timings, budget_ms=100)

    timings = []
    for pk in rng.sample(offer_ids, SAMPLES // 2):
        offer = selectors.offer_with_details(pk)
        assert offer is not None
        started = time.perf_counter()
        selectors.suggested_requests(offer)
        timings.append(time.perf_counter() - started)
    _percentiles("suggested requests for one offer", timings)

    factory = RequestFactory()
    counts = {}
    timings = []
    for page in (1, 2, 50, 500):
        http_request: Any = factory.get("/resources/", {"page": page})
        http_request.user = AnonymousUser()
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = views.catalogue(http_request)
            timings.append(time.perf_counter() - started)
        assert response.status_code == 200
        counts[page] = len(queries.captured_queries)
    print(
        f"catalogue queries by page: {counts} ({'constant' if len(set(counts.values())) == 1 else 'NOT constant'})"
    )
    _percentiles("catalogue page render", timings)
    for q in ("зал для семинара", "микроавтобус"):
        http_request = factory.get("/resources/", {"q": q, "category": "premises"})
        http_request.user = AnonymousUser()
        started = time.perf_counter()
        views.catalogue(http_request)
        print(f"catalogue search {q!r}: {(time.perf_counter() - started) * 1000:.1f} ms")
