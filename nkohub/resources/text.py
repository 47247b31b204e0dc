"""Russian word forms for search and matching: pymorphy3 lemmas (SQLite) and tsquery terms (PostgreSQL)."""

import re
from functools import lru_cache
from typing import Any

WORD_RE = re.compile(r"[0-9a-zа-яё]+", re.IGNORECASE)
# Words that say nothing about what is offered or needed.
STOP_LEMMAS = frozenset(
    [
        "и",
        "в",
        "во",
        "на",
        "с",
        "со",
        "к",
        "по",
        "для",
        "от",
        "до",
        "из",
        "о",
        "об",
        "а",
        "но",
        "или",
        "не",
        "что",
        "это",
        "как",
        "так",
        "мы",
        "вы",
        "они",
        "он",
        "она",
        "оно",
        "быть",
        "наш",
        "ваш",
        "свой",
        "который",
        "весь",
        "при",
        "без",
        "за",
        "под",
        "над",
        "же",
        "ли",
        "бы",
        "у",
    ]
)


@lru_cache(maxsize=1)
def _analyzer() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


@lru_cache(maxsize=50_000)
def lemma(word: str) -> str:
    word = word.lower().replace("ё", "е")
    if not re.search(r"[а-я]", word):
        return word
    return str(_analyzer().parse(word)[0].normal_form).replace("ё", "е")


@lru_cache(maxsize=20_000)
def lemma_variants(word: str) -> tuple[str, ...]:
    """Every normal form the word may have ("залы" → зал, зала), most likely first, for searching."""
    word = word.lower().replace("ё", "е")
    if not re.search(r"[а-я]", word):
        return (word,)
    seen: dict[str, None] = {}
    for parse in _analyzer().parse(word)[:4]:
        seen.setdefault(str(parse.normal_form).replace("ё", "е"), None)
    return tuple(seen)


def query_lemma_groups(text: str) -> list[tuple[str, ...]]:
    """For each meaningful word of a search query, the lemmas any of which should match."""
    groups = []
    for word in dict.fromkeys(words(text)):
        variants = tuple(v for v in lemma_variants(word) if len(v) > 1 and v not in STOP_LEMMAS)
        if variants:
            groups.append(variants)
    return groups


def words(text: str) -> list[str]:
    return WORD_RE.findall(text.lower())


def lemmas(text: str) -> list[str]:
    """Distinct lemmas of the meaningful words, in order of first appearance."""
    seen: dict[str, None] = {}
    for word in words(text):
        normal = lemma(word)
        if len(normal) > 1 and normal not in STOP_LEMMAS:
            seen.setdefault(normal, None)
    return list(seen)


def lemma_text(text: str) -> str:
    """The lemmas as a space-separated string, framed by spaces so that ' word ' can be searched for."""
    found = lemmas(text)
    return f" {' '.join(found)} " if found else ""


def similarity(left: str, right: str) -> float:
    """Share of common lemmas between two lemma texts (Jaccard), 0..1."""
    a, b = set(left.split()), set(right.split())
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def tsquery_any(text: str, limit: int = 12) -> str:
    """A to_tsquery expression matching any of the text's words ('a | b | c'); empty when none."""
    terms = [term for term in lemmas(text) if len(term) > 2][:limit]
    return " | ".join(terms)
