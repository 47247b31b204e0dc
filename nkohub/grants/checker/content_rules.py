"""What the project says: whether the problem is shown with facts (relevance), whether goal, tasks,
events and dates hold together (coherence), whether results can be measured, and whether the
target groups live where the project works."""

from collections.abc import Iterable
from datetime import timedelta
from typing import Any

from nkohub.grants.checker.base import (
    Finding,
    ProjectFacts,
    RegionFacts,
    Severity,
    Snapshot,
    date_of,
    numbers_text,
    quoted,
    ru_date,
)
from nkohub.grants.checker.language import (
    content_lemmas,
    count_goals,
    has_indicator,
    has_number,
    is_boilerplate,
    normalised,
    place_lemmas,
    places_in,
    repeated_sentences,
    repetition,
    same_place,
)

NARRATIVE_PARTS = {
    "summary": "Краткое описание",
    "goal": "Цель",
    "social_significance": "Обоснование социальной значимости",
}
# A project shorter than this cannot run a calendar plan of several events.
SHORTEST_REAL_PROJECT = timedelta(days=30)


def _target_groups(text: str) -> list[str]:
    return [
        line.strip(" \t-•·*0123456789.)") for line in text.splitlines() if line.strip(" \t-•·*")
    ]


# --- 1. relevance and social significance ------------------------------------------------


def check_texts(doc: Snapshot) -> Iterable[Finding]:
    for name, label in NARRATIVE_PARTS.items():
        text = str(doc.get(name) or "")
        stats = repetition(text)
        criterion = "relevance" if name == "social_significance" else "coherence"
        if name == "summary":
            criterion = "admission"
        if stats is not None and is_boilerplate(stats):
            yield Finding(
                Severity.BLOCKING,
                name,
                f"Раздел «{label}» состоит из повторов: слово «{stats.top_word}» стоит в нём "
                f"{stats.top_count} раз из {stats.words} слов, разных слов всего {stats.unique}. "
                "Эксперт не увидит здесь ни проблемы, ни решения.",
                "boilerplate_text",
                criterion,
            )
            continue
        for sentence, times in repeated_sentences(text)[:3]:
            yield Finding(
                Severity.IMPORTANT,
                name,
                f"В разделе «{label}» предложение {quoted(sentence)} повторяется {times} раза: "
                "повтор не добавляет доводов.",
                "repeated_sentence",
                criterion,
            )
    summary = normalised(str(doc.get("summary") or ""))
    significance = normalised(str(doc.get("social_significance") or ""))
    if summary and summary == significance:
        yield Finding(
            Severity.IMPORTANT,
            "social_significance",
            "Обоснование социальной значимости дословно повторяет краткое описание: эксперт "
            "ждёт здесь описание проблемы с фактами, а не пересказ проекта.",
            "copied_text",
            "relevance",
        )
    raw = str(doc.get("social_significance") or "")
    stats = repetition(raw)
    if len(raw) >= 200 and not has_number(raw) and not (stats and is_boilerplate(stats)):
        yield Finding(
            Severity.IMPORTANT,
            "social_significance",
            "В обосновании социальной значимости нет ни одного числа: ни статистики, ни "
            "результатов опроса, ни данных ведомств. Без них проблема «описана общими фразами, "
            "без ссылок на конкретные факты» — так эксперты и пишут в оценке.",
            "significance_without_facts",
            "relevance",
        )


# --- 2. coherence and feasibility --------------------------------------------------------


def check_goal(doc: Snapshot) -> Iterable[Finding]:
    goals = count_goals(str(doc.get("goal") or ""))
    if goals > 1:
        yield Finding(
            Severity.IMPORTANT,
            "goal",
            f"В разделе «Цель» сформулировано несколько целей ({goals}); у проекта должна "
            "быть одна цель, остальное — задачи.",
            "several_goals",
            "coherence",
        )


