"""Parser of the Presidential Grants Fund's public project cards, as people copy them from the site.

A card is a status line, the title, labelled fields («Конкурс: …», «ИНН: …») and sections
(«Краткое описание», «Цель», «Задачи»…). Copied text carries noise: lines of markup, bullets,
non-breaking spaces, Latin letters that look Cyrillic, missing sections. The parser cleans what
can be cleaned safely and reports every field it could not read instead of guessing; checks that
need the database (direction, organisation) are the import service's.

Pure: `parse_card(text) -> ParsedCard`.
"""

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError

from nkohub.core.validators import validate_inn, validate_ogrn
from nkohub.grants.models import FUND_NUMBER_RE

FIELD_LABELS: dict[str, str] = {
    "status": "Статус проекта",
    "title": "Название проекта",
    "competition": "Конкурс",
    "direction": "Грантовое направление",
    "fund_number": "Номер заявки",
    "submitted_on": "Дата подачи",
    "requested_amount": "Запрашиваемая сумма",
    "cofinancing_amount": "Софинансирование",
    "total_amount": "Общая сумма расходов на реализацию проекта",
    "awarded_amount": "Размер гранта",
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
    "статус": "status",
    "конкурс": "competition",
    "грантовое направление": "direction",
    "направление": "direction",
    "номер заявки": "fund_number",
    "дата подачи": "submitted_on",
    "дата подачи заявки": "submitted_on",
    "запрашиваемая сумма": "requested_amount",
    "софинансирование": "cofinancing_amount",
    "общая сумма расходов на реализацию проекта": "total_amount",
    "общая сумма расходов": "total_amount",
    "сроки реализации": "period",
    "срок реализации": "period",
    "размер гранта": "awarded_amount",
    "сумма гранта": "awarded_amount",
    "организация": "organization",
    "инн": "inn",
    "огрн": "ogrn",
}
# Section headings: normalised heading -> field.
SECTION_HEADINGS: dict[str, str] = {
    "краткое описание": "summary",
    "краткое описание проекта": "summary",
    "цель": "goal",
    "цель проекта": "goal",
    "цели": "goal",
    "задачи": "tasks",
    "задачи проекта": "tasks",
    "обоснование социальной значимости": "social_significance",
    "география проекта": "geography",
    "география": "geography",
    "целевые группы": "target_groups",
    "контактная информация": "contacts",
    "контакты": "contacts",
}
# Fields whose label may be followed by the value without a colon («ИНН 4027012345»).
NUMERIC_FIELDS = frozenset(
    {
        "fund_number",
        "submitted_on",
        "requested_amount",
        "cofinancing_amount",
        "total_amount",
        "awarded_amount",
        "period",
        "inn",
        "ogrn",
    }
)
SECTION_FIELDS = ("summary", "goal", "tasks", "social_significance", "geography", "target_groups")
LINE_FIELDS = (
    "status",
    "title",
    "competition",
    "direction",
    "fund_number",
    "submitted_on",
    "requested_amount",
    "cofinancing_amount",
    "total_amount",
    "awarded_amount",
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
    }
)
# Status line -> Application.Status value.
STATUS_WORDS: tuple[tuple[str, str], ...] = (
    ("не получил поддержк", "not_supported"),
    ("не поддержан", "not_supported"),
    ("победител", "won"),
    ("получил поддержк", "won"),
    ("отозван", "withdrawn"),
    ("на рассмотрени", "submitted"),
    ("на экспертиз", "submitted"),
    ("подан", "submitted"),
)

LATIN_TO_CYRILLIC = str.maketrans("aceopxyAEKMHOPCTXBk", "асеорхуАЕКМНОРСТХВк")
LOOKALIKE_LATIN = set("aceopxyAEKMHOPCTXBk")
SPACES_RE = re.compile(r"[\u00a0\u202f\u2007\u2009\u200a\t]")
INVISIBLE_RE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
TAG_RE = re.compile(r"</?[a-zA-Z][^>]*>")
MARKUP_LINE_RE = re.compile(
    r"^(?:[{}\[\]|#=_~`>*-]+|\s*[.#]?[\w-]+\s*\{.*|\s*\w[\w-]*\s*:\s*[^:]*;\s*|&\w+;)$"
)
BULLET_RE = re.compile(r"^[\s•·▪◦●○■□►▸‣⁃*–—-]+(?=\S)")
NUMBERED_RE = re.compile(r"^\s*(\d{1,2})\s*[.)]\s*(.*)$")
TOKEN_RE = re.compile(r"[A-Za-zА-Яа-яЁё]+")
DATE_RE = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
AMOUNT_RE = re.compile(r"^(\d{1,3}(?: \d{3})+|\d+)(?:[,.](\d{1,2}))?$")


@dataclass(frozen=True)
class CardProblem:
    field: str
    reason: str

    @property
    def label(self) -> str:
        return FIELD_LABELS.get(self.field, self.field)

    def as_dict(self) -> dict[str, str]:
        return {"field": self.field, "label": self.label, "reason": self.reason}


