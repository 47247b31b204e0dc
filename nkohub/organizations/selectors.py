"""Reads of the registry: the directory with Russian search and facet counts, members, claims, imports."""

import hashlib
import re
from dataclasses import dataclass, field, replace
from typing import Any, cast

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import Count, Exists, F, FloatField, Max, Prefetch, Q, QuerySet, Value
from django.db.models.expressions import Expression
from django.db.models.functions import Coalesce
from django.utils.translation import gettext

from nkohub.core import spelling
from nkohub.organizations import search
from nkohub.organizations.models import (
    Claim,
    ImportRun,
    Invitation,
    LegalForm,
    Membership,
    Organization,
    Sphere,
)
from nkohub.organizations.permissions import ACTING_ROLES

IDENTIFIER_RE = re.compile(r"^\d{10}$|^\d{12}$|^\d{13}$")
SEARCH_CANDIDATES = 1001  # PostgreSQL ranks at most this many matches of a search
COUNT_LIMIT = 1000  # a broader search shows "more than 1 000" instead of counting every match
SORTS = ("relevance", "name", "-registration_date", "-created_at")


def organizations_user_acts_for(user: Any, *, kind: str | None = None) -> QuerySet[Organization]:
    """Organisations in whose name the person may act (owner or editor)."""
    if not user.is_authenticated:
        return Organization.objects.none()
    organizations = Organization.objects.filter(
        memberships__user=user, memberships__role__in=ACTING_ROLES
    ).select_related("municipality", "legal_form")
    if kind:
        organizations = organizations.filter(kind=kind)
    return organizations.order_by("full_name")


def memberships_of(user: Any) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(user=user)
        .select_related("organization")
        .order_by("organization__full_name")
    )


# --- the directory ------------------------------------------------------------------------------


@dataclass(frozen=True)
class DirectoryQuery:
    """What the person asked the directory: a search string, filters and a sort order."""

    q: str = ""
    kind: str = ""
    sphere: str = ""
    register: str = ""
    legal_form: int | None = None
    municipality: int | None = None
    verified: bool = False
    sort: str = ""
    any_word: bool = field(default=False, compare=False)

    @property
    def effective_sort(self) -> str:
        if self.sort in SORTS and not (self.sort == "relevance" and not self.q.strip()):
            return self.sort
        return "relevance" if self.q.strip() else "name"

    @property
    def is_filtered(self) -> bool:
        return bool(
            self.q.strip()
            or self.kind
            or self.sphere
            or self.register
            or self.legal_form
            or self.municipality
            or self.verified
        )


def published_organizations() -> QuerySet[Organization]:
    return Organization.objects.filter(is_published=True)


def registry_count(*, kind: str = Organization.Kind.NGO) -> int:
    """How many organisations of the kind are in the registry: exactly the rows the directory shows
    for `?kind=<kind>` (published ones, liquidated included and marked as such) — the one definition
    the home page's «НКО в реестре» and the directory's «Найдено» share."""
    return directory_results(DirectoryQuery(kind=kind)).count()


def organization_by_identifier(q: str) -> Organization | None:
    """An exact INN (10 or 12 digits) or OGRN (13 digits) goes straight to its organisation."""
    value = "".join(q.split())
    if not IDENTIFIER_RE.match(value):
        return None
    lookup = Q(ogrn=value) if len(value) == 13 else Q(inn=value)
    return published_organizations().filter(lookup).only("pk").first()


def _is_postgres() -> bool:
    return connection.vendor == "postgresql"


def _known_words(raw_tsqueries: list[str]) -> dict[str, bool]:
    """Which query words the full-text index knows (the others are treated as typos); cached briefly.
    The words not in the cache are probed together, in one round trip."""
    from django.contrib.postgres.search import SearchQuery

    keys = {
        raw: "organizations:known-word:"
        + hashlib.md5(raw.encode(), usedforsecurity=False).hexdigest()
        for raw in dict.fromkeys(raw_tsqueries)
    }
    cached = cache.get_many(list(keys.values()))
    known = {raw: bool(cached[key]) for raw, key in keys.items() if key in cached}
    missing = [raw for raw in keys if raw not in known]
    if missing:
        probes = {
            f"w{index}": Exists(
                Organization.objects.alias(search_vector=StoredSearchVector()).filter(
                    search_vector=SearchQuery(raw, search_type="raw", config="russian")
                )
            )
            for index, raw in enumerate(missing)
        }
        # one row of the registry carries the probes (an empty registry knows no word)
        row = Organization.objects.order_by().annotate(**probes).values(*probes).first() or {}
        found = {raw: bool(row.get(f"w{index}")) for index, raw in enumerate(missing)}
        cache.set_many({keys[raw]: value for raw, value in found.items()}, 600)
        known.update(found)
    return known


