"""A table that may scroll sideways on a phone (`.table-wrap`) can be scrolled from the keyboard too:
it takes the focus (axe-core's scrollable-region-focusable, serious), in every template."""

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
