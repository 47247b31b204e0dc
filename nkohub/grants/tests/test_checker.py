"""The checker's rules, on the planted, the clean and the junk application (pure: no database)."""

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from nkohub.grants.checker import (
    CompetitionRules,
    OrganizationFacts,
    ProjectFacts,
    RegionFacts,
    Severity,
    check_document,
    content_lemmas,
    count_goals,
    expert_review,
    has_number,
)
from nkohub.grants.checker.language import (
    has_indicator,
    is_boilerplate,
    places_in,
    repetition,
    same_place,
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
    doc["budget_items"][0]["amount"] = "98270000.00"  # the other items keep their 730 000 ₽
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


# --- the expert's criteria ---------------------------------------------------------------

EXPERT_RULES = CompetitionRules(
    direction_ids=frozenset({1}),
    applications_close_on=date(2026, 12, 15),
    implementation_starts_from=date(2027, 3, 1),
    implementation_ends_by=date(2028, 6, 30),
    min_amount=Decimal("500000"),
    max_amount=Decimal("10000000"),
)
KALUGA_REGION = RegionFacts(
    name="Калужская область",
    places=frozenset({"Калуга", "Обнинск", "Людиновский район", "Козельский район"}),
)
YOUNG_HIDDEN_ORGANIZATION = OrganizationFacts(
    name="АНО «Добрые соседи»", registered_on=date(2026, 9, 1)
)
PUBLIC_ORGANIZATION = OrganizationFacts(
    name="АНО «Добрые соседи»",
    registered_on=date(2019, 4, 2),
    website="https://dobrye-sosedi.example.org",
)

# Every mistake planted in planted_expert.json: (code, field, severity, criterion, words).
PLANTED_EXPERT = [
    ("too_short", "social_significance", Severity.IMPORTANT, "relevance", "315 зн."),
    ("repeated_sentence", "summary", Severity.IMPORTANT, "admission", "повторяется 2 раза"),
    ("repeated_sentence", "social_significance", Severity.IMPORTANT, "relevance", "Волонтёры"),
    ("copied_text", "social_significance", Severity.IMPORTANT, "relevance", "дословно"),
    (
        "significance_without_facts",
        "social_significance",
        Severity.IMPORTANT,
        "relevance",
        "ни одного числа",
    ),
    (
        "tasks_similar",
        "tasks",
        Severity.IMPORTANT,
        "coherence",
        "Задача 3 почти повторяет задачу 2",
    ),
    (
        "team_member_without_experience",
        "team",
        Severity.IMPORTANT,
        "team",
        "«Иванов Пётр Сергеевич» (координатор волонтёров)",
    ),
    ("team_without_leader", "team", Severity.HINT, "team", "руководитель"),
    ("organization_not_public", "organization", Severity.IMPORTANT, "openness", "ни сайта"),
    ("young_organization", "organization", Severity.HINT, "track_record", "01.09.2026"),
    ("no_contribution", "cofinancing_sources", Severity.HINT, "contribution", "низший балл"),
]


def expert_findings(doc: dict[str, Any], **facts: Any) -> list[Any]:
    facts.setdefault("organization", YOUNG_HIDDEN_ORGANIZATION)
    return check_document(doc, rules=EXPERT_RULES, region=KALUGA_REGION, **facts)


@pytest.mark.parametrize(("code", "field", "severity", "criterion", "words"), PLANTED_EXPERT)
def test_each_mistake_an_expert_would_see_is_found_under_its_criterion(
    code: str, field: str, severity: Severity, criterion: str, words: str
) -> None:
    matching = [f for f in expert_findings(load_document("planted_expert")) if f.code == code]
    assert matching, f"{code} not found"
    assert any(
        f.field == field
        and f.severity == severity
        and f.criterion == criterion
        and words in f.message
        for f in matching
    )


def test_nothing_but_the_experts_planted_mistakes_is_reported() -> None:
    found = {(f.code, f.field) for f in expert_findings(load_document("planted_expert"))}
    assert found == {(code, field) for code, field, *_rest in PLANTED_EXPERT}


def test_the_clean_application_passes_the_expert_checks_too() -> None:
    doc = load_document("clean")
    assert expert_findings(doc, organization=PUBLIC_ORGANIZATION) == []


# The junk application of the issue: each defect with the finding that must block it.
JUNK_DEFECTS = {
    "title «Проект»": "title_says_nothing",
    "social significance «НКО » repeated 150 times": "boilerplate_text",
    "four identical tasks": "tasks_repeat",
    "a target group that cannot live in the project's geography": "target_group_outside_geography",
    "a two-day project": "duration_unrealistic",
    "3.3 million ₽ in one «Прочие расходы» line": "budget_vague_item",
    "every expected result «1»": "results_not_measurable",
    "no team": "team_missing",
}


@pytest.mark.parametrize(("defect", "code"), JUNK_DEFECTS.items())
def test_the_junk_application_is_blocked_for_each_of_its_defects(defect: str, code: str) -> None:
    blocking = {f.code for f in findings(load_document("junk")) if f.severity == Severity.BLOCKING}
    assert code in blocking, defect


def test_the_junk_applications_findings_quote_what_they_found() -> None:
    by_code = {
        f.code: f.message
        for f in check_document(load_document("junk"), rules=RULES, region=KALUGA_REGION)
    }
    assert "«Проект»" in by_code["title_says_nothing"]
    assert "«нко» стоит в нём 150 раз из 150 слов" in by_code["boilerplate_text"]
    assert "Задачи 2, 3 и 4 дословно повторяют задачу 1" in by_code["tasks_repeat"]
    assert (
        "«Москвы» не входит в географию проекта (Людиновский район)"
        in by_code["target_group_outside_geography"]
    )
    assert "2 дня (01.03.2027 – 02.03.2027)" in by_code["duration_unrealistic"]
    assert "«Прочие расходы» — 3 300 000,00 ₽, 100 %" in by_code["budget_vague_item"]
    assert "не больше 20 %" in by_code["budget_vague_item"]
    assert "(указано: «1»)" in by_code["results_not_measurable"]


def test_the_competitions_own_share_for_a_vague_item_is_used() -> None:
    doc = load_document("clean")
    doc["budget_items"][2] = {
        **doc["budget_items"][2],
        "name": "Прочие расходы",
        "category": "other",
    }
    strict = CompetitionRules(vague_budget_item_max_percent=Decimal("10"))
    lenient = CompetitionRules(vague_budget_item_max_percent=Decimal("15"))
    # «Прочие расходы» is 200 000 ₽ of 1 450 000 ₽: 13,8 %.
    assert [f.code for f in check_document(doc, rules=strict)] == ["budget_vague_item"]
    assert check_document(doc, rules=lenient) == []


def test_a_target_group_of_a_town_inside_the_projects_district_is_not_flagged() -> None:
    doc = load_document("junk")
    doc["target_groups"] = "Жители Людинова\nПенсионеры Людиновского района"
    codes = {f.code for f in check_document(doc, region=KALUGA_REGION)}
    assert "target_group_outside_geography" not in codes


def test_a_project_for_the_whole_region_may_serve_any_of_its_towns() -> None:
    doc = load_document("junk")
    doc["municipalities"], doc["covers_whole_region"] = [], True
    doc["target_groups"] = "Студенты вузов Обнинска\nЖители Калуги"
    codes = {f.code for f in check_document(doc, region=KALUGA_REGION)}
    assert "target_group_outside_geography" not in codes


def test_the_expert_review_says_per_criterion_what_an_expert_would_likely_say() -> None:
    reviews = {r.criterion.code: r for r in expert_review(findings(load_document("junk")))}
    assert [r.criterion.number for r in expert_review([])] == [None, *range(1, 11)]
    assert reviews["budget"].verdict.startswith("Эксперт, скорее всего, оценит этот критерий низко")
    assert "бюджет не детализирован" in reviews["budget"].verdict
    assert reviews["admission"].verdict.startswith("Скорее всего, заявка не соответствует")
    assert reviews["innovation"].findings == ()
    assert "Платформа этого не проверяет" in reviews["innovation"].verdict
    contribution = reviews["contribution"]
    assert contribution.worst == Severity.IMPORTANT
    assert contribution.verdict.startswith("Эксперт, скорее всего, снизит балл")
    clean = {r.criterion.code: r for r in expert_review([])}
    assert clean["team"].verdict == "По тексту заявки замечаний нет."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Студенты вузов Москвы", {"москва"}),
        ("Пенсионеры Людиновского района", {"людиновский"}),
        ("Жители Брянской области", {"брянский"}),
        ("Одинокие пожилые люди старше 65 лет", set()),
        ("Волонтёры", set()),
    ],
)
def test_places_are_found_in_target_groups(text: str, expected: set[str]) -> None:
    assert set(places_in(text)) == expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("калуга", "калужский", True),
        ("людиново", "людиновский", True),
        ("москва", "людиновский", False),
        ("тула", "тульский", True),
        ("обнинск", "калуга", False),
    ],
)
def test_place_names_match_across_word_forms(a: str, b: str, expected: bool) -> None:
    assert same_place(a, b) is expected


@pytest.mark.parametrize(
    ("text", "expected"), [("1", False), ("40 встреч", True), ("не менее 3 500 визитов", True)]
)
def test_a_measurable_result_names_what_it_counts(text: str, expected: bool) -> None:
    assert has_indicator(text) is expected


def test_ordinary_prose_is_not_boilerplate() -> None:
    stats = repetition(load_document("clean")["social_significance"])
    assert stats is not None
    assert not is_boilerplate(stats)