def _duplicate_tasks(tasks: list[dict[str, Any]]) -> Iterable[Finding]:
    """Tasks that say the same thing in the same words, or nearly the same."""
    texts = {task["position"]: str(task["text"]) for task in tasks}
    first_with_text: dict[str, int] = {}
    copies: dict[int, list[int]] = {}
    similar: list[tuple[int, int]] = []
    for number, text in texts.items():
        key = normalised(text)
        if key in first_with_text:
            copies.setdefault(first_with_text[key], []).append(number)
            continue
        mine = content_lemmas(text)
        for first in first_with_text.values():
            theirs = content_lemmas(texts[first])
            if min(len(mine), len(theirs)) >= 3 and len(mine & theirs) / len(mine | theirs) >= 0.8:
                similar.append((first, number))
                break
        first_with_text[key] = number
    for first, repeats in copies.items():
        word = "повторяет" if len(repeats) == 1 else "повторяют"
        yield Finding(
            Severity.BLOCKING,
            "tasks",
            f"{'Задача' if len(repeats) == 1 else 'Задачи'} {numbers_text(repeats)} дословно "
            f"{word} задачу {first} ({quoted(texts[first])}): у каждой задачи должен быть свой "
            "результат, иначе эксперт сочтёт план формальным.",
            "tasks_repeat",
            "coherence",
        )
    for first, number in similar:
        yield Finding(
            Severity.IMPORTANT,
            "tasks",
            f"Задача {number} почти повторяет задачу {first} ({quoted(texts[first])}): "
            "объедините их или покажите, чем они различаются.",
            "tasks_similar",
            "coherence",
        )


def check_tasks(doc: Snapshot) -> Iterable[Finding]:
    goal_lemmas = content_lemmas(str(doc.get("goal") or ""))
    planned = {event["task_number"] for event in doc.get("plan_events", [])}
    numbers = {task["position"] for task in doc.get("tasks", [])}
    yield from _duplicate_tasks(doc.get("tasks", []))
    for task in doc.get("tasks", []):
        number = task["position"]
        if goal_lemmas and not (content_lemmas(task["text"]) & goal_lemmas):
            yield Finding(
                Severity.IMPORTANT,
                "tasks",
                f"Задача {number} не связана с целью: в ней нет ни одного понятия из цели. "
                "Покажите, как её решение приближает к цели.",
                "task_off_goal",
                "coherence",
            )
        if number not in planned:
            yield Finding(
                Severity.IMPORTANT,
                "tasks",
                f"Для задачи {number} в календарном плане нет ни одного мероприятия.",
                "task_without_events",
                "coherence",
            )
    for event in doc.get("plan_events", []):
        if event["task_number"] not in numbers:
            yield Finding(
                Severity.IMPORTANT,
                "plan_events",
                f"Мероприятие {event['position']} ссылается на задачу {event['task_number']}, "
                "которой нет в заявке.",
                "event_unknown_task",
                "coherence",
            )


def check_schedule(doc: Snapshot) -> Iterable[Finding]:
    starts, ends = date_of(doc.get("starts_on")), date_of(doc.get("ends_on"))
    events = doc.get("plan_events", [])
    if (
        starts
        and ends
        and starts <= ends
        and ends - starts + timedelta(days=1) < (SHORTEST_REAL_PROJECT)
    ):
        days = (ends - starts).days + 1
        tasks = len(doc.get("tasks", []))
        yield Finding(
            Severity.BLOCKING,
            "starts_on",
            f"Проект длится {days} {_days(days)} ({ru_date(starts)} – {ru_date(ends)}): за такой "
            f"срок не выполнить {tasks} {_tasks(tasks)} и {len(events)} {_events(len(events))} "
            "календарного плана, эксперт сочтёт сроки нереалистичными.",
            "duration_unrealistic",
            "coherence",
        )
    for event in events:
        event_start, event_end = date_of(event.get("starts_on")), date_of(event.get("ends_on"))
        if (starts and event_start and event_start < starts) or (
            ends and event_end and event_end > ends
        ):
            yield Finding(
                Severity.IMPORTANT,
                "plan_events",
                f"Мероприятие {event['position']} выходит за сроки реализации проекта.",
                "event_outside_project",
                "coherence",
            )


def _plural(n: int, one: str, few: str, many: str) -> str:
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def _days(n: int) -> str:
    return _plural(n, "день", "дня", "дней")


def _tasks(n: int) -> str:
    return _plural(n, "задачу", "задачи", "задач")


