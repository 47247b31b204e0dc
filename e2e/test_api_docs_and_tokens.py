"""The API in a real browser, on a phone and on a desktop: an organisation's owner creates a token in
the cabinet and sees its key once, opens the interactive docs (Swagger UI from our own static files,
no console errors under the Content Security Policy) and the token answers the API."""

import re
from typing import Any

import pytest
from playwright.sync_api import expect

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def _fits(page: Any, size: dict[str, int]) -> None:
    page.wait_for_load_state("load")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= size["width"], f"{page.url} is {width}px wide on a {size['width']}px screen"


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_create_a_token_open_the_docs_and_call_the_api(
    page: Any, shot: Any, login: Any, owner: Any, ngo: Any, size: dict[str, int]
) -> None:
    page.set_viewport_size(size)
    login(owner)
    page.goto("/cabinet/")
    page.get_by_role("link", name="API-токены").click()
    expect(page.get_by_role("heading", name="API-токены", level=1)).to_be_visible()
    page.get_by_label("Название").fill("Сайт организации")
    page.get_by_label("Организация").select_option(str(ngo.pk))
    page.get_by_label("публиковать и изменять предложения ресурсов организации").check()
    page.get_by_role("button", name="Создать токен").click()
    key = page.locator("#issued-token code.token-key").inner_text()
    assert re.fullmatch(r"nko_[0-9a-f]{8}_\S+", key)
    _fits(page, size)
    shot("token")

    page.goto("/api/v1/docs")
    expect(page.get_by_text("НКО-Кластер API").first).to_be_visible()
    expect(
        page.locator(".opblock-summary-path", has_text="/api/v1/organizations").first
    ).to_be_visible()
    shot("docs")
    assert page.console_errors == []

    answer = page.evaluate(
        """async (key) => {
            const response = await fetch("/api/v1/offers", {headers: {Authorization: "Bearer " + key}});
            return [response.status, (await response.json()).items.length];
        }""",
        key,
    )
    assert answer == [200, 0]