class StoredSearchVector(Expression):
    """The stored tsvector column of migration 0004 (not declared on the model: PostgreSQL only),
    qualified with the alias of the query being compiled, so it also works inside subqueries."""

    def __init__(self) -> None:
        from django.contrib.postgres.search import SearchVectorField

        super().__init__(output_field=SearchVectorField())

    def as_sql(self, compiler: Any, connection: Any) -> Any:
        alias = compiler.query.get_initial_alias()
        return f"{compiler.quote_name(alias)}.search_vector", []


def _word_tsquery(word: search.QueryWord, *, exact: bool = False) -> str:
    """A raw tsquery matching one query word: its lemma, or its root — as a whole lexeme, since every
    organisation's search text holds the roots of its own long words; only a short lemma, which has
    no root, matches as a prefix ("фонд" → "фондовый"). A root as a prefix would be stemmed shorter
    ("пожило" → "пож":*, which also meets "пожар") and would make the GIN index read and merge the
    posting lists of every lexeme with that start. `exact`: whole lexemes only, a short lemma too."""
    lemma, *rest = word.alternatives
    if rest:
        return f"({lemma} | {rest[0]})"
    return f"({lemma})" if exact else f"({lemma}:*)"


def _search_postgres(
    organizations: QuerySet[Organization],
    query: DirectoryQuery,
    *,
    bounded: bool = False,
    exact: bool = False,
) -> QuerySet[Organization]:
    """Matches of the search, ranked. `exact` matches each known word by whole lexemes only (no
    prefix): a subset of the full matches that the GIN index finds far faster, since a prefix match
    makes it read and merge the posting list of every lexeme with that start."""
    from django.contrib.postgres.search import (
        SearchQuery,
        SearchRank,
        TrigramWordSimilarity,
    )

    text = query.q.strip()
    parsed = search.parse_query(text)
    # the stored tsvector column of migration 0004 (to_tsvector('russian', search_text), GIN-indexed)
    vector = StoredSearchVector()
    organizations = organizations.alias(search_vector=vector)
    # each word matches by its lemma or root (full-text, GIN index); a word the full-text index does
    # not know at all is taken for a typo and matched by trigram word similarity to the name (pg_trgm
    # GIN index). All words must match unless any_word is asked.
    condition = Q()
    known = _known_words([_word_tsquery(word) for word in parsed]) if parsed else {}
    typos = [w.original for w in parsed if not known[_word_tsquery(w)] and len(w.original) >= 4]
    close = _close_words_postgres(typos) if typos else {}
    for word in parsed:
        raw = _word_tsquery(word)
        is_known = known[raw]
        if exact and is_known:
            raw = _word_tsquery(word, exact=True)
        word_q = Q(search_vector=SearchQuery(raw, search_type="raw", config="russian"))
        if not is_known and len(word.original) >= 4:
            # a typo: names like it, and the registry's words one or two edits away by full text
            word_q = Q(full_name__trigram_word_similar=word.original)
            for close_word in search.parse_query(" ".join(close.get(word.original, []))):
                word_q |= Q(
                    search_vector=SearchQuery(
                        _word_tsquery(close_word), search_type="raw", config="russian"
                    )
                )
        condition = (condition | word_q) if query.any_word else (condition & word_q)
    digits = "".join(text.split())
    if digits.isdigit() and len(digits) >= 4:
        condition = Q(inn__startswith=digits) | Q(ogrn__startswith=digits)
    elif not parsed:
        condition = Q(full_name__trigram_word_similar=text)
    organizations = organizations.filter(condition)
    if bounded:
        # rank at most SEARCH_CANDIDATES matches: the page's work stays bounded on a huge registry
        candidates = organizations.order_by().values("pk")[:SEARCH_CANDIDATES]
        organizations = Organization.objects.filter(pk__in=candidates).alias(search_vector=vector)
    rank: Any = TrigramWordSimilarity(text, "full_name")
    if parsed:
        ts_query = SearchQuery(
            search.tsquery_for(parsed, any_word=True), search_type="raw", config="russian"
        )
        rank = SearchRank(vector, ts_query) + rank
    return organizations.annotate(relevance=rank)


