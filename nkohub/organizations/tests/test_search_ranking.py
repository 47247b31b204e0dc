"""Directory search ranks every match: on a generated registry of a few thousand organisations, the
first pages and the count of a search are those of a brute-force ranking in Python of every match under
the documented formula (docs/architecture.md, "Directory search": static rank, then id) — whether the
search takes the capped path (the ranking's index walked in order) or counts every match."""

import random
from typing import Any

import pytest
from django.db import connection

from nkohub.organizations.models import Organization
from nkohub.organizations.sample_data import sample_organization
from nkohub.organizations.search import search_text_for
from nkohub.organizations.selectors import DirectoryQuery, _filtered, directory_results
from nkohub.organizations.selectors.searching import static_rank_of

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="the ranking's index path is PostgreSQL's"
    ),
]

SIZE = 3000
QUERIES = [
    "благотворительный фонд",
    "ветераны",
    "приют для бездомных собак",
    "спортивный клуб",
    "молодёжные инициативы",
    "Ладушки",
    "казачье общество",
    "экологические субботники",
]


@pytest.fixture
def registry(db: Any) -> None:
    rng = random.Random(14)
    rows = []
    for index in range(SIZE):
        s = sample_organization(rng, index + 1)
        description = s.description if rng.random() < 0.8 else ""
        rows.append(
            Organization(
                full_name=s.full_name,
                short_name=s.short_name,
                inn=s.inn,
                ogrn=s.ogrn,
                description=description,
                is_verified=rng.random() < 0.3,
                status=(
                    Organization.Status.LIQUIDATED
                    if rng.random() < 0.1
                    else Organization.Status.ACTIVE
                ),
                is_published=rng.random() < 0.95,
                search_text=search_text_for(s.full_name, s.short_name, description, s.inn, s.ogrn),
            )
        )
    Organization.objects.bulk_create(rows, batch_size=1000)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE organizations_organization")


def brute_force(q: str) -> list[int]:
    """Every match of the search (no limit, no order), ranked in Python by the documented formula."""
    matching = _filtered(DirectoryQuery(q=q)).order_by().values_list("pk", flat=True)
    organizations = Organization.objects.filter(pk__in=list(matching)).only(
        "pk", "is_verified", "status", "description"
    )
    return [o.pk for o in sorted(organizations, key=lambda o: (-static_rank_of(o), o.pk))]


def page_ids(q: str, start: int, stop: int) -> list[int]:
    return [o.pk for o in directory_results(DirectoryQuery(q=q))[start:stop]]


def test_the_first_pages_and_the_count_are_those_of_ranking_every_match(
    registry: None, monkeypatch: Any
) -> None:
    expected = {q: brute_force(q) for q in QUERIES}
    assert all(expected.values()), "the generated registry has matches of every query"
    # no search capped, the four broadest capped, every search capped: both paths of the selector
    for count_limit, capped in ((1000, 0), (100, 4), (20, len(QUERIES))):
        monkeypatch.setattr("nkohub.organizations.selectors.directory.COUNT_LIMIT", count_limit)
        capped_paths = 0
        for q, ranked in expected.items():
            results = directory_results(DirectoryQuery(q=q))
            assert (results.count(), results.is_capped) == (
                min(len(ranked), count_limit),
                len(ranked) > count_limit,
            ), q
            capped_paths += results.is_capped
            assert page_ids(q, 0, 20) == ranked[:20], q
            assert page_ids(q, 20, 40) == ranked[20:40], q
        assert capped_paths == capped


def test_a_capped_search_ranks_matches_beyond_the_first_candidates(
    registry: None, monkeypatch: Any
) -> None:
    """The old selector ranked only the first 1,001 matches in heap order: the organisations with
    the highest rank that sit after them in the table must still come first."""
    monkeypatch.setattr("nkohub.organizations.selectors.directory.COUNT_LIMIT", 10)
    q = "благотворительный фонд"
    expected = brute_force(q)
    first_in_the_table = sorted(expected)[:11]
    assert set(expected[:20]) - set(first_in_the_table), "the top lies beyond the first matches"
    assert page_ids(q, 0, 20) == expected[:20]
