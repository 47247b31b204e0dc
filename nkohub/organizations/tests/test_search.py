"""Russian search: word forms, related words, typos and identifiers — the same answers on SQLite and PostgreSQL."""

from typing import Any

import pytest
from django.urls import reverse

from nkohub.organizations.search import parse_query, search_text_for, tsquery_for
from nkohub.organizations.selectors import DirectoryQuery, directory_organizations

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
