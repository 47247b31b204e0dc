"""Russian search of the registry: word forms, related words and typos.

Every organisation keeps `search_text`: for each word of its names and description the
dictionary form (pymorphy3 lemma) and, for long words, a root-like prefix, so that
"образовательные" (→ образовательный, образов…) meets "образование" (→ образование, образов…).

PostgreSQL searches that column with full-text search in the `russian` configuration (a GIN
expression index, see migration 0003) and catches typos in names with pg_trgm word similarity.
SQLite matches the same terms with LIKE and catches typos against a vocabulary of the registry's words
and their lemmas (`nkohub.core.spelling`: trigram candidates, bounded edit distance).

The same vocabulary gives every search page its «Возможно, вы имели в виду …» (`suggestion`).
"""

import functools
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import pymorphy3
from django.db.models import Count, Max, Q, QuerySet

from nkohub.core import spelling

WORD_RE = re.compile(r"[0-9a-zа-яё]+", re.IGNORECASE)
ROOT_LENGTH = 6  # prefix shared by most derived words: образов-ание / образов-ательный
STOP_WORDS = frozenset(
    [
        "и",
        "в",
        "во",
        "на",
        "по",
        "с",
        "со",
        "к",
        "ко",
        "о",
        "об",
        "от",
        "для",
        "из",
        "у",
        "за",
        "над",
        "под",
        "при",
        "без",
        "до",
        "не",
        "ни",
        "а",
        "но",
        "или",
        "что",
        "как",
        "это",
        "г",
        "ул",
        "д",
    ]
)


@functools.cache
def _analyzer() -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer(lang="ru")


@functools.lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    word = word.lower().replace("ё", "е")
    if word.isdigit() or not re.search("[а-я]", word):
        return word
    return _analyzer().parse(word)[0].normal_form.replace("ё", "е")


def root(term: str) -> str | None:
    if len(term) > ROOT_LENGTH and not term.isdigit():
        return term[:ROOT_LENGTH]
    return None


def words(text: str) -> list[str]:
    return [w.lower() for w in WORD_RE.findall(text or "")]


@functools.lru_cache(maxsize=200_000)
def _terms_of_word(word: str) -> tuple[str, ...]:
    term = lemma(word)
    prefix = root(term)
    return (term, prefix) if prefix else (term,)


def search_text_for(*texts: str) -> str:
    """The search column's value: unique lemmas and roots, space separated, in first-seen order."""
    seen: dict[str, None] = {}
    for text in texts:
        if not text:
            continue
        for word in WORD_RE.findall(text.lower()):  # as `words(text)`, lowered once per text
            if word.isdigit():  # INN, OGRN: unique, their own term; kept out of the word cache
                seen.setdefault(word, None)
                continue
            if word in STOP_WORDS:
                continue
            for term in _terms_of_word(word):
                seen.setdefault(term, None)
    return " ".join(seen)


@dataclass(frozen=True)
class QueryWord:
    """One word of a query: it matches any of its alternatives (lemma, root)."""

    original: str
    alternatives: tuple[str, ...]


def parse_query(query: str) -> list[QueryWord]:
    parsed = []
    for word in words(query)[:12]:
        if word in STOP_WORDS:
            continue
        parsed.append(QueryWord(original=word, alternatives=_terms_of_word(word)))
    return parsed


def tsquery_for(parsed: list[QueryWord], *, any_word: bool = False) -> str:
    """A raw to_tsquery string: (lemma | root:*) for each word, joined by & (or | when any_word)."""
    groups = []
    for word in parsed:
        options = []
        for index, term in enumerate(word.alternatives):
            # the last alternative (root or a short lemma) also matches as a prefix: "фонд" → "фондовый"
            options.append(f"{term}:*" if index == len(word.alternatives) - 1 else term)
        groups.append("(" + " | ".join(options) + ")")
    return (" | " if any_word else " & ").join(groups)


