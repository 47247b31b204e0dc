"""The vocabulary of a Fund project card: its labels and section headings, the site's own status
wording and chrome, and how a label without a colon is told from ordinary text."""

import re
from collections.abc import Callable

from nkohub.grants.cards.text import norm

FIELD_LABELS: dict[str, str] = {
    "status": "Статус проекта",
    "title": "Название проекта",
    "competition": "Конкурс",
    "direction": "Грантовое направление",
    "rating": "Рейтинг заявки",
    "fund_number": "Номер заявки",
    "submitted_on": "Дата подачи",
    "requested_amount": "Запрашиваемая сумма",
    "cofinancing_amount": "Софинансирование",
    "total_amount": "Общая сумма расходов на реализацию проекта",
    "awarded_amount": "Размер гранта",
    "transferred_amount": "Перечислено Фондом на реализацию проекта",
    "starts_on": "Начало реализации",
    "ends_on": "Окончание реализации",
    "organization": "Организация",
    "inn": "ИНН",
    "ogrn": "ОГРН",
    "summary": "Краткое описание",
    "goal": "Цель",
    "tasks": "Задачи",
    "social_significance": "Обоснование социальной значимости",
    "geography": "География проекта",
    "target_groups": "Целевые группы",
    "contacts": "Контактная информация",
}

# Labelled one-line fields: normalised label -> field.
LINE_LABELS: dict[str, str] = {
    "статус проекта": "status",
    "статус заявки": "status",
    "статус": "status",
    "конкурс": "competition",
    "грантовое направление": "direction",
    "направление": "direction",
    "рейтинг заявки": "rating",
    "рейтинг": "rating",
    "номер заявки": "fund_number",
    "дата подачи": "submitted_on",
    "дата подачи заявки": "submitted_on",
    "запрашиваемая сумма": "requested_amount",
    "запрашиваемая сумма гранта": "requested_amount",
    "софинансирование": "cofinancing_amount",
    "общая сумма расходов на реализацию проекта": "total_amount",
    "общая сумма расходов": "total_amount",
    "сроки реализации": "period",
    "срок реализации": "period",
    "размер гранта": "awarded_amount",
    "сумма гранта": "awarded_amount",
    "перечислено фондом на реализацию проекта": "transferred_amount",
    "организация": "organization",
    "организация-заявитель": "organization",
    "инн": "inn",
    "огрн": "ogrn",
}
LABELS_LONGEST_FIRST = sorted(LINE_LABELS, key=len, reverse=True)
# Section headings: normalised heading -> field.
SECTION_HEADINGS: dict[str, str] = {
    "краткое описание": "summary",
    "краткое описание проекта": "summary",
    "цель": "goal",
    "цель проекта": "goal",
    "цели": "goal",
    "цели проекта": "goal",
    "задачи": "tasks",
    "задачи проекта": "tasks",
    "обоснование социальной значимости": "social_significance",
    "обоснование социальной значимости проекта": "social_significance",
    "география проекта": "geography",
    "география": "geography",
    "целевые группы": "target_groups",
    "целевые группы проекта": "target_groups",
    "контактная информация": "contacts",
    "контакты": "contacts",
}
HEADINGS_LONGEST_FIRST = sorted(SECTION_HEADINGS, key=len, reverse=True)
SECTION_FIELDS = ("summary", "goal", "tasks", "social_significance", "geography", "target_groups")
AMOUNT_FIELDS = ("requested_amount", "cofinancing_amount", "total_amount")
OPTIONAL_AMOUNT_FIELDS = ("awarded_amount", "transferred_amount")  # only winners' cards have them
LINE_FIELDS = (
    "status",
    "title",
    "competition",
    "direction",
    "rating",
    "fund_number",
    "submitted_on",
    *AMOUNT_FIELDS,
    *OPTIONAL_AMOUNT_FIELDS,
    "starts_on",
    "ends_on",
    "organization",
    "inn",
    "ogrn",
)
# Lines of the site around the card that are not its content.
SITE_CHROME = frozenset(
    {
        "поделиться",
        "вконтакте",
        "одноклассники",
        "telegram",
        "версия для печати",
        "назад",
        "главная",
        "проекты",
        "все проекты",
        "распечатать",
        "вконтакте одноклассники telegram",
        "фонд президентских грантов",
        "президентские гранты",
        "карточка проекта",
        "поиск",
        "войти",
        "личный кабинет",
        "новости",
        "о фонде",
        "конкурсы",
        "контакты фонда",
        "наверх",
    }
)
CONTACT_LINE_RE = re.compile(
    r"^(?:веб-сайт|сайт|адрес|телефон|тел\.|электронная почта|e-?mail|почта)\b|^\d{6},\s",
    re.IGNORECASE,
)
FOOTER_RE = re.compile(r"^(?:©|\(c\)|политика|пользовательское соглашение)", re.IGNORECASE)
# Status line -> Application.Status value. The site's own wording: «победитель конкурса»,
# «на независимой экспертизе», «проект не получил поддержку».
STATUS_WORDS: tuple[tuple[str, str], ...] = (
    ("не получил поддержк", "not_supported"),
    ("не поддержан", "not_supported"),
    ("победител", "won"),
    ("получил поддержк", "won"),
    ("отозван", "withdrawn"),
    ("на рассмотрени", "submitted"),
    ("экспертиз", "submitted"),
    ("подан", "submitted"),
)
STATUS_PHRASES = frozenset(
    {"победитель конкурса", "на независимой экспертизе", "проект не получил поддержку"}
)
ORGANIZATION_WORDS = re.compile(
    r"организац|фонд|партнерств|партнёрств|учреждени|ассоциаци|союз|объединени|движени|"
    r"обществ|общин|центр|автономн|некоммерческ|самоуправлени|палат|автономи|\bано\b|\bнко\b|"
    r"\bроо\b|\bмоо\b|\bоо\b|\bбф\b|\bнп\b|\bтос\b",
    re.IGNORECASE,
)


