"""Russian search of the registry: word forms, related words and typos.

Every organisation keeps `search_text`: for each word of its names and description the
dictionary form (pymorphy3 lemma) and, for long words, a root-like prefix, so that
"образовательные" (→ образовательный, образов…) meets "образование" (→ образование, образов…).

PostgreSQL searches that column with full-text search in the `russian` configuration (a GIN
expression index, see migration 0003) and catches typos in names with pg_trgm word similarity.
SQLite matches the same terms with LIKE and catches typos against the vocabulary with difflib.
"""

import difflib
import functools
import re
from dataclasses import dataclass

import pymorphy3

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


def closest_terms(word: str, vocabulary: list[str], limit: int = 3) -> list[str]:
    """Typo tolerance without the database's help: terms of the vocabulary close to the word."""
    return difflib.get_close_matches(lemma(word), vocabulary, n=limit, cutoff=0.8)
