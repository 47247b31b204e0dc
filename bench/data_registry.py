"""The generated registry and resource bank of the benchmarks' data set (bench/data.py): organisations
`bench-0` … `bench-(N-1)`, each from a generator seeded with its number, and the offers and requests of
the resource bank. Each `ensure_*` makes its tables hold exactly the wanted rows and says whether it
had to change anything."""

import datetime as dt
import random
import time
import uuid
from collections import defaultdict
from typing import Any

from bench.data_words import offer_phrase

SEED = 2026
BATCH = 5000
# Dates are fixed, not "today": the same data set on any day (competitions close until 2029).
ANCHOR = dt.date(2026, 12, 1)
AUTHORITIES = 5  # organisations 0..4 are authorities, the addressees of appeals
OFFER_OWNERS = 400  # organisations 5..404 offer resources
PROJECT_OWNERS = 1000  # organisations 405..1404 run the fair's projects and write appeals
FIRST_OFFER_OWNER = AUTHORITIES
FIRST_PROJECT_OWNER = AUTHORITIES + OFFER_OWNERS
NAMESPACE = uuid.UUID("0b7f1d4e-2c61-4a8e-9d3f-5b0c6a7e8f91")


def delete_all(queryset: Any) -> None:
    """Delete, first deleting whatever protects the rows (a benchmark database only)."""
    from django.db.models import ProtectedError, RestrictedError

    for _ in range(10):
        try:
            queryset.delete()
            return
        except (ProtectedError, RestrictedError) as error:
            blockers = (
                error.protected_objects
                if isinstance(error, ProtectedError)
                else error.restricted_objects
            )
            by_model: dict[Any, list[int]] = defaultdict(list)
            for obj in blockers:
                by_model[type(obj)].append(obj.pk)
            for model, pks in by_model.items():
                delete_all(model.objects.filter(pk__in=pks))
    queryset.delete()


def bench_user() -> Any:
    from nkohub.accounts.models import User

    user, _ = User.objects.get_or_create(
        email="bench@example.org", defaults={"full_name": "Бенчмарк"}
    )
    return user


def registry_pks(first: int, count: int) -> list[int]:
    from nkohub.organizations.models import Organization

    wanted = [f"bench-{n}" for n in range(first, first + count)]
    found = dict(Organization.objects.filter(source_id__in=wanted).values_list("source_id", "pk"))
    return [found[s] for s in wanted]


# --- organisations ------------------------------------------------------------------------------


def ensure_organizations(count: int) -> bool:
    """Organisations `bench-0` … `bench-(N-1)` and nothing else."""
    from nkohub.organizations.models import Organization

    present: set[int] = set()
    extra: list[int] = []
    for pk, source_id in Organization.objects.values_list("pk", "source_id").iterator(10_000):
        index = _generated_index(source_id)
        if index is not None and index < count and index not in present:
            present.add(index)
        else:
            extra.append(pk)
    missing = [n for n in range(count) if n not in present]
    if not extra and not missing:
        return False
    for start in range(0, len(extra), BATCH):
        delete_all(Organization.objects.filter(pk__in=extra[start : start + BATCH]))
    _create_organizations(missing)
    return True


def _generated_index(source_id: str) -> int | None:
    number = source_id.removeprefix("bench-")
    return int(number) if number != source_id and number.isdigit() else None


def _create_organizations(indices: list[int]) -> None:
    from nkohub.organizations.models import LegalForm, Organization, Sphere
    from nkohub.organizations.sample_data import sample_organization
    from nkohub.organizations.search import search_text_for
    from nkohub.territories.models import Municipality

    municipalities = {
        m.name.removesuffix(" район"): m.pk for m in Municipality.objects.filter(region__code="40")
    }
    forms = dict(LegalForm.objects.values_list("name", "pk"))
    spheres = dict(Sphere.objects.values_list("code", "pk"))
    through = Organization.spheres.through
    started = time.perf_counter()
    for start in range(0, len(indices), BATCH):
        batch, sphere_codes = [], []
        for index in indices[start : start + BATCH]:
            s = sample_organization(random.Random(SEED * 1_000_003 + index), index + 1)
            kind = Organization.Kind.AUTHORITY if index < AUTHORITIES else Organization.Kind.NGO
            batch.append(
                Organization(
                    kind=kind,
                    full_name=s.full_name,
                    short_name=s.short_name,
                    legal_form_id=forms.get(s.legal_form),
                    inn=s.inn,
                    ogrn=s.ogrn,
                    municipality_id=municipalities.get(s.municipality),
                    address=s.address,
                    description=s.description,
                    registration_date=s.registration_date,
                    website=s.website,
                    public_email=s.public_email,
                    public_phone=s.public_phone,
                    is_verified=s.is_verified,
                    source=Organization.Source.DEMO,
                    source_id=f"bench-{index}",
                    is_demo=True,
                    search_text=search_text_for(
                        s.full_name, s.short_name, s.description, s.inn, s.ogrn
                    ),
                )
            )
            sphere_codes.append(s.spheres)
        Organization.objects.bulk_create(batch)
        through.objects.bulk_create(
            through(organization_id=o.pk, sphere_id=spheres[c])
            for o, codes in zip(batch, sphere_codes, strict=True)
            for c in codes
            if c in spheres
        )
        done = start + len(batch)
        if done % 50_000 == 0 or done == len(indices):
            print(f"  data: {done:,} organisations in {time.perf_counter() - started:.0f} s")


