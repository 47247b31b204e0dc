"""The checker: reads an application like a Fund expert and explains each finding in Russian.

Pure functions over a document snapshot (`document.snapshot_of`), the competition's rules and
the facts of the project the application started from; no database access, so every rule is
tested directly. Findings are ranked: blocking (the application will not pass as it is),
important (an expert will mark it down), hint (worth a look).
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import IntEnum
from functools import lru_cache
from typing import Any

import pymorphy3

Snapshot = dict[str, Any]


class Severity(IntEnum):
    BLOCKING = 1
    IMPORTANT = 2
    HINT = 3

    @property
    def label(self) -> str:
        return {1: "блокирующее", 2: "важное", 3: "подсказка"}[self.value]

    @property
    def css(self) -> str:
        return {1: "error", 2: "warn", 3: "ok"}[self.value]


@dataclass(frozen=True)
class Finding:
    severity: Severity
    field: str  # the form field or part it points at: "goal", "tasks", "budget_items"…
    message: str
    code: str

    @property
    def anchor(self) -> str:
        return f"part-{self.field}"


@dataclass(frozen=True)
class CompetitionRules:
    direction_ids: frozenset[int] = frozenset()
    implementation_starts_from: date | None = None
    implementation_ends_by: date | None = None
    min_amount: Decimal | None = None
    max_amount: Decimal | None = None
    cofinancing_min_percent: Decimal = Decimal("0")


@dataclass(frozen=True)
class ProjectFacts:
    covers_whole_region: bool = False
    municipality_names: frozenset[str] = frozenset()
    target_groups: tuple[str, ...] = field(default_factory=tuple)


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
ITEM_RE = re.compile(r"^\s*(?:\d{1,2}[.)]|[-•·*—])\s*\S")
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


@lru_cache(maxsize=1)
def _morph() -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer(lang="ru")


@lru_cache(maxsize=20000)
def _lemma(word: str) -> tuple[str, str | None]:
    parsed = _morph().parse(word)[0]
    return parsed.normal_form.replace("ё", "е"), parsed.tag.POS


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


def _decimal(value: Any) -> Decimal:
    try:
        return Decimal(str(value or "0"))
    except InvalidOperation:
        return Decimal("0")


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _ru_money(amount: Decimal) -> str:
    whole, _dot, kopecks = f"{amount:.2f}".partition(".")
    return f"{int(whole):,}".replace(",", " ") + f",{kopecks} ₽"


def _percent(value: Decimal) -> str:
    text = f"{value.quantize(Decimal('0.1')):f}".removesuffix(".0")
    return text.replace(".", ",")


def _ru_date(value: date) -> str:
    return value.strftime("%d.%m.%Y")


def _target_groups(text: str) -> list[str]:
    return [
        line.strip(" \t-•·*0123456789.)") for line in text.splitlines() if line.strip(" \t-•·*")
    ]


# --- the rules ---------------------------------------------------------------------------


def check_required(doc: Snapshot) -> Iterable[Finding]:
    for name, label in REQUIRED_TEXT.items():
        if not str(doc.get(name) or "").strip():
            yield Finding(Severity.BLOCKING, name, f"Не заполнен раздел «{label}».", "missing")
    for name, (minimum, label) in MIN_LENGTHS.items():
        text = str(doc.get(name) or "").strip()
        if text and len(text) < minimum:
            yield Finding(
                Severity.IMPORTANT,
                name,
                f"Раздел «{label}» слишком короткий ({len(text)} зн.): эксперты ждут "
                f"не меньше {minimum} знаков.",
                "too_short",
            )
    if not doc.get("direction_id"):
        yield Finding(
            Severity.BLOCKING, "direction", "Не выбрано грантовое направление.", "missing"
        )
    if not doc.get("starts_on") or not doc.get("ends_on"):
        yield Finding(
            Severity.BLOCKING, "starts_on", "Не указаны сроки реализации проекта.", "missing"
        )
    if _decimal(doc.get("requested_amount")) <= 0:
        yield Finding(
            Severity.BLOCKING, "requested_amount", "Не указана запрашиваемая сумма.", "missing"
        )
    if not doc.get("tasks"):
        yield Finding(Severity.BLOCKING, "tasks", "Не указано ни одной задачи проекта.", "missing")
    if not doc.get("budget_items"):
        yield Finding(Severity.BLOCKING, "budget_items", "Бюджет проекта пуст.", "missing")
    if not doc.get("plan_events"):
        yield Finding(Severity.BLOCKING, "plan_events", "Календарный план пуст.", "missing")
    if not (doc.get("covers_whole_region") or doc.get("municipalities") or doc.get("geography")):
        yield Finding(Severity.BLOCKING, "geography", "Не указана география проекта.", "missing")


def check_goal(doc: Snapshot) -> Iterable[Finding]:
    goals = count_goals(str(doc.get("goal") or ""))
    if goals > 1:
        yield Finding(
            Severity.IMPORTANT,
            "goal",
            f"В разделе «Цель» сформулировано несколько целей ({goals}); у проекта должна "
            "быть одна цель, остальное — задачи.",
            "several_goals",
        )


def check_tasks(doc: Snapshot) -> Iterable[Finding]:
    goal_lemmas = content_lemmas(str(doc.get("goal") or ""))
    planned = {event["task_number"] for event in doc.get("plan_events", [])}
    numbers = {task["position"] for task in doc.get("tasks", [])}
    for task in doc.get("tasks", []):
        number = task["position"]
        if goal_lemmas and not (content_lemmas(task["text"]) & goal_lemmas):
            yield Finding(
                Severity.IMPORTANT,
                "tasks",
                f"Задача {number} не связана с целью: в ней нет ни одного понятия из цели. "
                "Покажите, как её решение приближает к цели.",
                "task_off_goal",
            )
        if number not in planned:
            yield Finding(
                Severity.IMPORTANT,
                "tasks",
                f"Для задачи {number} в календарном плане нет ни одного мероприятия.",
                "task_without_events",
            )
    for event in doc.get("plan_events", []):
        if event["task_number"] not in numbers:
            yield Finding(
                Severity.IMPORTANT,
                "plan_events",
                f"Мероприятие {event['position']} ссылается на задачу {event['task_number']}, "
                "которой нет в заявке.",
                "event_unknown_task",
            )


def check_results(doc: Snapshot) -> Iterable[Finding]:
    for event in doc.get("plan_events", []):
        result = str(event.get("expected_result") or "").strip()
        if not result:
            yield Finding(
                Severity.IMPORTANT,
                "plan_events",
                f"У мероприятия {event['position']} не указан ожидаемый результат.",
                "result_missing",
            )
        elif not has_number(result):
            yield Finding(
                Severity.IMPORTANT,
                "plan_events",
                f"Результат мероприятия {event['position']} не выражен в числах "
                f"(«{result[:60]}»): укажите, сколько человек, занятий, публикаций.",
                "result_without_numbers",
            )


def check_dates(doc: Snapshot, rules: CompetitionRules | None) -> Iterable[Finding]:
    starts, ends = _date(doc.get("starts_on")), _date(doc.get("ends_on"))
    if starts and ends and ends < starts:
        yield Finding(
            Severity.BLOCKING,
            "ends_on",
            "Дата окончания проекта раньше даты начала.",
            "dates_order",
        )
    if rules is not None:
        if (
            starts
            and rules.implementation_starts_from
            and starts < rules.implementation_starts_from
        ):
            yield Finding(
                Severity.BLOCKING,
                "starts_on",
                f"Проект начинается {_ru_date(starts)}, а конкурс допускает начало не раньше "
                f"{_ru_date(rules.implementation_starts_from)}.",
                "dates_outside_period",
            )
        if ends and rules.implementation_ends_by and ends > rules.implementation_ends_by:
            yield Finding(
                Severity.BLOCKING,
                "ends_on",
                f"Проект заканчивается {_ru_date(ends)}, а конкурс требует завершить его не "
                f"позднее {_ru_date(rules.implementation_ends_by)}.",
                "dates_outside_period",
            )
    for event in doc.get("plan_events", []):
        event_start, event_end = _date(event.get("starts_on")), _date(event.get("ends_on"))
        if (starts and event_start and event_start < starts) or (
            ends and event_end and event_end > ends
        ):
            yield Finding(
                Severity.IMPORTANT,
                "plan_events",
                f"Мероприятие {event['position']} выходит за сроки реализации проекта.",
                "event_outside_project",
            )


def check_money(doc: Snapshot, rules: CompetitionRules | None) -> Iterable[Finding]:
    requested = _decimal(doc.get("requested_amount"))
    cofinancing = _decimal(doc.get("cofinancing_amount"))
    total = _decimal(doc.get("total_amount"))
    items = doc.get("budget_items", [])
    if items:
        budget_sum = sum((_decimal(item["amount"]) for item in items), Decimal("0"))
        if budget_sum != requested:
            yield Finding(
                Severity.BLOCKING,
                "budget_items",
                f"Статьи бюджета в сумме дают {_ru_money(budget_sum)}, а запрашивается "
                f"{_ru_money(requested)} (разница {_ru_money(abs(budget_sum - requested))}).",
                "budget_mismatch",
            )
        items_cofinancing = sum((_decimal(item["cofinancing"]) for item in items), Decimal("0"))
        if items_cofinancing and items_cofinancing != cofinancing:
            yield Finding(
                Severity.IMPORTANT,
                "budget_items",
                f"Софинансирование по статьям бюджета — {_ru_money(items_cofinancing)}, а в "
                f"заявке указано {_ru_money(cofinancing)}.",
                "cofinancing_items_mismatch",
            )
    if total and total != requested + cofinancing:
        yield Finding(
            Severity.IMPORTANT,
            "total_amount",
            f"Общая сумма расходов ({_ru_money(total)}) не равна запрашиваемой сумме плюс "
            f"софинансирование ({_ru_money(requested + cofinancing)}).",
            "total_mismatch",
        )
    if rules is None or requested <= 0:
        return
    if rules.min_amount is not None and requested < rules.min_amount:
        yield Finding(
            Severity.BLOCKING,
            "requested_amount",
            f"Запрашиваемая сумма {_ru_money(requested)} меньше минимальной для конкурса "
            f"({_ru_money(rules.min_amount)}).",
            "amount_out_of_range",
        )
    if rules.max_amount is not None and requested > rules.max_amount:
        yield Finding(
            Severity.BLOCKING,
            "requested_amount",
            f"Запрашиваемая сумма {_ru_money(requested)} больше максимальной для конкурса "
            f"({_ru_money(rules.max_amount)}).",
            "amount_out_of_range",
        )
    if rules.cofinancing_min_percent > 0:
        base = total or (requested + cofinancing)
        share = (cofinancing * 100 / base) if base else Decimal("0")
        if share < rules.cofinancing_min_percent:
            yield Finding(
                Severity.BLOCKING,
                "cofinancing_amount",
                f"Софинансирование составляет {_percent(share)} % общей суммы, "
                f"а конкурс требует не меньше {_percent(rules.cofinancing_min_percent)} %.",
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


def check_against_project(doc: Snapshot, project: ProjectFacts | None) -> Iterable[Finding]:
    if project is None:
        return
    names = {m["name"] for m in doc.get("municipalities", [])}
    if not project.covers_whole_region and (project.municipality_names or names):
        if doc.get("covers_whole_region"):
            yield Finding(
                Severity.IMPORTANT,
                "geography",
                "Заявка охватывает всю область, а проект работает только в: "
                f"{', '.join(sorted(project.municipality_names)) or 'не указано'}.",
                "geography_mismatch",
            )
        extra = names - project.municipality_names
        if extra:
            yield Finding(
                Severity.IMPORTANT,
                "geography",
                f"В географии заявки есть территории, где проект не работает: "
                f"{', '.join(sorted(extra))}.",
                "geography_mismatch",
            )
    if project.target_groups:
        project_lemmas = [content_lemmas(group) for group in project.target_groups]
        for group in _target_groups(str(doc.get("target_groups") or "")):
            lemmas = content_lemmas(group)
            if lemmas and not any(lemmas & known for known in project_lemmas):
                yield Finding(
                    Severity.IMPORTANT,
                    "target_groups",
                    f"Целевая группа «{group}» не совпадает ни с одной группой проекта.",
                    "target_group_mismatch",
                )


def check_document(
    doc: Snapshot,
    *,
    rules: CompetitionRules | None = None,
    project: ProjectFacts | None = None,
) -> list[Finding]:
    """All findings, most serious first, in the Fund's order of parts within a rank."""
    findings = [
        *check_required(doc),
        *check_goal(doc),
        *check_tasks(doc),
        *check_results(doc),
        *check_dates(doc, rules),
        *check_money(doc, rules),
        *check_direction(doc, rules),
        *check_against_project(doc, project),
    ]
    return sorted(findings, key=lambda finding: finding.severity)
