"""The directory: filters, sorting, card data and bounded counting of results."""

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from functools import cached_property

from django.core.cache import cache
from django.db import DatabaseError
from django.db.models import F, Prefetch, QuerySet

from nkohub.core.db_router import read_connection
from nkohub.organizations import search
from nkohub.organizations.models import (
    Organization,
    Sphere,
)
from nkohub.organizations.selectors.common import (
    COUNT_LIMIT,
    DirectoryQuery,
    _is_postgres,
    published_organizations,
)
from nkohub.organizations.selectors.searching import (
    StoredSearchRank,
    _search_postgres,
    _search_sqlite,
)


def _filtered(
    query: DirectoryQuery, *, without: str = "", exact: bool = False
) -> QuerySet[Organization]:
    """The published rows the query's filters and search match, with their rank when searched."""
    organizations = published_organizations()
    if query.kind and without != "kind":
        organizations = organizations.filter(kind=query.kind)
    if query.sphere and without != "sphere":
        organizations = organizations.filter(spheres__code=query.sphere)
    if query.register and without != "register":
        organizations = organizations.filter(register=query.register)
    if query.legal_form and without != "legal_form":
        organizations = organizations.filter(legal_form_id=query.legal_form)
    if query.municipality and without != "municipality":
        organizations = organizations.filter(municipality_id=query.municipality)
    if query.verified and without != "verified":
        organizations = organizations.filter(is_verified=True)
    if query.q.strip():
        organizations = (_search_postgres if _is_postgres() else _search_sqlite)(
            organizations, query, exact=exact
        )
    return organizations


def _ordered(organizations: QuerySet[Organization], sort: str) -> QuerySet[Organization]:
    if sort == "relevance":
        # the stored rank is never NULL: a plain DESC matches the index organization_search_order
        return organizations.order_by(F("relevance").desc(), "pk")
    if sort == "-registration_date":
        return organizations.order_by(
            F("registration_date").desc(nulls_last=True), "full_name", "pk"
        )
    if sort == "-created_at":
        return organizations.order_by("-created_at", "-pk")
    return organizations.order_by("full_name", "pk")


def _sorted(query: DirectoryQuery, *, exact: bool = False) -> QuerySet[Organization]:
    return _ordered(_filtered(query, exact=exact), query.effective_sort)


def _with_card_data(organizations: QuerySet[Organization]) -> QuerySet[Organization]:
    return (
        organizations.select_related("municipality", "legal_form")
        .prefetch_related(
            Prefetch("spheres", queryset=Sphere.objects.only("pk", "code", "name", "position"))
        )
        .defer("search_text", "social_links")
    )


def _cards(ids: list[int]) -> list[Organization]:
    """The page's organisations in the order of `ids`, each with `card_spheres`, the names of its
    spheres in their order: two queries, and plain lists instead of a related manager per row."""
    found = Organization.objects.filter(pk__in=ids).select_related("municipality", "legal_form")
    rows = {o.pk: o for o in found.defer("search_text", "social_links")}
    spheres: dict[int, list[str]] = {pk: [] for pk in rows}
    through = Organization.spheres.through.objects.filter(organization_id__in=ids)
    for organization_id, name in through.order_by("sphere__position", "sphere__name").values_list(
        "organization_id", "sphere__name"
    ):
        spheres[organization_id].append(name)
    for pk, organization in rows.items():
        organization.card_spheres = spheres[pk]
    return [rows[pk] for pk in ids if pk in rows]


def directory_organizations(query: DirectoryQuery) -> QuerySet[Organization]:
    """The directory's rows: filtered, searched, sorted, with what a card shows."""
    return _with_card_data(_sorted(query))


@contextmanager
def _planner_without(setting: str) -> Iterator[None]:
    """PostgreSQL's planner without one kind of plan (enable_seqscan, enable_bitmapscan) for the
    statements inside, on this connection; put back afterwards (a failed transaction puts it back
    itself when it is rolled back). Two statements, and no transaction of its own."""
    with read_connection(Organization).cursor() as cursor:  # where the ORM query will read
        cursor.execute(
            "SELECT current_setting(%s), set_config(%s, 'off', false)", [setting, setting]
        )
        previous = cursor.fetchone()[0]
        try:
            yield
        finally:
            # when the enclosing transaction failed, its rollback restores the setting itself
            with suppress(DatabaseError):
                cursor.execute("SELECT set_config(%s, %s, false)", [setting, previous])


COUNTS_SECONDS = 60  # a filtered count of the registry is kept this long at most
WALK_PAGES_UP_TO = 200  # a capped search's pages before this offset walk the ranking's index