# --- resource offers and requests ---------------------------------------------------------------


def ensure_offers(offers: int, requests: int) -> bool:
    from nkohub.resources.models import ResourceOffer, ResourceRequest

    if ResourceOffer.objects.count() == offers and ResourceRequest.objects.count() == requests:
        return False
    delete_all(ResourceRequest.objects.all())
    delete_all(ResourceOffer.objects.all())
    _create_offers(offers, requests)
    return True


def _create_offers(count: int, requests_count: int) -> None:
    from django.db import connection, transaction

    from nkohub.resources.models import (
        BOOKABLE_CATEGORIES,
        AvailabilityRule,
        Category,
        ResourceOffer,
        ResourceRequest,
    )
    from nkohub.resources.text import lemma_text
    from nkohub.territories.models import Municipality

    rng = random.Random(SEED + 1)
    municipalities = list(
        Municipality.objects.filter(region__code__in=["40", "67"])
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    owners = registry_pks(FIRST_OFFER_OWNER, OFFER_OWNERS)
    user = bench_user()
    categories = list(Category.values)
    published_at = dt.datetime.combine(ANCHOR, dt.time(12), tzinfo=dt.UTC)
    with transaction.atomic():
        offers = []
        for n in range(count):
            category = rng.choice(categories)
            title, description = offer_phrase(rng, category)
            offers.append(
                ResourceOffer(
                    organization_id=rng.choice(owners),
                    created_by=user,
                    category=category,
                    title=title,
                    description=description,
                    municipality_id=rng.choice(municipalities),
                    terms=rng.choice(["free", "discounted", "exchange"]),
                    status=rng.choices(["published", "draft", "paused", "archived"], [85, 5, 5, 5])[
                        0
                    ],
                    published_at=published_at - dt.timedelta(minutes=n),
                    search_lemmas=lemma_text(f"{title} {description}"),
                )
            )
        offers = ResourceOffer.objects.bulk_create(offers, batch_size=BATCH)
        rules = [
            AvailabilityRule(offer=offer, weekday=day, start_time=dt.time(9), end_time=dt.time(18))
            for offer in offers
            if offer.category in BOOKABLE_CATEGORIES
            for day in rng.sample(range(7), rng.randint(1, 5))
        ]
        AvailabilityRule.objects.bulk_create(rules, batch_size=10_000)
        masks: dict[int, int] = {}
        for rule in rules:
            masks[rule.offer_id] = masks.get(rule.offer_id, 0) | (1 << rule.weekday)
        for offer in offers:
            offer.weekdays = masks.get(offer.pk, 0)
        ResourceOffer.objects.bulk_update(offers, ["weekdays"], batch_size=BATCH)
        requests = []
        for _ in range(requests_count):
            category = rng.choice(categories)
            title, purpose = offer_phrase(rng, category)
            start = ANCHOR + dt.timedelta(days=rng.randint(1, 60))
            requests.append(
                ResourceRequest(
                    organization_id=rng.choice(owners),
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
        ResourceRequest.objects.bulk_create(requests, batch_size=BATCH)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(
                    "UPDATE resources_resourceoffer SET search_vector ="
                    " setweight(to_tsvector('russian', title), 'A')"
                    " || setweight(to_tsvector('russian', description), 'B')"
                )
                cursor.execute(
                    "UPDATE resources_resourcerequest SET search_vector ="
                    " setweight(to_tsvector('russian', title), 'A')"
                    " || setweight(to_tsvector('russian', purpose), 'B')"
                )
