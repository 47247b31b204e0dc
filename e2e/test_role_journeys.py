"""Every role's main work in a browser, on a phone and on a desktop (issue 22, item 8), on the demo
data that `make run` loads: the visitor walks every section of the header; each signed-in role opens
«Мой кабинет» and follows every link its cabinet offers (its own work: the inbox, the desk, the
moderation queue, the organisation's pages…). Every page visited answers without an error, has its
heading, is clean for axe-core, fits a 390 px screen without scrolling sideways, and is kept as a
screenshot (e2e-output/, CI's artefacts)."""

import re
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client

from e2e.test_phone_layout import DESKTOP, PHONE, TOO_WIDE
from nkohub.accounts.models import User

ROLES = [
    ("member", "member@demo.nko-cluster.ru"),
    ("editor", "editor@demo.nko-cluster.ru"),
    ("owner", "owner@demo.nko-cluster.ru"),
    ("official", "official@demo.nko-cluster.ru"),
    ("sponsor", "sponsor@demo.nko-cluster.ru"),
    ("media", "media@demo.nko-cluster.ru"),
    ("expert", "expert@demo.nko-cluster.ru"),
    ("operator", "operator@demo.nko-cluster.ru"),
]
LINKS_PER_ROLE = 10
# not pages: files, feeds, the admin (Django's own), signing out
SKIPPED = re.compile(r"\.(pdf|ics|csv|xlsx|png|jpg|webp|xml)$|/feed/|/admin/|/logout/|/download/")
# in every cabinet, not a role's own work (the visitor's walk and the accounts' tests cover them)
EVERYONE = re.compile(r"^/(accounts/|cabinet/$|organizations/$|organizations/register/$)")


@pytest.fixture
def demo(transactional_db: Any) -> None:
    call_command("load_reference", verbosity=0)
    call_command("load_demo", "--quiet-logins", verbosity=0)


def _sign_in(page: Any, live_server: Any, user: User) -> None:
    """A session of the person's own, set as the browser's cookie (the sign-in form has its tests:
    here ten password hashes would only add a minute), then their cabinet."""
    client = Client()
    client.force_login(user)
    page.context.clear_cookies()
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    page.goto("/cabinet/")
    assert urlsplit(page.url).path == "/cabinet/", f"{user.email} was not signed in"


def _links(page: Any, selector: str) -> list[str]:
    hrefs = page.eval_on_selector_all(selector, "nodes => nodes.map(n => n.getAttribute('href'))")
    seen: list[str] = []
    for href in hrefs:
        if not href or href.startswith(("#", "mailto:", "tel:", "http")) or SKIPPED.search(href):
            continue
        path = urlsplit(href).path
        if path not in seen:
            seen.append(path)
    return seen


def _check(page: Any, path: str, size: dict[str, int], shot: Any, assert_accessible: Any) -> str:
    """The problem with the page at `path`, or ""."""
    response = page.goto(path)
    if response is None or response.status >= 400:
        return f"{path}: answered {response.status if response else 'nothing'}"
    if page.locator("h1").count() == 0:
        return f"{path}: no heading"
    if size is PHONE:
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            return f"{path}: {width}px wide on a phone: {page.evaluate(TOO_WIDE)}"
    assert_accessible(f"on {path}")
    shot(re.sub(r"[^\w]+", "-", path).strip("-") or "home")
    return ""


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_every_role_does_its_main_work(
    page: Any,
    live_server: Any,
    demo: None,
    shot: Any,
    assert_accessible: Any,
    size: dict[str, int],
) -> None:
    page.set_viewport_size(size)
    problems: list[str] = []

    # the visitor: every section of the header
    page.goto("/")
    sections = _links(page, "header nav a")
    assert len(sections) >= 8, sections
    problems += [p for p in (_check(page, s, size, shot, assert_accessible) for s in sections) if p]

    for role, email in ROLES:
        _sign_in(page, live_server, User.objects.get(email=email))
        work = [link for link in _links(page, "main a") if not EVERYONE.match(link)]
        assert work, f"{role}: the cabinet offers nothing to do"
        for path in work[:LINKS_PER_ROLE]:
            problem = _check(page, path, size, shot, assert_accessible)
            if problem:
                problems.append(f"{role}: {problem}")
    assert not problems, "\n".join(problems)
