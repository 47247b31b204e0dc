"""The apps keep their layers, and docs/layers.md shows them as the code has them."""

from types import ModuleType

from .scripts import ROOT, load_script


def _layers() -> ModuleType:
    return load_script("layers")


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
