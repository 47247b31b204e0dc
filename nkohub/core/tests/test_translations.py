"""The Russian translation is complete: every app's catalogue has every message translated, none fuzzy,
and no two catalogues translate one message differently."""

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "scripts"))

from po import collisions, problems  # noqa: E402

CATALOGUES = sorted((ROOT / "nkohub").glob("*/locale/ru/LC_MESSAGES/django.po"))


def test_every_app_with_templates_or_models_has_a_russian_catalogue() -> None:
    apps = {path.parent.name for path in (ROOT / "nkohub").glob("*/apps.py")}
    with_catalogue = {path.parents[3].name for path in CATALOGUES}
    assert apps <= with_catalogue, f"no Russian catalogue for: {sorted(apps - with_catalogue)}"


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda path: path.parents[3].name)
def test_the_catalogue_is_complete(catalogue: Path) -> None:
    found = problems(catalogue)
    assert not found, "\n".join(found)


def test_no_two_catalogues_translate_one_message_differently() -> None:
    """Django merges the apps' catalogues into one namespace and shows the first app's translation, so
    a word that means different things in two apps needs a `pgettext` context in one of them."""
    found = collisions(CATALOGUES)
    assert not found, "\n".join(found)
