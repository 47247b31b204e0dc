"""Errors raised by services and forms speak English source wrapped in gettext, never a Russian literal.

The Russian a person reads lives in the app's catalogue. This walks the syntax of every services,
forms, imports and management command module (and the few helpers they raise through) and fails on
an error built from a literal with Cyrillic letters that is not the argument of a gettext call,
naming the file and line.
"""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
CYRILLIC = re.compile("[А-Яа-яЁё]")
GETTEXT = {
    "_",
    "gettext",
    "gettext_lazy",
    "pgettext",
    "pgettext_lazy",
    "ngettext",
    "ngettext_lazy",
    "npgettext",
    "npgettext_lazy",
}
# modules a service or form raises its checks through
HELPERS = [
    "nkohub/organizations/documents.py",
    "nkohub/reception/workflow.py",
    "nkohub/grants/card_import.py",
]


def checked_modules() -> list[Path]:
    found = set()
    for path in (ROOT / "nkohub").rglob("*.py"):
        relative = path.relative_to(ROOT)
        if "tests" in relative.parts or "migrations" in relative.parts:
            continue
        names = {*relative.parts[:-1], relative.stem}
        if names & {"services", "forms", "imports", "commands"}:
            found.add(path)
    found.update(ROOT / helper for helper in HELPERS)
    return sorted(found)


def _name(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def _bare_russian(node: ast.AST) -> bool:
    """Cyrillic text in `node` that no gettext call wraps."""
    if isinstance(node, ast.Call) and _name(node.func) in GETTEXT:
        return False
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and bool(CYRILLIC.search(node.value))
    return any(_bare_russian(child) for child in ast.iter_child_nodes(node))


def russian_error_literals(source: str) -> list[int]:
    """Lines where an `…Error(...)` is built from a Russian literal not wrapped in gettext."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and _name(node.func).endswith("Error")):
            continue
        message = [*node.args[:1], *(k.value for k in node.keywords if k.arg == "message")]
        if any(_bare_russian(argument) for argument in message):
            lines.append(node.lineno)
    return lines


def test_the_check_catches_a_russian_literal_and_lets_gettext_pass() -> None:
    source = (
        "raise DomainError('Заявка уже рассмотрена.')\n"
        "raise forms.ValidationError(f'Файл {name} пустой.')\n"
        "raise DomainError(_('The claim is already reviewed.'))\n"
        "raise DomainError(_('Version %(n)s.') % {'n': n}, field='x')\n"
        "raise DomainError(exc.messages[0])\n"
    )
    assert russian_error_literals(source) == [1, 2]


def test_services_and_forms_raise_no_russian_literals() -> None:
    offenders = [
        f"{path.relative_to(ROOT)}:{line}"
        for path in checked_modules()
        for line in russian_error_literals(path.read_text(encoding="utf-8"))
    ]
    assert not offenders, (
        "errors with a Russian literal: write English source in gettext and the Russian in the "
        "app's catalogue:\n" + "\n".join(offenders)
    )
