"""Typo tolerance without the database's help: the closest known words to a mistyped one.

A `Vocabulary` holds the words a search can find (with how many records carry each). A trigram index
narrows a word's candidates to the words that share letter triples with it, and a bounded edit distance
(Damerau–Levenshtein, a swap of two neighbouring letters counting as one edit) decides which are close:
at most one edit in words of up to five letters, two in longer ones — the rule of Elasticsearch's
`fuzziness: AUTO` — so «хвостеки» meets «хвостики» and «фонт» meets «фонд», but «мир» does not meet «миф».

The work per word is bounded by the posting lists of its own trigrams, not by the size of the data;
`cached_vocabulary` builds a vocabulary once per change of the data (and at most every few minutes) and
keeps it in the process, so a search never scans every record to correct a word.
"""

import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Mapping

MAX_CANDIDATES = 64  # candidates measured by edit distance per word, the best by shared trigrams
CACHE_SECONDS = 300


def normalize(word: str) -> str:
    return word.lower().replace("ё", "е")


def max_edits(word: str) -> int:
    """How many edits a word of this length may carry and still be recognised."""
    if len(word) <= 2:
        return 0
    return 1 if len(word) <= 5 else 2


def trigrams(word: str) -> set[str]:
    padded = f"  {word} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def edit_distance(left: str, right: str, limit: int) -> int:
    """Optimal string alignment distance, or `limit + 1` as soon as it must exceed `limit`."""
    if abs(len(left) - len(right)) > limit:
        return limit + 1
    previous_row: list[int] | None = None
    row = list(range(len(right) + 1))
    for i in range(1, len(left) + 1):
        before, previous_row, row = previous_row, row, [i] + [0] * len(right)
        for j in range(1, len(right) + 1):
            cost = 0 if left[i - 1] == right[j - 1] else 1
            row[j] = min(previous_row[j] + 1, row[j - 1] + 1, previous_row[j - 1] + cost)
            if (
                before is not None
                and i > 1
                and j > 1
                and left[i - 1] == right[j - 2]
                and left[i - 2] == right[j - 1]
            ):
                row[j] = min(row[j], before[j - 2] + 1)
        if min(row) > limit:
            return limit + 1
    return row[-1]


class Vocabulary:
    """Known words (normalised: lower case, ё as е) with their frequencies, indexed by trigrams."""

    def __init__(self, counts: Mapping[str, int]) -> None:
        self._counts: dict[str, int] = {normalize(w): n for w, n in counts.items() if w}
        # posting lists by trigram and word length: a word's candidates are only as long as it may be
        self._index: dict[int, dict[str, list[str]]] = {}
        for word in self._counts:
            postings = self._index.setdefault(len(word), {})
            for gram in trigrams(word):
                postings.setdefault(gram, []).append(word)

    @classmethod
    def of_words(cls, words: Iterable[str]) -> "Vocabulary":
        return cls(Counter(normalize(w) for w in words))

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and normalize(word) in self._counts

    def __len__(self) -> int:
        return len(self._counts)

    def frequency(self, word: str) -> int:
        return self._counts.get(normalize(word), 0)

    def closest(self, word: str, limit: int = 3) -> list[str]:
        """Known words within the allowed edits of `word`, nearest first, then the most frequent."""
        word = normalize(word)
        allowed = max_edits(word)
        if not allowed:
            return []
        shared: Counter[str] = Counter()
        grams = trigrams(word)
        for length in range(len(word) - allowed, len(word) + allowed + 1):
            postings = self._index.get(length, {})
            for gram in grams:
                shared.update(postings.get(gram, ()))
        shared.pop(word, None)
        found = []
        for candidate, _count in shared.most_common(MAX_CANDIDATES):
            distance = edit_distance(word, candidate, allowed)
            if distance <= allowed:
                found.append((distance, -self._counts[candidate], candidate))
        return [candidate for *_, candidate in sorted(found)[:limit]]


_cache: dict[str, tuple[object, float, Vocabulary]] = {}
_lock = threading.Lock()


def cached_vocabulary(key: str, stamp: object, build: Callable[[], Vocabulary]) -> Vocabulary:
    """The vocabulary `key` as `build` makes it, rebuilt when `stamp` (something that changes with the
    data: a count and the latest change) differs or after CACHE_SECONDS. Kept in this process: an
    index is not worth a network round trip, and each process builds it once per change."""
    now = time.monotonic()
    with _lock:
        found = _cache.get(key)
    if found is not None and found[0] == stamp and now - found[1] < CACHE_SECONDS:
        return found[2]
    vocabulary = build()
    with _lock:
        _cache[key] = (stamp, now, vocabulary)
    return vocabulary


def forget_vocabularies() -> None:
    """Drop every cached vocabulary (tests)."""
    with _lock:
        _cache.clear()
