"""The competition's conditions and the form itself: required parts, a title that says something,
the direction, the dates and the amounts the competition allows."""

from collections.abc import Iterable

from nkohub.grants.checker.base import (
    CompetitionRules,
    Finding,
    Severity,
    Snapshot,
    date_of,
    decimal_of,
    ru_date,
    ru_money,
    ru_percent,
)
from nkohub.grants.checker.language import GENERIC_LEMMAS, lemma_of, normalised

# Minimum lengths (characters) an expert expects of the narrative parts.
MIN_LENGTHS: dict[str, tuple[int, str]] = {
    "summary": (200, "Краткое описание"),
    "goal": (30, "Цель"),
    "social_significance": (500, "Обоснование социальной значимости"),
}
REQUIRED_TEXT: dict[str, str] = {
    "title": "Название проекта",
    "summary": "Краткое описание",
    "goal": "Цель",
    "social_significance": "Обоснование социальной значимости",
    "target_groups": "Целевые группы",
}
# The criterion under which an expert would note a missing or thin part.
PART_CRITERIA: dict[str, str] = {
    "title": "admission",
    "summary": "admission",
    "goal": "coherence",
    "social_significance": "relevance",
    "target_groups": "relevance",
    "tasks": "coherence",
    "plan_events": "coherence",
    "budget_items": "budget",
    "geography": "relevance",
}
# Titles that name no project at all, and the words such titles are made of.
EMPTY_TITLE_WORDS = GENERIC_LEMMAS | {"социальный", "нко", "грант", "заявка", "название", "номер"}
EMPTY_TITLES = frozenset(
    {
        "проект",
        "наш проект",
        "социальный проект",
        "новый проект",
        "заявка",
        "название",
        "название проекта",
        "грант",
        "без названия",
    }
)


def check_required(doc: Snapshot) -> Iterable[Finding]:
    for name, label in REQUIRED_TEXT.items():
        if not str(doc.get(name) or "").strip():
            yield Finding(
                Severity.BLOCKING,
                name,
                f"Не заполнен раздел «{label}».",
                "missing",
                PART_CRITERIA[name],
            )
    for name, (minimum, label) in MIN_LENGTHS.items():
        text = str(doc.get(name) or "").strip()
        if text and len(text) < minimum:
            yield Finding(
                Severity.IMPORTANT,
                name,
                f"Раздел «{label}» слишком короткий ({len(text)} зн.): эксперты ждут "
                f"не меньше {minimum} знаков.",
                "too_short",
                PART_CRITERIA[name],
            )
    if not doc.get("direction_id"):
        yield Finding(
            Severity.BLOCKING, "direction", "Не выбрано грантовое направление.", "missing"
        )
    if not doc.get("starts_on") or not doc.get("ends_on"):
        yield Finding(
            Severity.BLOCKING, "starts_on", "Не указаны сроки реализации проекта.", "missing"
        )
    if decimal_of(doc.get("requested_amount")) <= 0:
        yield Finding(
            Severity.BLOCKING, "requested_amount", "Не указана запрашиваемая сумма.", "missing"
        )
    parts = (
        ("tasks", "Не указано ни одной задачи проекта."),
        ("budget_items", "Бюджет проекта пуст."),
        ("plan_events", "Календарный план пуст."),
    )
    for name, message in parts:
        if not doc.get(name):
            yield Finding(Severity.BLOCKING, name, message, "missing", PART_CRITERIA[name])
    if not (doc.get("covers_whole_region") or doc.get("municipalities") or doc.get("geography")):
        yield Finding(
            Severity.BLOCKING,
            "geography",
            "Не указана география проекта.",
            "missing",
            PART_CRITERIA["geography"],
        )


def check_title(doc: Snapshot) -> Iterable[Finding]:
    title = str(doc.get("title") or "").strip()
    if not title:
        return
    words = normalised(title).split()
    if normalised(title) in EMPTY_TITLES or all(lemma_of(w) in EMPTY_TITLE_WORDS for w in words):
        yield Finding(
            Severity.BLOCKING,
            "title",
            f"Название «{title}» ничего не говорит о проекте: эксперт и жители должны по "
            "названию понять, что и для кого будет сделано.",
            "title_says_nothing",
        )


def check_dates(doc: Snapshot, rules: CompetitionRules | None) -> Iterable[Finding]:
    starts, ends = date_of(doc.get("starts_on")), date_of(doc.get("ends_on"))
    if starts and ends and ends < starts:
        yield Finding(
            Severity.BLOCKING,
            "ends_on",
            "Дата окончания проекта раньше даты начала.",
            "dates_order",
        )
    if rules is None:
        return
    if starts and rules.implementation_starts_from and starts < rules.implementation_starts_from:
        yield Finding(
            Severity.BLOCKING,
            "starts_on",
            f"Проект начинается {ru_date(starts)}, а конкурс допускает начало не раньше "
            f"{ru_date(rules.implementation_starts_from)}.",
            "dates_outside_period",
        )
    if ends and rules.implementation_ends_by and ends > rules.implementation_ends_by:
        yield Finding(
            Severity.BLOCKING,
            "ends_on",
            f"Проект заканчивается {ru_date(ends)}, а конкурс требует завершить его не "
            f"позднее {ru_date(rules.implementation_ends_by)}.",
            "dates_outside_period",
        )


def check_amounts(doc: Snapshot, rules: CompetitionRules | None) -> Iterable[Finding]:
    requested = decimal_of(doc.get("requested_amount"))
    cofinancing = decimal_of(doc.get("cofinancing_amount"))
    total = decimal_of(doc.get("total_amount"))
    if rules is None or requested <= 0:
        return
    if rules.min_amount is not None and requested < rules.min_amount:
        yield Finding(
            Severity.BLOCKING,
            "requested_amount",
            f"Запрашиваемая сумма {ru_money(requested)} меньше минимальной для конкурса "
            f"({ru_money(rules.min_amount)}).",
            "amount_out_of_range",
        )
    if rules.max_amount is not None and requested > rules.max_amount:
        yield Finding(
            Severity.BLOCKING,
            "requested_amount",
            f"Запрашиваемая сумма {ru_money(requested)} больше максимальной для конкурса "
            f"({ru_money(rules.max_amount)}).",
            "amount_out_of_range",
        )
    if rules.cofinancing_min_percent > 0:
        base = total or (requested + cofinancing)
        share = (cofinancing * 100 / base) if base else decimal_of(0)
        if share < rules.cofinancing_min_percent:
            yield Finding(
                Severity.BLOCKING,
                "cofinancing_amount",
                f"Софинансирование составляет {ru_percent(share)} % общей суммы, "
                f"а конкурс требует не меньше {ru_percent(rules.cofinancing_min_percent)} %.",
                "cofinancing_below_rule",
            )


def check_direction(doc: Snapshot, rules: CompetitionRules | None) -> Iterable[Finding]:
    direction = doc.get("direction_id")
    if rules and rules.direction_ids and direction and direction not in rules.direction_ids:
        yield Finding(
            Severity.BLOCKING,
            "direction",
            f"Направление «{doc.get('direction')}» не входит в направления этого конкурса.",
            "direction_not_in_competition",
        )