@dataclass
class ParsedCard:
    values: dict[str, Any] = field(default_factory=dict)
    problems: list[CardProblem] = field(default_factory=list)

    def problem(self, name: str, reason: str) -> None:
        self.values.pop(name, None)
        self.problems.append(CardProblem(name, reason))

    def as_json(self) -> dict[str, Any]:
        """Every field read, with amounts as strings with two decimals and dates in ISO form."""
        out: dict[str, Any] = {}
        for name in (*LINE_FIELDS, *SECTION_FIELDS, "contacts"):
            if name not in self.values:
                continue
            value = self.values[name]
            if isinstance(value, Decimal):
                out[name] = f"{value:.2f}"
            elif isinstance(value, date):
                out[name] = value.isoformat()
            else:
                out[name] = value
        return out


# --- cleaning ----------------------------------------------------------------------------


def _fix_token(token: str, cyrillic_line: bool) -> str:
    has_cyrillic = bool(re.search(r"[А-Яа-яЁё]", token))
    has_latin = bool(re.search(r"[A-Za-z]", token))
    if not has_latin:
        return token
    if has_cyrillic and all(ch in LOOKALIKE_LATIN for ch in re.findall(r"[A-Za-z]", token)):
        return token.translate(LATIN_TO_CYRILLIC)
    if cyrillic_line and not has_cyrillic and set(token) <= LOOKALIKE_LATIN and len(token) <= 4:
        return token.translate(LATIN_TO_CYRILLIC)
    return token


def fix_lookalikes(line: str) -> str:
    """Latin letters that look Cyrillic, inside Cyrillic words, become Cyrillic."""
    cyrillic = len(re.findall(r"[А-Яа-яЁё]", line))
    latin = len(re.findall(r"[A-Za-z]", line))
    cyrillic_line = cyrillic > latin
    if "http" in line or "@" in line or "www." in line:
        return line
    return TOKEN_RE.sub(lambda m: _fix_token(m.group(0), cyrillic_line), line)


def clean_lines(text: str) -> list[str]:
    """The card's lines without markup, bullets, odd spaces and look-alike letters."""
    text = INVISIBLE_RE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = []
    for raw in text.split("\n"):
        line = SPACES_RE.sub(" ", raw)
        line = TAG_RE.sub(" ", line)
        line = line.replace("&nbsp;", " ").replace("**", "").replace("__", "")
        line = re.sub(r"^#+\s*", "", line)
        line = re.sub(r" {2,}", " ", line).strip()
        if not line or MARKUP_LINE_RE.match(line):
            continue
        line = BULLET_RE.sub("", line).strip()
        if not re.search(r"[\wА-Яа-яЁё]", line):
            continue
        lines.append(fix_lookalikes(line))
    return lines


def _norm(label: str) -> str:
    return re.sub(r"\s+", " ", label.lower().replace("ё", "е")).strip(" :.-–—")


# --- values ------------------------------------------------------------------------------


def parse_amount(text: str) -> Decimal | None:
    """«3 321 441,50 руб.» -> Decimal('3321441.50'); None when the text is not a sum."""
    value = re.sub(r"(?i)\s*(руб(лей|ля|ль)?\.?|₽|р\.)\s*$", "", text.strip())
    value = re.sub(r" +", " ", value).strip()
    match = AMOUNT_RE.match(value)
    if not match:
        return None
    try:
        whole = Decimal(match.group(1).replace(" ", ""))
        kopecks = Decimal(f"0.{(match.group(2) or '0').ljust(2, '0')}")
    except InvalidOperation:
        return None
    return (whole + kopecks).quantize(Decimal("0.01"))