# --- labels without a colon ----------------------------------------------------------------


def status_of(text: str) -> str | None:
    lowered = text.lower()
    return next((code for words, code in STATUS_WORDS if words in lowered), None)


def _starts_with_number(value: str) -> bool:
    return bool(re.match(r"^(?:с|c|от)?\s*[\d—–-]", value, re.IGNORECASE)) and bool(
        re.search(r"\d", value)
    )


def _looks_like_organization(value: str) -> bool:
    letters = re.findall(r"[А-Яа-яЁё]", value)
    capitals = sum(1 for ch in letters if ch.isupper())
    return bool(ORGANIZATION_WORDS.search(value)) or (
        len(letters) >= 8 and capitals / len(letters) > 0.7
    )


# What the value after a label without a colon must look like for the line to be that field;
# a label missing here («направление», «рейтинг») is read only with a colon or on its own line.
PLAUSIBLE_VALUE: dict[str, Callable[[str], bool]] = {
    "статус проекта": lambda v: status_of(v) is not None,
    "статус заявки": lambda v: status_of(v) is not None,
    "статус": lambda v: status_of(v) is not None,
    "конкурс": lambda v: "конкурс" in v.lower(),
    "грантовое направление": lambda v: v[:1].isupper(),
    "рейтинг заявки": _starts_with_number,
    "организация": _looks_like_organization,
    "организация-заявитель": _looks_like_organization,
    **{
        label: _starts_with_number
        for label, name in LINE_LABELS.items()
        if name
        in (
            "fund_number",
            "submitted_on",
            "period",
            "inn",
            "ogrn",
            *AMOUNT_FIELDS,
            *OPTIONAL_AMOUNT_FIELDS,
        )
    },
}


def split_label(line: str) -> tuple[str | None, str, bool]:
    """(field, value, with_colon) when the line starts with a known label, else (None, line, False)."""
    head, colon, rest = line.partition(":")
    if colon and norm(head) in LINE_LABELS:
        return LINE_LABELS[norm(head)], rest.strip(), True
    normalised = norm(line)
    if normalised in LINE_LABELS:
        return LINE_LABELS[normalised], "", False
    if normalised in STATUS_PHRASES:  # the status badge copied without its label
        return "status", line, False
    for label in LABELS_BY_WORDS:
        match = LABEL_PREFIX_RE[label].match(line)
        if match:
            value = line[match.end() :].strip(" :")
            if value and PLAUSIBLE_VALUE[label](value):
                return LINE_LABELS[label], value, False
    return None, line, False


LABELS_BY_WORDS = [label for label in LABELS_LONGEST_FIRST if label in PLAUSIBLE_VALUE]
LABEL_PREFIX_RE = {
    label: re.compile(
        r"^" + r"\s+".join(re.escape(word).replace("е", "[её]") for word in label.split()) + r"\s",
        re.IGNORECASE,
    )
    for label in LABELS_BY_WORDS
}


def section_of(line: str) -> tuple[str | None, str]:
    """(section, text after the heading) when the line is a section heading: «Цель», «Цель:
    …», or a heading of several words followed by its text («Целевые группы Школьники …»)."""
    normalised = norm(line)
    if normalised in SECTION_HEADINGS:
        return SECTION_HEADINGS[normalised], ""
    head, colon, rest = line.partition(":")
    if colon and norm(head) in SECTION_HEADINGS and rest.strip():
        return SECTION_HEADINGS[norm(head)], rest.strip()
    for heading in HEADINGS_LONGEST_FIRST:
        if " " in heading and normalised.startswith(heading + " "):
            rest = line[len(heading) :].strip(" :")
            if rest[:1].isupper() or rest[:1].isdigit():
                return SECTION_HEADINGS[heading], rest
    return None, line
