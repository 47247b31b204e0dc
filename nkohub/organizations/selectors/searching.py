"""Russian search of the registry on PostgreSQL and SQLite, and suggestions for mistyped words."""

import hashlib
from typing import Any

from django.core.cache import cache
from django.db import connections, transaction
from django.db.models import (
    Case,
    Exists,
    ExpressionWrapper,
    IntegerField,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.expressions import Expression

from nkohub.core import spelling
from nkohub.core.db_router import read_alias
from nkohub.organizations import search
from nkohub.organizations.models import (
    Organization,
)
from nkohub.organizations.selectors.common import (
    DirectoryQuery,
    _is_postgres,
    published_organizations,
)


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


class StoredSearchRank(Expression):
    """The stored static rank of migration 0009 (`static_rank()` computed by PostgreSQL into a
    generated column, B-tree-indexed with the id in ranking order), qualified like StoredSearchVector."""

    def __init__(self) -> None:
        super().__init__(output_field=IntegerField())

    def as_sql(self, compiler: Any, connection: Any) -> Any:
        alias = compiler.query.get_initial_alias()
        return f"{compiler.quote_name(alias)}.search_rank", []


def static_rank() -> Expression:
    """The directory's ranking of a search's matches (docs/architecture.md, "Directory search"): 4 for
    an organisation verified by an operator + 2 for an active one + 1 for one with a description,
    higher first, then the id (the earlier on the platform first). PostgreSQL stores it (migration
    0009); SQLite computes this expression in the query."""
    return ExpressionWrapper(
        Case(When(is_verified=True, then=Value(4)), default=Value(0))
        + Case(When(status=Organization.Status.ACTIVE, then=Value(2)), default=Value(0))
        + Case(When(~Q(description=""), then=Value(1)), default=Value(0)),
        output_field=IntegerField(),
    )


def static_rank_of(organization: Organization) -> int:
    """`static_rank()` of one organisation, in Python (the tests' brute-force ranking)."""
    return (
        4 * organization.is_verified
        + 2 * (organization.status == Organization.Status.ACTIVE)
        + (organization.description != "")
    )


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
    exact: bool = False,
) -> QuerySet[Organization]:
    """Matches of the search with their rank (the stored static rank, see `static_rank`). `exact` matches each known word by whole lexemes only (no
    prefix): a subset of the full matches that the GIN index finds far faster, since a prefix match
    makes it read and merge the posting list of every lexeme with that start."""
    from django.contrib.postgres.search import SearchQuery

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
    return organizations.annotate(relevance=StoredSearchRank())


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
        # The threshold is set on the connection the ORM query below reads from (the replica, if any).
        alias = read_alias(Organization)
        with transaction.atomic(using=alias), connections[alias].cursor() as cursor:
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
    exact: bool = False,
) -> QuerySet[Organization]:
    text = query.q.strip()
    parsed = search.parse_query(text)
    digits = "".join(text.split())
    if digits.isdigit() and len(digits) >= 4:
        return organizations.filter(
            Q(inn__startswith=digits) | Q(ogrn__startswith=digits)
        ).annotate(relevance=static_rank())
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
        return organizations.annotate(relevance=static_rank())
    condition = Q()
    for word_q in groups:
        condition = (condition | word_q) if query.any_word else (condition & word_q)
    name_hit = Q(full_name__icontains=text) | Q(short_name__icontains=text)
    return organizations.filter(condition | name_hit).annotate(relevance=static_rank())