def registry_vocabulary() -> spelling.Vocabulary:
    """Words of the published registry's names and descriptions and their lemmas (SQLite's typo
    fallback and every database's suggestions), kept until the registry changes."""
    return search.vocabulary_for(
        "organizations.registry",
        published_organizations(),
        ("full_name", "short_name", "description"),
    )


SUGGESTION_NAMES = 20  # on PostgreSQL, names most like a mistyped word whose words are candidates
NEAR_NAME_SIMILARITY = "0.45"  # pg_trgm word similarity of those names: two typos in eight letters


def _close_words_postgres(words: list[str]) -> dict[str, list[str]]:
    """On PostgreSQL, for each (mistyped) word the registry's words close to it, taken from the
    published names most like it (pg_trgm's GIN index over full_name, with a lower similarity
    threshold than the operator's default 0.6, local to this transaction): the whole registry is
    never read. Cached briefly, like the full-text probes, since facets search the same words again."""
    from django.contrib.postgres.search import TrigramWordSimilarity

    keys = {
        word: "organizations:close-words:"
        + hashlib.md5(word.encode(), usedforsecurity=False).hexdigest()
        for word in dict.fromkeys(words)
    }
    cached = cache.get_many(list(keys.values()))
    found = {word: cached[key] for word, key in keys.items() if key in cached}
    missing = [word for word in keys if word not in found]
    if missing:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(
                "SELECT set_config('pg_trgm.word_similarity_threshold', %s, true)",
                [NEAR_NAME_SIMILARITY],
            )
            for word in missing:
                names = (
                    published_organizations()
                    .filter(full_name__trigram_word_similar=word)
                    .annotate(similarity=TrigramWordSimilarity(word, "full_name"))
                    .order_by("-similarity", "pk")
                    .values_list("full_name", flat=True)[:SUGGESTION_NAMES]
                )
                found[word] = search.closest_words(search.vocabulary_of(names), word)
        cache.set_many({keys[word]: found[word] for word in missing}, 600)
    return found


def _unknown_lemmas_postgres(parsed: list[search.QueryWord]) -> set[str]:
    """Words of the query whose dictionary form the full-text index does not hold (typos, for
    suggestions: a word found only through its root, «благотварительный» → благот…, is still one)."""
    candidates = [word for word in parsed if len(word.original) >= 4]
    probes = {word.original: f"({word.alternatives[0]})" for word in candidates}
    known = _known_words(list(probes.values())) if probes else {}
    return {word for word, raw in probes.items() if not known[raw]}


def directory_suggestion(query: DirectoryQuery) -> str:
    """«Возможно, вы имели в виду …»: the search with its unknown words replaced by the closest words
    of the registry; empty when every word is known or nothing is close."""
    text = query.q.strip()
    if not text or "".join(text.split()).isdigit():
        return ""
    if not _is_postgres():
        return search.suggestion(text, registry_vocabulary())
    unknown = _unknown_lemmas_postgres(search.parse_query(text))
    if not unknown:
        return ""
    close = _close_words_postgres(sorted(unknown))
    vocabulary = spelling.Vocabulary.of_words(word for words in close.values() for word in words)
    return search.suggestion(text, vocabulary, known=lambda word: word not in unknown)


