"""Russian search: word forms, related words, typos and identifiers — the same answers on SQLite and PostgreSQL."""

from typing import Any
from urllib.parse import parse_qsl

import pytest
from django.db import connection
from django.urls import reverse

from nkohub.core.tests.html_links import href_of
from nkohub.organizations.search import parse_query, search_text_for, tsquery_for
from nkohub.organizations.selectors import (
    DirectoryQuery,
    directory_organizations,
    directory_suggestion,
    registry_vocabulary,
)
from nkohub.organizations.tests.conftest import make_org

pytestmark = pytest.mark.django_db


def names(q: str, **filters: Any) -> set[str]:
    return {o.short_name for o in directory_organizations(DirectoryQuery(q=q, **filters))}


def test_search_text_keeps_lemmas_and_roots() -> None:
    terms = search_text_for("Образовательные проекты").split()
    assert "образовательный" in terms
    assert "образо" in terms
    assert "проект" in terms


def test_tsquery_joins_words_and_their_alternatives() -> None:
    assert (
        tsquery_for(parse_query("образовательные проекты"))
        == "(образовательный | образо:*) & (проект:*)"
    )


def test_word_forms_and_related_words_are_found(corpus: dict[str, Any]) -> None:
    assert names("образовательные проекты") == {"АНО «Знание»"}


def test_a_query_in_another_case_finds_the_name(corpus: dict[str, Any]) -> None:
    assert "БФ «Милосердие»" in names("благотворительного фонда")


def test_a_typo_still_finds_the_organisation(corpus: dict[str, Any]) -> None:
    assert "БФ «Милосердие»" in names("благотворительый фонд")


def test_a_typo_early_in_the_word_still_finds_the_organisation(corpus: dict[str, Any]) -> None:
    assert "БФ «Милосердие»" in names("милосердее")


def test_unrelated_organisations_are_not_found(corpus: dict[str, Any]) -> None:
    assert "ОО «Старт»" not in names("образовательные проекты")
    assert names("футбол") == {"ОО «Старт»"}


def test_search_combines_with_filters(corpus: dict[str, Any]) -> None:
    assert names("образование", kind="authority") == {"Минобрнауки"}


def test_an_exact_inn_goes_straight_to_the_organisation(
    client: Any, corpus: dict[str, Any]
) -> None:
    organization = corpus["sport"]
    response = client.get(reverse("organizations:directory"), {"q": f" {organization.inn} "})
    assert response.status_code == 302
    assert response.url == reverse("organizations:detail", args=[organization.pk])


def test_an_exact_ogrn_goes_straight_to_the_organisation(
    client: Any, corpus: dict[str, Any]
) -> None:
    organization = corpus["charity"]
    response = client.get(reverse("organizations:directory"), {"q": organization.ogrn})
    assert response.url == reverse("organizations:detail", args=[organization.pk])


def test_an_unknown_identifier_shows_the_empty_state(client: Any, corpus: dict[str, Any]) -> None:
    response = client.get(reverse("organizations:directory"), {"q": "4000000000"})
    assert response.status_code == 200
    assert "Ничего не найдено" in response.content.decode()


def test_the_start_of_an_inn_finds_the_organisation(corpus: dict[str, Any]) -> None:
    organization = corpus["education"]
    assert "АНО «Знание»" in names(organization.inn[:7])


def test_when_no_organisation_has_every_word_those_with_some_are_shown(
    client: Any, corpus: dict[str, Any]
) -> None:
    response = client.get(reverse("organizations:directory"), {"q": "футбол милосердие"})
    content = response.content.decode()
    assert "ОО «Старт»" in content
    assert "БФ «Милосердие»" in content


def test_the_directory_matches_roots_as_whole_lexemes_and_short_lemmas_as_prefixes() -> None:
    from nkohub.organizations.selectors import _word_tsquery

    words = parse_query("образовательные фонд")
    assert [_word_tsquery(w) for w in words] == ["(образовательный | образо)", "(фонд:*)"]
    assert [_word_tsquery(w, exact=True) for w in words] == ["(образовательный | образо)", "(фонд)"]


@pytest.fixture
def shelter(corpus: dict[str, Any]) -> Any:
    return make_org(
        full_name="Автономная некоммерческая организация приют для животных «Хвостики»",
        short_name="Приют «Хвостики»",
        description="Помогаем бездомным кошкам и собакам найти дом.",
    )


def test_two_typos_in_a_long_word_still_find_the_organisation(shelter: Any) -> None:
    assert names("хвостеки") == {"Приют «Хвостики»"}


def test_a_typo_and_a_word_form_together_still_find_the_organisation(shelter: Any) -> None:
    assert names("приют хвостеками") == {"Приют «Хвостики»"}


def test_the_directory_suggests_the_corrected_search(client: Any, shelter: Any) -> None:
    response = client.get(reverse("organizations:directory"), {"q": "Хвостеки"})
    content = response.content.decode()
    assert "Возможно, вы имели в виду" in content
    assert href_of(content, "«хвостики»") == "?q=%D1%85%D0%B2%D0%BE%D1%81%D1%82%D0%B8%D0%BA%D0%B8"


def test_the_suggestion_corrects_only_the_unknown_words_and_keeps_the_filters(
    client: Any, corpus: dict[str, Any]
) -> None:
    response = client.get(
        reverse("organizations:directory"),
        {"q": "благотварительный фонд", "kind": "ngo", "page": 2},
    )
    assert response.context["suggestion"] == "благотворительный фонд"
    href = href_of(response.content.decode(), "«благотворительный фонд»")
    assert dict(parse_qsl(href.lstrip("?"))) == {"q": "благотворительный фонд", "kind": "ngo"}


def test_no_suggestion_when_every_word_is_known(client: Any, corpus: dict[str, Any]) -> None:
    response = client.get(reverse("organizations:directory"), {"q": "благотворительного фонда"})
    assert response.context["suggestion"] == ""
    assert "Возможно, вы имели в виду" not in response.content.decode()


def test_no_suggestion_when_nothing_is_close(client: Any, corpus: dict[str, Any]) -> None:
    response = client.get(reverse("organizations:directory"), {"q": "абырвалг"})
    assert response.context["suggestion"] == ""
    assert "Ничего не найдено" in response.content.decode()


def test_words_of_unpublished_organisations_are_never_suggested(corpus: dict[str, Any]) -> None:
    make_org(full_name="Фонд «Секретный проект»", short_name="Секретный", is_published=False)
    assert directory_suggestion(DirectoryQuery(q="секретнй")) == ""


def test_the_vocabulary_follows_changes_of_the_registry(
    corpus: dict[str, Any], settings: Any
) -> None:
    assert directory_suggestion(DirectoryQuery(q="хвостеки")) == ""
    make_org(full_name="Приют «Хвостики»", short_name="Хвостики")
    if connection.vendor == "postgresql":
        # PostgreSQL's word probes are cached for ten minutes (SQLite's vocabulary until a change):
        # an empty cache stands for ten minutes later
        settings.CACHES = {"default": {**settings.CACHES["default"], "KEY_PREFIX": "later"}}
    assert directory_suggestion(DirectoryQuery(q="хвостеки")) == "хвостики"


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's own typo fallback")
def test_on_sqlite_the_vocabulary_is_read_once_until_the_registry_changes(
    shelter: Any, django_assert_num_queries: Any
) -> None:
    registry_vocabulary()
    with django_assert_num_queries(1):  # the stamp: count and latest change of the registry
        registry_vocabulary()
