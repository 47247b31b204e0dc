"""docs/urls.md lists every URL with who may call it, as the URLconf and the views have it (issue 22,
item 9), and the reading of the views finds what it should."""

from typing import Any

from .scripts import ROOT, load_script


def inventory_module() -> Any:
    return load_script("urls_inventory")


def test_the_list_of_urls_is_the_urlconf_as_it_is() -> None:
    inventory = inventory_module()
    expected = inventory.markdown(inventory.inventory())
    assert (ROOT / "docs" / "urls.md").read_text(encoding="utf-8") == expected, (
        "docs/urls.md is stale: run python scripts/urls_inventory.py"
    )


def _route(name: str) -> Any:
    inventory = inventory_module()
    found = [r for r in inventory.inventory() if r.name == name]
    assert found, name
    return found[0]


def test_methods_login_and_checks_are_read_from_the_view() -> None:
    close = _route("events:close")
    assert close.methods == ("POST",)
    assert close.login
    # the view calls a helper of events/views/_shared.py, which calls the permission helpers
    assert "can_manage_event" in close.checks
    edit = _route("events:edit")
    assert edit.methods == ("GET", "HEAD", "POST")


def test_a_public_page_needs_no_login() -> None:
    home = _route("core:home")
    assert not home.login
    assert home.methods == ("GET", "HEAD")


def test_api_endpoints_name_their_methods_and_token_authentication() -> None:
    status = _route("api-v1:offer_status")
    assert status.methods == ("POST",)
    assert "TokenAuth" in status.checks
    assert "can_manage_offer" in status.checks


def test_every_app_with_urls_has_a_section() -> None:
    text = (ROOT / "docs" / "urls.md").read_text(encoding="utf-8")
    for app in ("accounts", "organizations", "reception", "grants", "learning", "admin", "api"):
        assert f"\n## {app}\n" in text