def _search_sqlite(
    organizations: QuerySet[Organization],
    query: DirectoryQuery,
    *,
    bounded: bool = False,
    exact: bool = False,
) -> QuerySet[Organization]:
    text = query.q.strip()
    parsed = search.parse_query(text)
    digits = "".join(text.split())
    if digits.isdigit() and len(digits) >= 4:
        return organizations.filter(
            Q(inn__startswith=digits) | Q(ogrn__startswith=digits)
        ).annotate(relevance=Value(1.0, output_field=FloatField()))
    vocabulary = registry_vocabulary() if parsed else None
    groups = []
    for word in parsed:
        terms = list(word.alternatives)
        if vocabulary is not None and not search.knows(vocabulary, word.original):
            # a typo: also match the registry's words one or two edits away, by their own terms
            for close in search.closest_words(vocabulary, word.original):
                for close_word in search.parse_query(close):
                    terms.extend(close_word.alternatives)
        word_q = Q()
        for term in dict.fromkeys(terms):
            word_q |= Q(search_text__contains=term)
        groups.append(word_q)
    if not groups:
        return organizations.annotate(relevance=Value(0.0, output_field=FloatField()))
    condition = Q()
    for word_q in groups:
        condition = (condition | word_q) if query.any_word else (condition & word_q)
    name_hit = Q(full_name__icontains=text) | Q(short_name__icontains=text)
    from django.db.models import Case, When

    relevance = Case(When(name_hit, then=Value(2.0)), default=Value(1.0), output_field=FloatField())
    return organizations.filter(condition | name_hit).annotate(relevance=relevance)


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


@dataclass
class FacetValue:
    """One value of a filter with its count; `toggle` is the change to the query string that selects
    it (or, when selected, removes it), back to the first page: `{% querystring request.GET value.toggle %}`."""

    param: str
    value: str
    label: str
    count: int
    selected: bool

    @property
    def toggle(self) -> dict[str, str | None]:
        return {self.param: None if self.selected else self.value, "page": None}


def directory_facets(query: DirectoryQuery) -> dict[str, list[FacetValue]]:
    """Counts next to each filter value: for each filter, the rows matching all the *other* filters."""
    newest = Organization.objects.aggregate(newest=Max("pk"))[
        "newest"
    ]  # a new row refreshes the counts
    key = (
        f"organizations:facets:v2:{newest}:"  # v2: values carry their parameter
        + hashlib.md5(repr(query).encode(), usedforsecurity=False).hexdigest()
    )
    cached = cache.get(key) if settings.DATABASE_IS_POSTGRES else None
    if cached is not None:
        return cached
    facets: dict[str, list[FacetValue]] = {}

    kinds = dict(Organization.Kind.choices)
    rows = cast(
        Any,
        _filtered(query, without="kind")
        .order_by()
        .values("kind")
        .annotate(n=Count("pk", distinct=True)),
    )
    facets["kind"] = sorted(
        (
            FacetValue(
                "kind",
                r["kind"],
                str(kinds.get(r["kind"], r["kind"])),
                r["n"],
                r["kind"] == query.kind,
            )
            for r in rows
        ),
        key=lambda v: -v.count,
    )

    rows = cast(
        Any,
        _filtered(query, without="sphere")
        .filter(spheres__isnull=False)
        .order_by()
        .values("spheres__code", "spheres__name", "spheres__position")
        .annotate(n=Count("pk", distinct=True)),
    )
    facets["sphere"] = [
        FacetValue(
            "sphere",
            r["spheres__code"],
            r["spheres__name"],
            r["n"],
            r["spheres__code"] == query.sphere,
        )
        for r in sorted(rows, key=lambda r: (r["spheres__position"], r["spheres__name"]))
    ]

    # the registers of the Ministry of Justice: shown once the registry holds more than one
    registers = dict(Organization.Register.choices)
    rows = cast(
        Any,
        _filtered(query, without="register")
        .order_by()
        .values("register")
        .annotate(n=Count("pk", distinct=True)),
    )
    register_values = [
        FacetValue(
            "register",
            r["register"],
            str(registers.get(r["register"], r["register"])),
            r["n"],
            r["register"] == query.register,
        )
        for r in sorted(rows, key=lambda r: list(registers).index(r["register"]))
    ]
    facets["register"] = register_values if len(register_values) > 1 or query.register else []

    rows = cast(
        Any,
        _filtered(query, without="legal_form")
        .filter(legal_form__isnull=False)
        .order_by()
        .values("legal_form_id", "legal_form__name")
        .annotate(n=Count("pk", distinct=True)),
    )
    facets["legal_form"] = sorted(
        (
            FacetValue(
                "legal_form",
                str(r["legal_form_id"]),
                r["legal_form__name"],
                r["n"],
                r["legal_form_id"] == query.legal_form,
            )
            for r in rows
        ),
        key=lambda v: (-v.count, v.label),
    )

    rows = cast(
        Any,
        _filtered(query, without="municipality")
        .filter(municipality__isnull=False)
        .order_by()
        .values("municipality_id", "municipality__name")
        .annotate(n=Count("pk", distinct=True)),
    )
    facets["municipality"] = sorted(
        (
            FacetValue(
                "municipality",
                str(r["municipality_id"]),
                r["municipality__name"],
                r["n"],
                r["municipality_id"] == query.municipality,
            )
            for r in rows
        ),
        key=lambda v: v.label,
    )

    verified = (
        _filtered(query, without="verified")
        .filter(is_verified=True)
        .order_by()
        .aggregate(n=Coalesce(Count("pk", distinct=True), 0))["n"]
    )
    facets["verified"] = (
        [FacetValue("verified", "1", gettext("only verified"), verified, query.verified)]
        if verified or query.verified
        else []
    )
    if settings.DATABASE_IS_POSTGRES:  # counts of a big registry: a minute old is fine
        cache.set(key, facets, 60)
    return facets


