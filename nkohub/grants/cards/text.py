"""Cleaning of copied text and reading of its values: look-alike Latin letters, markup lines,
bullets and odd spaces; sums in the Russian format, dates, numbered lists."""

import re
from datetime import date
from decimal import Decimal, InvalidOperation

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


def norm(label: str) -> str:
    return re.sub(r"\s+", " ", label.lower().replace("ё", "е")).strip(" :.-–—")


# --- values ------------------------------------------------------------------------------


def parse_amount(text: str) -> Decimal | None:
    """«3 321 441,50 ₽» -> Decimal('3321441.50'); None when the text is not a sum."""
    # «?» is the «₽» of a file saved in Windows-1251, which has no rouble sign.
    value = re.sub(r"(?i)\s*(руб(лей|ля|ль)?\.?|₽|р\.|\?)\s*$", "", text.strip())
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


def list_items(lines: list[str]) -> list[str]:
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
