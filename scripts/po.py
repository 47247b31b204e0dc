"""A small reader of gettext .po files: which messages lack a Russian translation.

python scripts/po.py nkohub/*/locale/ru/LC_MESSAGES/django.po      # list untranslated / fuzzy
"""

import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Entry:
    msgctxt: str = ""
    msgid: str = ""
    msgid_plural: str = ""
    msgstr: dict[str, str] = field(default_factory=dict)
    fuzzy: bool = False
    obsolete: bool = False
    line: int = 0


def _unquote(text: str) -> str:
    return (
        text[1:-1].encode("raw_unicode_escape").decode("unicode_escape") if len(text) >= 2 else ""
    )


def parse(path: Path) -> list[Entry]:
    entries: list[Entry] = []
    current = Entry()
    target: tuple[str, str] | None = None
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line:
            if current.msgid or current.msgstr:
                entries.append(current)
            current, target = Entry(), None
            continue
        if line.startswith("#~"):
            current.obsolete = True
            continue
        if line.startswith("#,") and "fuzzy" in line:
            current.fuzzy = True
            continue
        if line.startswith("#"):
            continue
        match = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(".*")$', line)
        if match:
            keyword, index, value = match.group(1), match.group(2), _unquote(match.group(3))
            if keyword == "msgctxt":
                current.msgctxt, target = value, ("msgctxt", "")
            elif keyword == "msgid":
                current.msgid, current.line, target = value, number, ("msgid", "")
            elif keyword == "msgid_plural":
                current.msgid_plural, target = value, ("msgid_plural", "")
            else:
                key = index or "0"
                current.msgstr[key] = value
                target = ("msgstr", key)
        elif line.startswith('"') and target:
            value = _unquote(line)
            if target[0] == "msgctxt":
                current.msgctxt += value
            elif target[0] == "msgid":
                current.msgid += value
            elif target[0] == "msgid_plural":
                current.msgid_plural += value
            else:
                current.msgstr[target[1]] += value
    if current.msgid or current.msgstr:
        entries.append(current)
    return entries


def problems(path: Path) -> list[str]:
    found = []
    for entry in parse(path):
        if entry.obsolete or entry.msgid == "":
            continue
        if entry.fuzzy:
            found.append(f"{path}:{entry.line}: fuzzy: {entry.msgid!r}")
        elif not entry.msgstr or any(not value for value in entry.msgstr.values()):
            found.append(f"{path}:{entry.line}: untranslated: {entry.msgid!r}")
    return found


def collisions(paths: list[Path]) -> list[str]:
    """Messages that two catalogues translate differently. Django merges every app's catalogue into
    one namespace, so only one of the translations is ever shown (the first app's in INSTALLED_APPS):
    the other app needs a `pgettext` context of its own, or the same translation."""
    seen: dict[tuple[str, str, str], dict[str, list[str]]] = {}
    for path in paths:
        app = path.parents[3].name
        for entry in parse(path):
            if entry.obsolete or entry.msgid == "" or entry.fuzzy:
                continue
            key = (entry.msgctxt, entry.msgid, entry.msgid_plural)
            translation = " | ".join(entry.msgstr[k] for k in sorted(entry.msgstr))
            seen.setdefault(key, {}).setdefault(translation, []).append(app)
    found = []
    for (context, msgid, _plural), translations in sorted(seen.items()):
        if len(translations) > 1:
            where = "; ".join(
                f"{t!r} in {', '.join(apps)}" for t, apps in sorted(translations.items())
            )
            label = f"{context!r} / {msgid!r}" if context else repr(msgid)
            found.append(f"translated differently: {label}: {where}")
    return found


if __name__ == "__main__":
    issues = [problem for name in sys.argv[1:] for problem in problems(Path(name))]
    issues += collisions([Path(name) for name in sys.argv[1:]])
    print("\n".join(issues) if issues else "all translated")
    sys.exit(1 if issues else 0)


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def fill(path: Path, translations: Mapping[str, str | list[str]]) -> int:
    """Write translations for untranslated or fuzzy entries; a list value gives Russian plural forms."""
    blocks = path.read_text(encoding="utf-8").split("\n\n")
    filled = 0
    for i, block in enumerate(blocks):
        entries = parse_block(block)
        if entries is None:
            continue
        msgid, is_plural = entries
        if msgid not in translations:
            continue
        value = translations[msgid]
        kept = [
            line
            for line in block.splitlines()
            if not line.startswith("msgstr")
            and not (line.startswith('"') and _after_msgstr(block, line))
        ]
        kept = [line.replace(", fuzzy", "") if line.startswith("#,") else line for line in kept]
        kept = [line for line in kept if line.strip() != "#"]
        if is_plural:
            forms = value if isinstance(value, list) else [value, value, value]
            kept += [f"msgstr[{n}] {_quote(form)}" for n, form in enumerate(forms)]
        else:
            kept.append(f"msgstr {_quote(value if isinstance(value, str) else value[0])}")
        blocks[i] = "\n".join(kept)
        filled += 1
    path.write_text("\n\n".join(blocks), encoding="utf-8")
    return filled


def _after_msgstr(block: str, line: str) -> bool:
    seen_msgstr = False
    for candidate in block.splitlines():
        if candidate.startswith("msgstr"):
            seen_msgstr = True
        if candidate is line or candidate == line:
            return seen_msgstr
    return False


def parse_block(block: str) -> tuple[str, bool] | None:
    lines = [line for line in block.splitlines() if not line.startswith("#")]
    msgid, state, plural = "", None, False
    for line in lines:
        if line.startswith("msgid_plural"):
            plural, state = True, "plural"
        elif line.startswith("msgid "):
            msgid, state = _unquote(line[6:].strip()), "msgid"
        elif line.startswith("msgstr"):
            state = "msgstr"
        elif line.startswith('"') and state == "msgid":
            msgid += _unquote(line.strip())
    return (msgid, plural) if msgid else None