def filter_choices() -> dict[str, Any]:
    """Every value a filter may take (for validating the query string)."""
    return {
        "spheres": list(Sphere.objects.values_list("code", flat=True)),
        "legal_forms": list(LegalForm.objects.values_list("pk", flat=True)),
    }


# --- profile, members, claims, invitations, imports ---------------------------------------------


def organization_spheres(organization: Organization) -> QuerySet[Sphere]:
    return organization.spheres.order_by("position", "name")


def organization_members(organization: Organization) -> QuerySet[Membership]:
    return organization.memberships.select_related("user").order_by(
        "role", "user__full_name", "user__email"
    )


def is_managed(organization: Organization) -> bool:
    """Whether someone already manages the profile: an active owner (after an approved claim, an
    accepted invitation or a registration)."""
    return owners_of(organization).exists()


def owners_of(organization: Organization) -> QuerySet[Any]:
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(
        memberships__organization=organization,
        memberships__role=Membership.Role.OWNER,
        is_active=True,
    )


def open_invitations_of(organization: Organization) -> QuerySet[Invitation]:
    from django.utils import timezone

    return organization.invitations.filter(
        accepted_at__isnull=True, cancelled_at__isnull=True, expires_at__gt=timezone.now()
    ).select_related("invited_by")


def invitations_for_user(user: Any) -> QuerySet[Invitation]:
    from django.utils import timezone

    return Invitation.objects.filter(
        email__iexact=user.email,
        accepted_at__isnull=True,
        cancelled_at__isnull=True,
        expires_at__gt=timezone.now(),
    ).select_related("organization")


def claims_of(user: Any) -> QuerySet[Claim]:
    return Claim.objects.filter(user=user).select_related("organization").order_by("-created_at")


def claims_for_review(*, status: str = Claim.Status.PENDING) -> QuerySet[Claim]:
    claims = Claim.objects.select_related("organization__municipality", "user")
    if status:
        claims = claims.filter(status=status)
    return claims.order_by("created_at" if status == Claim.Status.PENDING else "-created_at")


def pending_claims_count() -> int:
    return Claim.objects.filter(status=Claim.Status.PENDING).count()


def import_runs() -> QuerySet[ImportRun]:
    return ImportRun.objects.select_related("created_by").defer("problems", "changes")


def possible_duplicates(
    *, full_name: str, municipality_id: int | None, limit: int = 5
) -> list[Organization]:
    """Organisations with a similar name in the same municipality (registration's duplicate check)."""
    if not full_name.strip():
        return []
    candidates = (
        published_organizations().filter(municipality_id=municipality_id)
        if municipality_id
        else None
    )
    if candidates is None:
        return []
    if _is_postgres():
        from django.contrib.postgres.search import TrigramSimilarity

        return list(
            candidates.annotate(similarity=TrigramSimilarity("full_name", full_name))
            .filter(similarity__gte=0.5)
            .order_by("-similarity")[:limit]
        )
    wanted = set(search.search_text_for(full_name).split())
    if not wanted:
        return []
    found = []
    for organization in candidates.only(
        "pk", "full_name", "short_name", "search_text", "inn", "ogrn"
    ):
        terms = set(organization.search_text.split())
        if terms and len(wanted & terms) / len(wanted | terms) >= 0.6:
            found.append(organization)
    return found[:limit]


def directory_query_changed(query: DirectoryQuery, **changes: Any) -> DirectoryQuery:
    return replace(query, **changes)
