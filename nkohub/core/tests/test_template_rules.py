"""Rules every template keeps: a table that may scroll sideways on a phone (`.table-wrap`) can be
scrolled from the keyboard too (it takes the focus: axe-core's scrollable-region-focusable, serious),
and a record's key is printed as digits, never in the Russian number format."""

import re
from pathlib import Path

from django.conf import settings

WRAP = re.compile(r"<div\b[^>]*\bclass=\"table-wrap\"[^>]*>")


def test_every_scrolling_table_takes_the_keyboard_focus() -> None:
    missing = [
        f"{path.relative_to(settings.BASE_DIR)}: {tag}"
        for path in sorted(Path(settings.BASE_DIR, "nkohub").glob("*/templates/**/*.html"))
        for tag in WRAP.findall(path.read_text(encoding="utf-8"))
        if 'tabindex="0"' not in tag
    ]
    assert not missing, 'add tabindex="0" to:\n' + "\n".join(missing)


BARE_KEY = re.compile(r"\{\{ ?[a-z_.]+\.(pk|id) ?\}\}")


def test_no_template_prints_a_key_in_the_russian_number_format() -> None:
    """`{{ item.pk }}` prints 1240 as «1 240» (thousands grouped, as every number on the site): an
    element's id or an htmx target made from it breaks once a table passes 999 rows. Keys go out
    as `{{ item.pk|stringformat:"d" }}`."""
    bare = [
        f"{path.relative_to(settings.BASE_DIR)}: {match.group(0)}"
        for path in sorted(Path(settings.BASE_DIR, "nkohub").glob("*/templates/**/*.html"))
        for match in BARE_KEY.finditer(path.read_text(encoding="utf-8"))
    ]
    assert not bare, "\n".join(bare)
