"""The checker's rules, on the planted and the clean application (pure: no database)."""

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from nkohub.grants.checker import (
    CompetitionRules,
    ProjectFacts,
    Severity,
    check_document,
    content_lemmas,
    count_goals,
    has_number,
)
from nkohub.grants.tests.conftest import load_document

RULES = CompetitionRules(
    direction_ids=frozenset({1}),
    implementation_starts_from=date(2027, 3, 1),
    implementation_ends_by=date(2028, 6, 30),
    min_amount=Decimal("500000"),
    max_amount=Decimal("10000000"),
    cofinancing_min_percent=Decimal("15"),
)
PROJECT = ProjectFacts(
    covers_whole_region=False,
    municipality_names=frozenset({"Калуга"}),
    target_groups=("Пожилые люди старше 65 лет", "Волонтёры"),
)


def findings(doc: dict[str, Any]) -> list[Any]:
    return check_document(doc, rules=RULES, project=PROJECT)


def test_the_clean_application_passes() -> None:
    assert findings(load_document("clean")) == []


# Every mistake planted in planted.json, with the field the finding must point at.
PLANTED = [
    ("missing", "social_significance", Severity.BLOCKING, "Обоснование социальной значимости"),
    ("too_short", "summary", Severity.IMPORTANT, "Краткое описание"),
    ("several_goals", "goal", Severity.IMPORTANT, "несколько целей (2)"),
    ("task_off_goal", "tasks", Severity.IMPORTANT, "Задача 4 не связана с целью"),
    ("task_without_events", "tasks", Severity.IMPORTANT, "задачи 3"),
    ("event_unknown_task", "plan_events", Severity.IMPORTANT, "задачу 9"),
    ("result_without_numbers", "plan_events", Severity.IMPORTANT, "мероприятия 1"),
    ("dates_outside_period", "starts_on", Severity.BLOCKING, "не раньше 01.03.2027"),
    ("event_outside_project", "plan_events", Severity.IMPORTANT, "Мероприятие 4"),
    ("budget_mismatch", "budget_items", Severity.BLOCKING, "разница 500 000,00 ₽"),
    ("total_mismatch", "total_amount", Severity.IMPORTANT, "12 600 000,00 ₽"),
    ("cofinancing_below_rule", "cofinancing_amount", Severity.BLOCKING, "0,8 %"),
    ("amount_out_of_range", "requested_amount", Severity.BLOCKING, "10 000 000,00 ₽"),
    ("direction_not_in_competition", "direction", Severity.BLOCKING, "исторической памяти"),
    ("geography_mismatch", "geography", Severity.IMPORTANT, "Обнинск"),
    ("target_group_mismatch", "target_groups", Severity.IMPORTANT, "Студенты вузов"),
]


@pytest.mark.parametrize(("code", "field", "severity", "words"), PLANTED)
def test_each_planted_mistake_is_found_and_points_at_its_field(
    code: str, field: str, severity: Severity, words: str
) -> None:
    matching = [f for f in findings(load_document("planted")) if f.code == code]
    assert matching, f"{code} not found"
    assert any(f.field == field and f.severity == severity and words in f.message for f in matching)


def test_nothing_but_the_planted_mistakes_is_reported() -> None:
    found = {(f.code, f.field) for f in findings(load_document("planted"))}
    assert found == {(code, field) for code, field, _severity, _words in PLANTED}


def test_findings_are_ranked_blocking_first() -> None:
    ranks = [f.severity for f in findings(load_document("planted"))]
    assert ranks == sorted(ranks)
    assert ranks[0] == Severity.BLOCKING
    assert ranks[-1] == Severity.IMPORTANT


def test_an_empty_application_is_blocked_on_every_required_part() -> None:
    fields = {f.field for f in check_document({}) if f.severity == Severity.BLOCKING}
    assert fields >= {
        "title",
        "summary",
        "goal",
        "social_significance",
        "target_groups",
        "direction",
        "starts_on",
        "requested_amount",
        "tasks",
        "budget_items",
        "plan_events",
        "geography",
    }


def test_requested_sum_below_the_minimum_is_blocking() -> None:
    doc = load_document("clean")
    doc["requested_amount"] = "100000.00"
    doc["budget_items"] = [{**doc["budget_items"][0], "amount": "100000.00"}]
    doc["total_amount"] = "480000.00"
    codes = {f.code for f in findings(doc)}
    assert "amount_out_of_range" in codes
    assert "budget_mismatch" not in codes


def test_end_after_the_allowed_period_is_blocking() -> None:
    doc = load_document("clean")
    doc["ends_on"] = "2028-09-30"
    found = [f for f in findings(doc) if f.code == "dates_outside_period"]
    assert found
    assert found[0].field == "ends_on"
    assert "30.06.2028" in found[0].message


def test_without_a_competition_only_the_document_itself_is_checked() -> None:
    doc = load_document("clean")
    doc["requested_amount"] = "99000000.00"
    doc["budget_items"] = [{**doc["budget_items"][0], "amount": "99000000.00"}]
    doc["total_amount"] = "0.00"
    assert check_document(doc) == []


def test_an_application_for_the_whole_region_from_a_local_project_is_flagged() -> None:
    doc = load_document("clean")
    doc["covers_whole_region"] = True
    assert "geography_mismatch" in {f.code for f in findings(doc)}


def test_an_application_without_a_project_skips_the_project_comparison() -> None:
    doc = load_document("planted")
    codes = {f.code for f in check_document(doc, rules=RULES)}
    assert "geography_mismatch" not in codes
    assert "target_group_mismatch" not in codes


@pytest.mark.parametrize(
    ("goal", "expected"),
    [
        ("Снизить изоляцию пожилых людей.", 1),
        ("1. Снизить изоляцию.\n2. Купить автомобиль.", 2),
        ("- Снизить изоляцию\n- Купить автомобиль\n- Провести праздник", 3),
        ("Снизить изоляцию пожилых людей. Развить базу организации.", 2),
        ("Снизить изоляцию пожилых людей, которые живут одни. Это важно.", 1),
        ("", 0),
    ],
)
def test_goals_are_counted_by_items_and_infinitive_sentences(goal: str, expected: int) -> None:
    assert count_goals(goal) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("120 человек получат помощь", True),
        ("не менее трёх публикаций", True),
        ("десять встреч клуба", True),
        ("Пожилые люди получают помощь", False),
        ("Повышена осведомлённость жителей", False),
    ],
)
def test_results_need_numbers_in_digits_or_words(text: str, expected: bool) -> None:
    assert has_number(text) is expected


def test_lemmas_match_word_forms_and_skip_generic_words() -> None:
    assert content_lemmas("волонтёрами пожилым жителям") == {"волонтер", "пожилой", "житель"}
    assert content_lemmas("провести мероприятие проекта") == set()
