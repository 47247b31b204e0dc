"""Russian word forms for matching and the catalogue search, built on the registry's search helpers
(`nkohub.organizations.search`: pymorphy3 lemmas plus root-like prefixes), so that the platform treats
Russian words one way everywhere.

- `lemma_text` is what an offer or a request stores in `search_lemmas` (SQLite search and similarity);
- `query_lemma_groups` gives, for each word of a query, the terms any of which should match;
- `tsquery_any` is a PostgreSQL to_tsquery string matching any word of a text (matching's text rank).
"""

from functools import lru_cache

from nkohub.organizations import search

# Words that say nothing about what is offered or needed, beyond the registry's stop words.
EXTRA_STOP_TERMS = frozenset(
    ["нужный", "нужно", "нужен", "свой", "наш", "ваш", "который", "весь", "быть"]
)


@lru_cache(maxsize=20_000)
def lemma_variants(word: str) -> tuple[str, ...]:
    """Every normal form the word may have, most likely first ("залы" → зала, зал): pymorphy3's first
    guess alone would miss the hall."""
    # the registry's analyser, loaded once for the whole process
    parses = search._analyzer().parse(word.lower().replace("ё", "е"))[:4]
    return tuple(dict.fromkeys(str(parse.normal_form).replace("ё", "е") for parse in parses))


def lemma_text(text: str) -> str:
    """Lemmas and roots of the text's words, space separated and framed by spaces (' term ' is searchable)."""
    terms = [term for term in search.search_text_for(text).split() if term not in EXTRA_STOP_TERMS]
    return f" {' '.join(terms)} " if terms else ""


def query_lemma_groups(query: str) -> list[tuple[str, ...]]:
    """For each meaningful word of a search query, the terms (any lemma, the root) any of which should match."""
    groups = []
    for word in search.parse_query(query):
        terms = dict.fromkeys([*lemma_variants(word.original), *word.alternatives])
        groups.append(tuple(term for term in terms if len(term) > 1))
    return [group for group in groups if group]


def similarity(left: str, right: str) -> float:
    """Share of common terms between two lemma texts (Jaccard), 0..1."""
    a, b = set(left.split()), set(right.split())
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def tsquery_any(text: str, limit: int = 12) -> str:
    """A to_tsquery expression matching any meaningful word of the text; empty when there is none."""
    words = [w for w in search.parse_query(text) if w.alternatives[0] not in EXTRA_STOP_TERMS]
    return search.tsquery_for(words[:limit], any_word=True) if words else ""
