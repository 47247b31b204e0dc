"""Reading Russian text as an expert does: meaningful words (pymorphy3 lemmas), numbers written in
digits or words, goals, repeated and boilerplate text, and the places a text names."""

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import pymorphy3

# Words every application uses: they say nothing about whether a task serves the goal.
GENERIC_LEMMAS = frozenset(
    [
        "проект",
        "цель",
        "задача",
        "провести",
        "проведение",
        "организовать",
        "организация",
        "обеспечить",
        "обеспечение",
        "создать",
        "создание",
        "реализовать",
        "реализация",
        "осуществить",
        "осуществление",
        "мероприятие",
        "рамка",
        "который",
        "этот",
        "свой",
        "весь",
        "наш",
        "год",
        "месяц",
        "условие",
        "счёт",
        "путём",
        "путь",
        "помощь",
        "число",
        "количество",
        "также",
        "являться",
        "стать",
        "иметь",
        "новый",
        "необходимый",
        "различный",
        "другой",
        "каждый",
        "получить",
        "получение",
    ]
)
CONTENT_TAGS = frozenset({"NOUN", "ADJF", "ADJS", "VERB", "INFN", "PRTF", "PRTS", "COMP"})
WORD_RE = re.compile(r"[а-яё]+", re.IGNORECASE)
CAPITALISED_RE = re.compile(r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)*")
ITEM_RE = re.compile(r"^\s*(?:\d{1,2}[.)]|[-•·*—])\s*\S")
SENTENCE_SPLIT_RE = re.compile(r"(?<=[.!?…])\s+|\n+")
NUMBER_WORDS = frozenset(
    [
        "один",
        "два",
        "три",
        "четыре",
        "пять",
        "шесть",
        "семь",
        "восемь",
        "девять",
        "десять",
        "сто",
        "тысяча",
        "двадцать",
        "тридцать",
        "сорок",
        "пятьдесят",
        "шестьдесят",
        "семьдесят",
        "восемьдесят",
        "девяносто",
        "двести",
        "триста",
        "пятьсот",
        "половина",
    ]
)
# Nouns that make an adjective before them a place: «Людиновского района», «Брянской области».
PLACE_NOUNS = frozenset(
    ["район", "область", "округ", "край", "республика", "поселение", "городской", "муниципальный"]
)


@lru_cache(maxsize=1)
def _morph() -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer(lang="ru")


@lru_cache(maxsize=20000)
def _lemma(word: str) -> tuple[str, str | None]:
    parsed = _morph().parse(word)[0]
    return parsed.normal_form.replace("ё", "е"), parsed.tag.POS


def lemma_of(word: str) -> str:
    return _lemma(word.lower())[0]


@lru_cache(maxsize=5000)
def _place_lemma(word: str) -> str | None:
    """The lemma of a word when one of its readings is a geographical name («Москвы» → москва)."""
    for parsed in _morph().parse(word):
        if "Geox" in parsed.tag:
            return str(parsed.normal_form).replace("ё", "е")
    return None


def content_lemmas(text: str) -> set[str]:
    """Lemmas of the meaningful words of a Russian text (nouns, adjectives, verbs)."""
    lemmas = set()
    for word in WORD_RE.findall(text.lower()):
        if len(word) < 3:
            continue
        lemma, pos = _lemma(word)
        if pos in CONTENT_TAGS and lemma not in GENERIC_LEMMAS:
            lemmas.add(lemma)
    return lemmas


def has_number(text: str) -> bool:
    if re.search(r"\d", text):
        return True
    for word in WORD_RE.findall(text.lower()):
        lemma, pos = _lemma(word)
        if pos == "NUMR" or lemma in NUMBER_WORDS:
            return True
    return False


def has_indicator(text: str) -> bool:
    """A number says what it counts: «40 встреч», «120 человек», not a bare «1»."""
    return any(len(word) >= 2 for word in WORD_RE.findall(re.sub(r"\d", " ", text)))


def count_goals(goal: str) -> int:
    """How many goals the text states: numbered or bulleted items, or sentences each opening
    with an infinitive («Повысить… Создать…»)."""
    items = [line for line in goal.splitlines() if ITEM_RE.match(line)]
    if len(items) >= 2:
        return len(items)
    sentences = [s.strip() for s in re.split(r"[.;!?]\s+|\n+", goal) if s.strip()]
    infinitive_openings = 0
    for sentence in sentences:
        first = WORD_RE.search(sentence.lower())
        if first and _lemma(first.group(0))[1] == "INFN":
            infinitive_openings += 1
    return max(1 if goal.strip() else 0, infinitive_openings)


def normalised(text: str) -> str:
    """Lower case, words only: two texts that differ in punctuation or numbering are equal."""
    return " ".join(WORD_RE.findall(text.lower().replace("ё", "е")))


@dataclass(frozen=True)
class Repetition:
    words: int
    unique: int
    top_word: str
    top_count: int

    @property
    def top_share(self) -> float:
        return self.top_count / self.words


def repetition(text: str) -> Repetition | None:
    """How much of a text is one word said again and again (None for texts under 20 words)."""
    words = WORD_RE.findall(text.lower().replace("ё", "е"))
    if len(words) < 20:
        return None
    counts = Counter(word for word in words if len(word) >= 3 or word.isupper())
    counts = counts or Counter(words)
    top_word, top_count = counts.most_common(1)[0]
    return Repetition(len(words), len(set(words)), top_word, top_count)


def is_boilerplate(stats: Repetition) -> bool:
    """Text made of repeats: one word is over a third of it, or under a fifth of it is new words."""
    return stats.top_share > 0.34 or stats.unique / stats.words < 0.2


def repeated_sentences(text: str, *, min_words: int = 4) -> list[tuple[str, int]]:
    """Sentences of `min_words` words or more that stand in the text more than once."""
    sentences = [s.strip() for s in SENTENCE_SPLIT_RE.split(text) if s.strip()]
    counts = Counter(normalised(s) for s in sentences if len(normalised(s).split()) >= min_words)
    first: dict[str, str] = {}
    for sentence in sentences:
        first.setdefault(normalised(sentence), sentence)
    return [(first[key], n) for key, n in counts.most_common() if n > 1]


def places_in(text: str) -> dict[str, str]:
    """The places a text names: {lemma: as written}. A capitalised geographical name («Москвы»,
    «Обнинска») or a capitalised adjective before район/область/округ/край («Людиновского
    района», «Брянской области»)."""
    found: dict[str, str] = {}
    for match in CAPITALISED_RE.finditer(text):
        word = match.group(0)
        lemma = _place_lemma(word)
        if lemma is None and _lemma(word.lower())[1] == "ADJF":
            following = text[match.end() :].split(maxsplit=1)
            noun = following[0].strip(".,;:»)").lower() if following else ""
            if noun and _lemma(noun)[0] in PLACE_NOUNS:
                lemma = _lemma(word.lower())[0]
        if lemma is not None:
            found.setdefault(lemma, word)
    return found


def place_lemmas(text: str) -> set[str]:
    """Lemmas of every word of a text: the names a geography is written with."""
    return {_lemma(word)[0] for word in WORD_RE.findall(text.lower())}


def same_place(a: str, b: str) -> bool:
    """Two lemmas name the same place: «калуга» and «калужский», «людиново» and «людиновский»."""
    if a == b:
        return True
    n = max(3, min(len(a), len(b)) - 2)
    return len(a) >= 3 and len(b) >= 3 and a[:n] == b[:n]
