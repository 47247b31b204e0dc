"""The directory: filters, sorting, card data and bounded counting of results."""

from django.db import connection, transaction
from django.db.models import F, Prefetch, QuerySet

from nkohub.organizations import search
from nkohub.organizations.models import (
    Organization,
    Sphere,
)
from nkohub.organizations.selectors.common import (
    COUNT_LIMIT,
    SEARCH_CANDIDATES,
    DirectoryQuery,
    _is_postgres,
    published_organizations,
)
from nkohub.organizations.selectors.searching import _search_postgres, _search_sqlite


def _filtered(
    query: DirectoryQuery, *, without: str = "", bounded: bool = False, exact: bool = False
) -> QuerySet[Organization]:
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
            organizations, query, bounded=bounded, exact=exact
        )
    return organizations


def _sorted(
    query: DirectoryQuery, *, bounded: bool = False, exact: bool = False
) -> QuerySet[Organization]:
    organizations = _filtered(query, bounded=bounded, exact=exact)
    sort = query.effective_sort
    if sort == "relevance":
        return organizations.order_by(F("relevance").desc(nulls_last=True), "full_name", "pk")
    if sort == "-registration_date":
        return organizations.order_by(
            F("registration_date").desc(nulls_last=True), "full_name", "pk"
        )
    if sort == "-created_at":
        return organizations.order_by("-created_at", "-pk")
    return organizations.order_by("full_name", "pk")


def _with_card_data(organizations: QuerySet[Organization]) -> QuerySet[Organization]:
    return (
        organizations.select_related("municipality", "legal_form")
        .prefetch_related(
            Prefetch("spheres", queryset=Sphere.objects.only("pk", "code", "name", "position"))
        )
        .defer("search_text", "social_links")
    )


def directory_organizations(query: DirectoryQuery) -> QuerySet[Organization]:
    """The directory's rows: filtered, searched, sorted, with what a card shows."""
    return _with_card_data(_sorted(query))


class DirectoryResults:
    """The directory for the paginator: counts and sorts a narrow query (ids only), then loads just
    the page's rows with their joins — a broad search sorts thousands of ids, not wide rows.

    A PostgreSQL search is bounded (at most SEARCH_CANDIDATES matches), so its sorted ids come in
    one query that serves both the count and the page: the full-text match runs once, not twice.
    A broad search first takes its candidates among the whole-word matches (lemmas and roots, no
    prefixes — cheap for the GIN index); only when those are fewer than SEARCH_CANDIDATES and a
    short word of the query could also match as a prefix does it search again with the prefixes.
    Otherwise the count and the page's ids are two narrow queries. Then the page's rows and their
    spheres: a fixed number of queries per page whatever the page size or the registry size."""

    ordered = True  # for Paginator's check; the sort is in the query

    def __init__(self, query: DirectoryQuery) -> None:
        self._query = query
        self._sorted = _sorted(query, bounded=True)
        self._bounded = bool(query.q.strip()) and _is_postgres()
        self._ids: list[int] | None = None
        self._count: int | None = None
        self.is_capped = False

    def _all_ids(self) -> list[int]:
        if self._ids is None:
            # The candidates must come from the GIN index. With their LIMIT, the planner may prefer
            # a sequential scan that stops at the first SEARCH_CANDIDATES matches, as if matches
            # were spread evenly; when they sit at the end of the table it reads most of it. The
            # switch is local to this transaction, and put back for an enclosing one.
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute(
                    "SELECT current_setting('enable_seqscan'), "
                    "set_config('enable_seqscan', 'off', true)"
                )
                previous = cursor.fetchone()[0]
                self._ids = self._search_ids()
                cursor.execute("SELECT set_config('enable_seqscan', %s, true)", [previous])
        return self._ids

    def _search_ids(self) -> list[int]:
        parsed = search.parse_query(self._query.q)
        digits = "".join(self._query.q.split())
        if parsed and not digits.isdigit():
            exact = _sorted(self._query, bounded=True, exact=True)
            ids = list(exact.values_list("pk", flat=True))
            has_prefixes = any(len(word.alternatives) == 1 for word in parsed)
            if len(ids) >= SEARCH_CANDIDATES or not has_prefixes:
                return ids
        return list(self._sorted.values_list("pk", flat=True))

    def count(self) -> int:
        """A search counts exactly up to COUNT_LIMIT; beyond it the page says "more than" and asks to
        refine. Filters alone count exactly: the registry's own figure, whatever its size."""
        if self._count is None:
            if self._bounded:
                found = len(self._all_ids())
            elif not self._query.q.strip():
                self._count = self._sorted.order_by().values("pk").count()
                return self._count
            else:
                found = self._sorted.order_by().values("pk")[: COUNT_LIMIT + 1].count()
            self.is_capped = found > COUNT_LIMIT
            self._count = min(found, COUNT_LIMIT)
        return self._count

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, key: slice) -> list[Organization]:
        if self._bounded:
            ids = self._all_ids()[key]
        else:
            ids = list(self._sorted.values_list("pk", flat=True)[key])
        rows = {o.pk: o for o in _with_card_data(Organization.objects.filter(pk__in=ids))}
        return [rows[pk] for pk in ids if pk in rows]


def directory_results(query: DirectoryQuery) -> DirectoryResults:
    return DirectoryResults(query)


def directory_export_rows(query: DirectoryQuery) -> QuerySet[Organization]:
    return directory_organizations(query).select_related("municipality__region")


def registry_count(*, kind: str = Organization.Kind.NGO) -> int:
    """How many organisations of the kind are in the registry: exactly the rows the directory shows
    for `?kind=<kind>` (published ones, liquidated included and marked as such) — the one definition
    the home page's «НКО в реестре» and the directory's «Найдено» share."""
    return directory_results(DirectoryQuery(kind=kind)).count()