class DirectoryResults:
    """The directory for the paginator: counts and sorts a narrow query (ids only), then loads just
    the page's rows with their joins — a broad search sorts ids, not wide rows.

    A PostgreSQL search first takes at most COUNT_LIMIT + 1 of its matches in no order (the GIN index
    and a few heap pages: cheap whatever the number of matches). When they are all the matches, they
    are sorted in the same query and serve both the exact count and every page. When there are more,
    the count says "more than COUNT_LIMIT" and the page is the true top of *every* match in the
    requested order, read by a second query that the sort's index answers (organization_search_order
    for the ranking: the walk stops at the end of the page). The first query's candidates come from
    the whole-word matches (lemmas and roots, no prefixes — cheap for the GIN index); only when those
    are too few to cap the count and a short word could also match as a prefix does it search again
    with the prefixes. Without a search, the count and the page's ids are two narrow queries. Then the
    page's rows and their spheres: a fixed number of queries per page whatever the registry's size."""

    ordered = True  # for Paginator's check; the sort is in the query

    def __init__(self, query: DirectoryQuery, *, stamp: str | None = None) -> None:
        self._query = query
        self._stamp = stamp
        self._bounded = bool(query.q.strip()) and _is_postgres()
        self._candidates: list[int] | None = None
        self._count: int | None = None
        self.is_capped = False

    @cached_property
    def _sorted(self) -> QuerySet[Organization]:
        return _sorted(self._query)

    def _bounded_ids(self) -> list[int]:
        """At most COUNT_LIMIT + 1 matches; when they are all the matches, sorted."""
        if self._candidates is None:
            # The candidates must come from the GIN index. With their LIMIT, the planner may prefer
            # a sequential scan that stops at the first candidates, as if matches were spread
            # evenly; when they sit at the end of the table it reads most of it.
            with _planner_without("enable_seqscan"):
                ids = self._search_ids()
            if len(ids) <= COUNT_LIMIT:  # every match: sort them (a few hundred rows at most)
                among = Organization.objects.filter(pk__in=ids)
                if self._query.effective_sort == "relevance":
                    among = among.annotate(relevance=StoredSearchRank())
                ids = list(_ordered(among, self._query.effective_sort).values_list("pk", flat=True))
            self._candidates = ids
        return self._candidates

    def _search_ids(self) -> list[int]:
        """Up to COUNT_LIMIT + 1 matches in no order: the GIN index and a few heap pages."""
        parsed = search.parse_query(self._query.q)
        digits = "".join(self._query.q.split())
        if parsed and not digits.isdigit():
            exact = _filtered(self._query, exact=True).order_by().values_list("pk", flat=True)
            ids = list(exact[: COUNT_LIMIT + 1])
            has_prefixes = any(len(word.alternatives) == 1 for word in parsed)
            if len(ids) > COUNT_LIMIT or not has_prefixes:
                return ids
        every = _filtered(self._query).order_by().values_list("pk", flat=True)
        return list(every[: COUNT_LIMIT + 1])

    def count(self) -> int:
        """A search counts exactly up to COUNT_LIMIT; beyond it the page says "more than" and asks to
        refine. Filters alone count exactly: the registry's own figure, whatever its size."""
        if self._count is None:
            if self._bounded:
                found = len(self._bounded_ids())
            elif not self._query.q.strip():
                self._count = self._filtered_count()
                return self._count
            else:
                found = self._sorted.order_by().values("pk")[: COUNT_LIMIT + 1].count()
            self.is_capped = found > COUNT_LIMIT
            self._count = min(found, COUNT_LIMIT)
        return self._count

    def _filtered_count(self) -> int:
        """Filters alone: every row counted (at 200,000 a scan of the table), so the figure is
        cached under the registry's stamp (which any write changes) when the caller has read it."""
        if self._stamp is None:
            return self._sorted.order_by().values("pk").count()
        stamp = self._stamp
        key = (
            "organizations:count:v1:"
            + hashlib.md5(repr((self._query, stamp)).encode(), usedforsecurity=False).hexdigest()
        )
        count = cache.get(key)
        if count is None:
            count = self._sorted.order_by().values("pk").count()
            cache.set(key, count, COUNTS_SECONDS)
        return int(count)

    def __len__(self) -> int:
        return self.count()

    def _page_ids(self, key: slice) -> list[int]:
        if self._bounded:
            self.count()
            if not self.is_capped:
                return self._bounded_ids()[key]
            # more matches than candidates: the true top of them all, in the sort's order
            every_match = _sorted(self._query).values_list("pk", flat=True)[key]
            if self._query.effective_sort != "relevance" or (key.start or 0) >= WALK_PAGES_UP_TO:
                return list(every_match)
            # The ranking's index walked in order, stopping at the end of the page: the matches
            # are known to be over COUNT_LIMIT, so (unless they gather at the end of the index)
            # a page of them comes within the first few thousand entries. The planner cannot know
            # it — it multiplies the words' selectivities and expects a few dozen matches — and
            # would fetch and sort them all.
            with _planner_without("enable_bitmapscan"):
                return list(every_match)
        return list(self._sorted.values_list("pk", flat=True)[key])

    def __getitem__(self, key: slice) -> list[Organization]:
        ids = self._page_ids(key)
        if not ids:
            return []
        return _cards(ids)


def directory_results(query: DirectoryQuery, *, stamp: str | None = None) -> DirectoryResults:
    return DirectoryResults(query, stamp=stamp)


def directory_export_rows(query: DirectoryQuery) -> QuerySet[Organization]:
    return directory_organizations(query).select_related("municipality__region")


def registry_count(*, kind: str = Organization.Kind.NGO) -> int:
    """How many organisations of the kind are in the registry: exactly the rows the directory shows
    for `?kind=<kind>` (published ones, liquidated included and marked as such) — the one definition
    the home page's «НКО в реестре» and the directory's «Найдено» share."""
    return directory_results(DirectoryQuery(kind=kind)).count()