def _events(n: int) -> str:
    return _plural(n, "мероприятие", "мероприятия", "мероприятий")


# --- 4. measurable results ---------------------------------------------------------------


def _result_problem(event: dict[str, Any]) -> tuple[str, str] | None:
    """(code, message) when an event's expected result cannot be measured."""
    number, result = event["position"], str(event.get("expected_result") or "").strip()
    if not result:
        return "result_missing", f"У мероприятия {number} не указан ожидаемый результат."
    if not has_number(result):
        return (
            "result_without_numbers",
            f"Результат мероприятия {number} не выражен в числах ({quoted(result)}): "
            "укажите, сколько человек, занятий, публикаций.",
        )
    if not has_indicator(result):
        return (
            "result_without_unit",
            f"Результат мероприятия {number} — {quoted(result)}: число без единицы и "
            "показателя. Напишите, что считается: участники, занятия, публикации.",
        )
    return None


def check_results(doc: Snapshot) -> Iterable[Finding]:
    """Each unmeasurable result is named; when no event has a measurable one, one blocking
    finding says so for the whole plan."""
    events = doc.get("plan_events", [])
    problems = [(event, _result_problem(event)) for event in events]
    unmeasurable = [(event, problem) for event, problem in problems if problem is not None]
    if len(events) >= 2 and len(unmeasurable) == len(events):
        written = sorted(
            {quoted(str(e.get("expected_result"))) for e in events if e.get("expected_result")}
        )
        yield Finding(
            Severity.BLOCKING,
            "plan_events",
            f"Ни у одного из {len(events)} мероприятий нет измеримого результата"
            + (f" (указано: {', '.join(written[:3])})" if written else " (результаты не указаны)")
            + ": нет ни числа с единицей измерения, ни показателя, по которому эксперт "
            "соотнесёт расходы с результатами и проверит выполнение.",
            "results_not_measurable",
            "results",
        )
        return
    for _event, (code, message) in unmeasurable:
        yield Finding(Severity.IMPORTANT, "plan_events", message, code, "results")


# --- target groups and geography ---------------------------------------------------------


def _allowed_places(doc: Snapshot, region: RegionFacts | None) -> set[str] | None:
    """Lemmas of the places the project works in; None when the geography is not stated."""
    names = [m["name"] for m in doc.get("municipalities", [])]
    text = " ".join([*names, str(doc.get("geography") or "")])
    if not text.strip() and not doc.get("covers_whole_region"):
        return None
    allowed = place_lemmas(text)
    if region is not None and region.name:
        region_lemmas = place_lemmas(region.name)
        mentions_region = any(same_place(a, b) for a in allowed for b in region_lemmas)
        if doc.get("covers_whole_region") or mentions_region:
            allowed |= region_lemmas | place_lemmas(" ".join(region.places))
    return allowed


def check_target_groups(doc: Snapshot, region: RegionFacts | None) -> Iterable[Finding]:
    allowed = _allowed_places(doc, region)
    if allowed is None:
        return
    where = (
        ", ".join(m["name"] for m in doc.get("municipalities", []))
        or str(doc.get("geography") or "").strip()
    )
    if doc.get("covers_whole_region") and region is not None and region.name:
        where = region.name
    for group in _target_groups(str(doc.get("target_groups") or "")):
        outside = [
            written
            for lemma, written in places_in(group).items()
            if not any(same_place(lemma, known) for known in allowed)
        ]
        if outside:
            yield Finding(
                Severity.BLOCKING,
                "target_groups",
                f"Целевая группа «{group}» живёт не там, где идёт проект: "
                f"{', '.join(f'«{place}»' for place in outside)} "
                f"{'не входит' if len(outside) == 1 else 'не входят'} в географию проекта "
                f"({where}).",
                "target_group_outside_geography",
                "relevance",
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
                "relevance",
            )
        extra = names - project.municipality_names
        if extra:
            yield Finding(
                Severity.IMPORTANT,
                "geography",
                f"В географии заявки есть территории, где проект не работает: "
                f"{', '.join(sorted(extra))}.",
                "geography_mismatch",
                "relevance",
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
                    "relevance",
                )
