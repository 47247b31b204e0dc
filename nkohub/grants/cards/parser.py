"""The card parser: finds the title, reads labelled fields and sections, checks every value and
lists what it could not read."""

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError

from nkohub.core.validators import validate_inn, validate_ogrn
from nkohub.grants.cards.labels import (
    AMOUNT_FIELDS,
    CONTACT_LINE_RE,
    FIELD_LABELS,
    FOOTER_RE,
    LINE_FIELDS,
    OPTIONAL_AMOUNT_FIELDS,
    SECTION_FIELDS,
    SITE_CHROME,
    section_of,
    split_label,
    status_of,
)
from nkohub.grants.cards.text import clean_lines, list_items, norm, parse_amount, parse_date
from nkohub.grants.models import FUND_NUMBER_RE


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


# --- the parser --------------------------------------------------------------------------


def _is_chrome(line: str) -> bool:
    return norm(line) in SITE_CHROME or bool(FOOTER_RE.match(line))


def _line_kinds(lines: list[str]) -> list[str]:
    """What each line is: "chrome", "section", "plain", "value" (of a label on the line above),
    a field name, or a field name with "~" when the label had no colon («Конкурс Первый…»)."""
    kinds: list[str] = []
    for line in lines:
        if kinds and kinds[-1].endswith(":"):
            kinds[-1] = kinds[-1][:-1]
            kinds.append("value")
        elif _is_chrome(line):
            kinds.append("chrome")
        elif section_of(line)[0]:
            kinds.append("section")
        else:
            name, value, colon = split_label(line)
            if name is None:
                kinds.append("plain")
            else:
                kinds.append(f"{name}:" if not value else name if colon else f"{name}~")
    return [k.rstrip(":") for k in kinds]


def _find_title(lines: list[str]) -> int | None:
    """Index of the title line: the line after the status line, unless that line is a field
    (then the title came before the status); without a status line, the first plain line of two
    words or more before the fields. A title that happens to begin with a label word («Конкурс
    чтецов…», «Организация досуга…») is still the title when the card states that field again
    further on. The site's chrome («Поделиться»…) is never the title."""
    kinds = _line_kinds(lines)
    claims = Counter(k.rstrip("~") for k in kinds)

    def titleish(i: int) -> bool:
        return kinds[i] == "plain" or (kinds[i].endswith("~") and claims[kinds[i][:-1]] > 1)

    status_at = next((i for i, k in enumerate(kinds) if k.rstrip("~") == "status"), None)
    first_field = next(
        (
            i
            for i, k in enumerate(kinds)
            if k not in ("chrome", "status", "status~") and not titleish(i)
        ),
        len(lines),
    )
    end = min(first_field, status_at if status_at is not None else len(lines))
    before = [i for i in range(end) if titleish(i) and len(lines[i].split()) >= 2]
    if status_at is not None:
        after = next(
            (i for i in range(status_at + 1, len(lines)) if kinds[i] not in ("chrome", "value")),
            None,
        )
        if after is not None and titleish(after) and not (before and kinds[after] != "plain"):
            return after
        return before[-1] if before else None
    return before[0] if before else None


def _read_raw(lines: list[str]) -> tuple[dict[str, str], dict[str, list[str]], list[str]]:
    raw: dict[str, str] = {}
    sections: dict[str, list[str]] = {}
    contacts: list[str] = []
    current: str | None = None
    pending_label: str | None = None
    title_at = _find_title(lines)
    if title_at is not None:
        raw["title"] = lines[title_at]
    for index, line in enumerate(lines):
        if index == title_at or _is_chrome(line):
            continue
        section, text = section_of(line)
        if section:
            current, pending_label = section, None
            sections.setdefault(section, [])
            if text:
                sections[section].append(text)
            continue
        if CONTACT_LINE_RE.match(line) and current != "contacts":
            contacts.append(line)
            continue
        name, value, _colon = split_label(line)
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
    if contacts:
        sections.setdefault("contacts", []).extend(contacts)
    return raw, sections, contacts


def _read_identifiers(card: ParsedCard, raw: dict[str, str]) -> None:
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


def _read_amounts(card: ParsedCard, raw: dict[str, str]) -> None:
    for name in (*AMOUNT_FIELDS, *OPTIONAL_AMOUNT_FIELDS):
        if name not in raw:
            # A winner's card shows «Размер гранта» where the others show «Запрашиваемая сумма».
            winner = name == "requested_amount" and "awarded_amount" in raw
            if name in AMOUNT_FIELDS and not winner:
                card.problem(name, "поле не найдено")
        elif (amount := parse_amount(raw[name])) is not None:
            card.values[name] = amount
        else:
            card.problem(name, f"сумма не распознана: «{raw[name]}»")


def _read_period(card: ParsedCard, raw: dict[str, str]) -> None:
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


def _unquoted(text: str) -> str:
    """Without a final full stop and without quotes around the whole text («"Тропа памяти"»),
    but keeping the quotes of a name inside it («Клуб «Вместе»»)."""
    text = text.strip().rstrip(".").strip()
    pairs = {"«": "»", '"': '"', "“": "”", "„": "“"}
    if len(text) > 1 and pairs.get(text[0]) == text[-1]:
        inner = text[1:-1]
        if text[0] not in inner and text[-1] not in inner:
            return inner.strip()
    return text


def parse_card(text: str) -> ParsedCard:
    card = ParsedCard()
    raw, sections, _contacts = _read_raw(clean_lines(text))

    status_text = raw.get("status", "")
    if status := status_of(status_text):
        card.values["status"] = status
    else:
        card.problem(
            "status",
            f"статус не распознан: «{status_text}»" if status_text else "строка статуса не найдена",
        )

    for name in ("title", "competition", "direction", "organization"):
        if raw.get(name):
            card.values[name] = (
                raw[name].strip() if name == "organization" else _unquoted(raw[name])
            )
        else:
            card.problem(name, "поле не найдено")
    if raw.get("rating"):  # «65,25»; on cards under review the line is absent
        card.values["rating"] = raw["rating"].strip()

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

    _read_amounts(card, raw)
    _read_period(card, raw)
    _read_identifiers(card, raw)

    for name in SECTION_FIELDS:
        body = sections.get(name)
        if body is None:
            card.problem(name, "раздел не найден")
        elif not body:
            card.problem(name, "раздел пуст")
        elif name in ("tasks", "target_groups"):
            card.values[name] = list_items(body)
        elif name == "goal":
            card.values[name] = "\n".join(list_items(body))
        else:
            card.values[name] = "\n".join(body)
    if sections.get("contacts"):
        card.values["contacts"] = "\n".join(sections["contacts"])
    return card
