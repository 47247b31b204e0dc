"""The apps keep their layers, and docs/layers.md shows them as the code has them."""

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[3]


def _layers() -> ModuleType:
    spec = importlib.util.spec_from_file_location("layers", ROOT / "scripts" / "layers.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["layers"] = module
    spec.loader.exec_module(module)
    return module


def test_no_app_imports_its_own_layer_or_a_layer_above() -> None:
    layers = _layers()
    assert layers.violations(layers.imports()) == []


def test_the_picture_of_the_layers_is_the_code_as_it_is() -> None:
    layers = _layers()
    expected = layers.picture(layers.imports())
    assert (ROOT / "docs" / "layers.md").read_text(encoding="utf-8") == expected, (
        "docs/layers.md is stale: run python scripts/layers.py"
    )


def test_a_violation_is_reported_with_the_module_that_commits_it() -> None:
    layers = _layers()
    graph = {"core": {"grants": {"nkohub/core/views.py"}}}
    assert layers.violations(graph) == [
        "core (layer 0) imports grants (layer 5) in nkohub/core/views.py"
    ]
