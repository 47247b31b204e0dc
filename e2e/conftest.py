"""Browser tests: real headless Debian Chromium driven by Playwright (its own browser download is not used).

Skipped, with the reason, when /usr/bin/chromium is absent (CI installs it). Screenshots of the pages a
test visits are saved under e2e-output/<test name>/.
"""

import os
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from nkohub.accounts.tests.factories import DEFAULT_PASSWORD
from nkohub.core.tests.tools import missing_tool

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make are synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
OUTPUT_DIR = Path(__file__).resolve().parent.parent / "e2e-output"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(config: Any, items: list[Any]) -> None:
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        missing_tool(
            "Debian's chromium is not installed (apt-get install chromium chromium-driver)"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield instance
        instance.close()


@pytest.fixture
def page(browser: Any, live_server: Any, request: pytest.FixtureRequest) -> Iterator[Any]:
    context = browser.new_context(
        base_url=live_server.url, locale="ru-RU", timezone_id="Europe/Moscow"
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    errors: list[str] = []
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    page.console_errors = errors
    yield page
    context.close()


@pytest.fixture
def shot(page: Any, request: pytest.FixtureRequest) -> Callable[[str], Path]:
    """shot("signup") saves a full-page screenshot to e2e-output/<test>/NN-signup.png."""
    folder = OUTPUT_DIR / re.sub(r"[^\w.-]+", "_", request.node.name)
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    counter = {"n": 0}

    def take(name: str) -> Path:
        counter["n"] += 1
        path = folder / f"{counter['n']:02d}-{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture
def assert_accessible(page: Any) -> Callable[..., None]:
    """Run axe-core (npm, pinned in package-lock.json) on the page as it is now — call it after
    interactions too, not only on first load. Fails on serious and critical WCAG A/AA violations."""

    def check(context: str = "") -> None:
        if not AXE.exists():
            pytest.fail("axe-core is missing: run `npm ci` (make test does)")
        page.evaluate(AXE.read_text(encoding="utf-8"))
        result = page.evaluate(
            "async () => await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
        )
        problems = [
            f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
            for v in result["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        assert not problems, f"accessibility problems {context}:\n" + "\n".join(problems)

    return check


@pytest.fixture
def login(page: Any) -> Callable[..., None]:
    def do_login(user: Any, password: str = DEFAULT_PASSWORD) -> None:
        page.goto("/accounts/login/")
        page.get_by_label("Адрес электронной почты").fill(user.email)
        page.get_by_role("textbox", name="Пароль", exact=True).fill(password)
        page.get_by_role("button", name="Войти").click()
        page.wait_for_url(re.compile(r"/cabinet/"))

    return do_login