MIN_CORRECTED_LENGTH = 3  # shorter words are left as typed: too many words are one edit away


def _is_word(word: str) -> bool:
    return len(word) >= MIN_CORRECTED_LENGTH and not word.isdigit() and word not in STOP_WORDS


def vocabulary_of(texts: Iterable[str]) -> spelling.Vocabulary:
    """The words of the texts and their dictionary forms, each counted once per text: what a search
    over these texts can find, for correcting typos and suggesting a better query."""
    counts: Counter[str] = Counter()
    for text in texts:
        found = {spelling.normalize(w) for w in words(text) if _is_word(w)}
        counts.update(found | {lemma(w) for w in found})
    return spelling.Vocabulary(counts)


def knows(vocabulary: spelling.Vocabulary, word: str) -> bool:
    """Whether the word, in this form or its dictionary form, is one the vocabulary's texts carry."""
    return word in vocabulary or lemma(word) in vocabulary


def closest_words(vocabulary: spelling.Vocabulary, word: str, limit: int = 3) -> list[str]:
    """Known words close to the word as typed, else to its dictionary form: «хвостеками» is three
    edits from «хвостики» but its lemma «хвостек» is one from «хвостик»."""
    return vocabulary.closest(word, limit) or vocabulary.closest(lemma(word), limit)


def corrections(
    query: str, vocabulary: spelling.Vocabulary, *, known: Callable[[str], bool] | None = None
) -> dict[str, str]:
    """For each word of the query the vocabulary does not know (or, given `known`, that it says is
    not known), the closest word of the vocabulary."""
    is_known = known or functools.partial(knows, vocabulary)
    found = {}
    for word in words(query)[:12]:
        if _is_word(word) and not is_known(word):
            close = closest_words(vocabulary, word, limit=1)
            if close:
                found[word] = close[0]
    return found


def suggestion(
    query: str, vocabulary: spelling.Vocabulary, *, known: Callable[[str], bool] | None = None
) -> str:
    """The query with its unknown words replaced by the closest known ones («хвостеки» → «хвостики»);
    empty when there is nothing to correct."""
    fixed = corrections(query, vocabulary, known=known)
    if not fixed:
        return ""
    return WORD_RE.sub(lambda m: fixed.get(m.group(0).lower(), m.group(0)), query.strip())


def word_forms_condition(fields: tuple[str, ...], query: str) -> Q:
    """Every word of the query, in any of its forms, in one of the fields: "компенсацию" finds
    "компенсации" (pymorphy3 lemma, then a root-like prefix of it). LIKE over the fields: for the
    platform's smaller lists (appeals, competitions, fair projects), not for the registry."""
    condition = Q()
    for word in parse_query(query):
        stem = word.alternatives[-1]
        if len(word.alternatives) == 1 and len(stem) > 4:
            stem = stem[:-1]  # a short lemma without its ending: "аренда" → "аренд" finds "аренду"
        any_field = Q()
        # SQLite folds the case of ASCII letters only: also try the capitalised and upper-case forms.
        for variant in {stem, stem.capitalize(), stem.upper()}:
            for field in fields:
                any_field |= Q(**{f"{field}__icontains": variant})
        condition &= any_field
    return condition


def vocabulary_for(
    key: str, records: QuerySet[Any], fields: tuple[str, ...], *, stamp_field: str = "updated_at"
) -> spelling.Vocabulary:
    """The vocabulary of the `fields` of `records` (only what the page shows to everyone: a word of a
    draft must never be suggested), kept in the process until the records change: one small query
    (their count and latest change) per use, the texts read only when that changes."""
    stamp = records.order_by().aggregate(n=Count("pk"), last=Max(stamp_field))
    return spelling.cached_vocabulary(
        key,
        (stamp["n"], stamp["last"]),
        lambda: vocabulary_of(
            " ".join(value or "" for value in row)
            for row in records.order_by().values_list(*fields).iterator(chunk_size=2000)
        ),
    )