def parse_date(text: str) -> date | None:
    match = DATE_RE.search(text)
    if not match:
        return None
    day, month, year = (int(part) for part in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _list_items(lines: list[str]) -> list[str]:
    """Numbered items; a line without a number continues the item before it."""
    items: list[str] = []
    for line in lines:
        match = NUMBERED_RE.match(line)
        if match and match.group(2):
            items.append(match.group(2).strip())
        elif items and not line[:1].isupper():
            items[-1] = f"{items[-1]} {line}"
        else:
            items.append(line)
    return [item for item in items if item]


# --- the parser --------------------------------------------------------------------------


def _split_label(line: str) -> tuple[str | None, str]:
    """(field, value) when the line starts with a known label, else (None, line)."""
    head, colon, rest = line.partition(":")
    if colon and _norm(head) in LINE_LABELS:
        return LINE_LABELS[_norm(head)], rest.strip()
    normalised = _norm(line)
    for label in sorted(LINE_LABELS, key=len, reverse=True):
        if normalised == label:
            return LINE_LABELS[label], ""
        rest = line[len(label) :].strip(" :")
        if (
            normalised.startswith(label + " ")
            and LINE_LABELS[label] in NUMERIC_FIELDS
            and rest[:1].isdigit()
        ):
            return LINE_LABELS[label], rest
    return None, line


def _section_of(line: str) -> str | None:
    return SECTION_HEADINGS.get(_norm(line))


def _read_raw(lines: list[str]) -> tuple[dict[str, str], dict[str, list[str]]]:
    raw: dict[str, str] = {}
    sections: dict[str, list[str]] = {}
    current: str | None = None
    pending_label: str | None = None
    candidates: list[tuple[bool, str]] = []
    for line in lines:
        section = _section_of(line)
        if section:
            current, pending_label = section, None
            sections.setdefault(section, [])
            continue
        name, value = _split_label(line)
        if name and name not in raw:
            current = None
            if value:
                raw[name] = value
                pending_label = None
            else:
                pending_label = name
            continue
        if pending_label:
            raw[pending_label] = line
            pending_label = None
            continue
        if current:
            sections[current].append(line)
        elif not (raw.keys() - {"status"}):
            candidates.append(("status" in raw, line))
    # The title is the first line after the status line; without a status line, the first line
    # before the fields that is not the site's chrome («Поделиться», «ВКонтакте»…).
    after_status = [line for seen, line in candidates if seen]
    if after_status:
        raw["title"] = after_status[0]
    elif "status" not in raw:
        plain = [line for _seen, line in candidates if _norm(line) not in SITE_CHROME]
        plain = [line for line in plain if len(line.split()) >= 2]
        if plain:
            raw["title"] = plain[0]
    return raw, sections


def parse_card(text: str) -> ParsedCard:
    card = ParsedCard()
    raw, sections = _read_raw(clean_lines(text))

    status_text = raw.get("status", "")
    status = next((code for words, code in STATUS_WORDS if words in status_text.lower()), None)
    if status:
        card.values["status"] = status
    else:
        card.problem(
            "status",
            f"статус не распознан: «{status_text}»" if status_text else "строка статуса не найдена",
        )

    for name in ("title", "competition", "direction", "organization"):
        if raw.get(name):
            card.values[name] = raw[name].strip(' .«»"')
            if name == "organization":
                card.values[name] = raw[name].strip()
        else:
            card.problem(name, "поле не найдено")

    number = re.sub(r"[\u2010-\u2015\u2212]", "-", raw.get("fund_number", "")).replace(" ", "")
    if not number:
        card.problem("fund_number", "поле не найдено")
    elif re.fullmatch(FUND_NUMBER_RE, number):
        card.values["fund_number"] = number
    else:
        card.problem("fund_number", f"номер «{number}» не похож на номер заявки (23-1-012905)")

    if "submitted_on" not in raw:
        card.problem("submitted_on", "поле не найдено")
    elif (submitted := parse_date(raw["submitted_on"])) is not None:
        card.values["submitted_on"] = submitted
    else:
        card.problem("submitted_on", f"дата не распознана: «{raw['submitted_on']}»")

    for name in ("requested_amount", "cofinancing_amount", "total_amount"):
        if name not in raw:
            card.problem(name, "поле не найдено")
        elif (amount := parse_amount(raw[name])) is not None:
            card.values[name] = amount
        else:
            card.problem(name, f"сумма не распознана: «{raw[name]}»")

    if raw.get("awarded_amount"):  # only winners' cards have it
        if (awarded := parse_amount(raw["awarded_amount"])) is not None:
            card.values["awarded_amount"] = awarded
        else:
            card.problem("awarded_amount", f"сумма не распознана: «{raw['awarded_amount']}»")

    period = raw.get("period", "")
    dates = [parse_date(part) for part in re.split(r"\s*(?:-|–|—|по|до)\s*", period) if part]
    found = [d for d in dates if d is not None]
    if not period:
        card.problem("starts_on", "поле «Сроки реализации» не найдено")
        card.problem("ends_on", "поле «Сроки реализации» не найдено")
    elif len(found) == 2 and found[0] <= found[1]:
        card.values["starts_on"], card.values["ends_on"] = found
    else:
        card.problem("starts_on", f"сроки не распознаны: «{period}»")
        card.problem("ends_on", f"сроки не распознаны: «{period}»")

    for name, validator, length in (("inn", validate_inn, 10), ("ogrn", validate_ogrn, 13)):
        written = raw.get(name, "").strip()
        value = re.sub(r"[\s-]", "", written)
        if not value:
            card.problem(name, "поле не найдено")
            continue
        if not value.isdigit() or len(value) != length:
            card.problem(name, f"«{written}» — не {length} цифр")
            continue
        try:
            validator(value)
        except ValidationError:
            card.problem(name, f"«{value}»: контрольная цифра не сходится")
            continue
        card.values[name] = value

    for name in SECTION_FIELDS:
        body = sections.get(name)
        if body is None:
            card.problem(name, "раздел не найден")
        elif not body:
            card.problem(name, "раздел пуст")
        elif name in ("tasks", "target_groups"):
            card.values[name] = _list_items(body)
        elif name == "goal":
            card.values[name] = "\n".join(_list_items(body))
        else:
            card.values[name] = "\n".join(body)
    if sections.get("contacts"):
        card.values["contacts"] = "\n".join(sections["contacts"])
    return card
