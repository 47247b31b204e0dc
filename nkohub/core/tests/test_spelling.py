"""The typo tolerance shared by the searches: which words are close, and how the work stays bounded."""

from nkohub.core import spelling
from nkohub.core.spelling import Vocabulary, edit_distance


def test_a_swap_of_neighbouring_letters_is_one_edit() -> None:
    assert edit_distance("фнод", "фонд", 2) == 1


def test_the_distance_stops_counting_past_the_limit() -> None:
    assert edit_distance("калуга", "смоленск", 2) == 3


def test_a_long_word_may_carry_two_typos() -> None:
    vocabulary = Vocabulary.of_words(["хвостики", "хвост", "хвоя"])
    assert vocabulary.closest("хвостеки") == ["хвостики"]


def test_a_short_word_may_carry_one_typo_only() -> None:
    vocabulary = Vocabulary.of_words(["фонд", "мир"])
    assert vocabulary.closest("фонт") == ["фонд"]
    assert vocabulary.closest("фант") == []  # two edits in four letters


def test_words_of_two_letters_are_never_corrected() -> None:
    assert Vocabulary.of_words(["до", "по"]).closest("бо") == []


def test_the_nearest_word_comes_first_then_the_most_frequent() -> None:
    vocabulary = Vocabulary({"приют": 1, "приз": 5, "прикл": 9})
    assert vocabulary.closest("приюи")[0] == "приют"
    assert Vocabulary({"сова": 1, "сола": 7}).closest("сопа") == ["сола", "сова"]


def test_case_and_yo_do_not_matter() -> None:
    vocabulary = Vocabulary.of_words(["Ёлочка"])
    assert "елочка" in vocabulary
    assert vocabulary.closest("ЕЛОЧКО") == ["елочка"]


def test_a_cached_vocabulary_is_built_again_only_when_its_stamp_changes() -> None:
    builds: list[int] = []

    def build() -> Vocabulary:
        builds.append(1)
        return Vocabulary.of_words(["фонд"])

    spelling.cached_vocabulary("test", (1, "a"), build)
    spelling.cached_vocabulary("test", (1, "a"), build)
    assert len(builds) == 1
    spelling.cached_vocabulary("test", (2, "b"), build)
    assert len(builds) == 2
