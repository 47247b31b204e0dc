"""Every main page on a 390 px phone, with the demo data (long real-looking names, covers, logos):
nothing is wider than the screen, the header folds into a menu, list filters fold behind a button,
and axe-core stays clean after opening them. On a desktop the same menu and filters are simply open."""

import re
from typing import Any

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse

from nkohub.accounts.models import User
from nkohub.grants.models import Application, Competition
from nkohub.ideas.models import Idea
from nkohub.news.models import NewsItem
from nkohub.organizations.models import Membership
from nkohub.organizations.tests.factories import OrganizationFactory
from nkohub.projects.models import FairEntry, Project
from nkohub.reception.models import Appeal
from nkohub.resources.models import ResourceOffer

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}

# The elements sticking out to the right of the screen, deepest first, to name in a failure.
TOO_WIDE = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [...document.querySelectorAll("body *")].filter((element) => {
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.right > width + 1;
  });
  return wide.filter((element) => !wide.some((other) => other !== element && element.contains(other)))
    .slice(0, 5)
    .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join(".")} right=${Math.round(element.getBoundingClientRect().right)}`);
}"""


@pytest.fixture
def registry(transactional_db: Any) -> None:
    """Enough organisations for a page of the directory, with long names as real ones have."""
    call_command("load_reference", verbosity=0)
    for n in range(12):
        OrganizationFactory.create(
            full_name=f"Калужская региональная общественная организация инвалидов «Преодоление-{n}»",
            short_name=f"КРОО «Преодоление-{n}»",
            description="Социальная реабилитация, спорт и досуг людей с инвалидностью. " * 3,
        )


@pytest.fixture
def demo(transactional_db: Any) -> dict[str, Any]:
    call_command("load_reference", verbosity=0)
    call_command("load_demo", "--quiet-logins", verbosity=0)
    owner = User.objects.get(email="owner@demo.nko-cluster.ru")
    ngo = Membership.objects.get(user=owner, role=Membership.Role.OWNER).organization
    return {
        "owner": owner,
        "ngo": ngo,
        "project": Project.objects.filter(
            fair_entries__status=FairEntry.Status.ACCEPTED, organization=ngo
        ).first(),
        "competition": Competition.objects.order_by("pk").first(),
        "application": Application.objects.filter(organization=ngo).order_by("pk").first(),
        "offer": ResourceOffer.objects.filter(status=ResourceOffer.Status.PUBLISHED).first(),
        "answer": Appeal.objects.filter(
            status=Appeal.Status.ANSWERED, publish_consent=True
        ).first(),
        "news": NewsItem.objects.filter(status=NewsItem.Status.PUBLISHED).order_by("pk").first(),
        "idea": Idea.objects.filter(appeal__isnull=False).first(),
    }


def _public_pages(demo: dict[str, Any]) -> list[str]:
    return [
        reverse("core:home"),
        reverse("organizations:directory"),
        reverse("organizations:detail", args=[demo["ngo"].pk]),
        reverse("projects:fair"),
        reverse("projects:detail", args=[demo["project"].pk]),
        reverse("grants:calendar"),
        reverse("grants:competition", args=[demo["competition"].pk]),
        reverse("grants:statistics"),
        reverse("resources:catalogue"),
        reverse("resources:offer_detail", args=[demo["offer"].pk]),
        reverse("reception:public"),
        reverse("reception:public_appeal", args=[demo["answer"].pk]),
        reverse("reception:authorities"),
        reverse("news:index"),
        reverse("news:detail", args=[demo["news"].pk]),
        reverse("news:activity"),
        reverse("analytics:dashboard"),
        reverse("ideas:index"),
        reverse("ideas:idea", args=[demo["idea"].pk]),
        reverse("account_login"),
        reverse("account_signup"),
    ]


def _pages_of_the_owner(demo: dict[str, Any]) -> list[str]:
    return [
        reverse("core:cabinet"),
        reverse("grants:application_edit", args=[demo["application"].pk]),
        reverse("grants:application", args=[demo["application"].pk]),
        reverse("projects:edit", args=[demo["project"].pk]),
        reverse("projects:manage", args=[demo["project"].pk]),
        reverse("organizations:edit", args=[demo["ngo"].pk]),
        reverse("resources:mine"),
        reverse("reception:appeal_create"),
        reverse("ideas:propose"),
        reverse("notifications:inbox"),
        reverse("news:create", args=[demo["ngo"].pk]),
    ]


def _too_wide(page: Any, paths: list[str]) -> dict[str, str]:
    problems = {}
    for path in paths:
        response = page.goto(path)
        assert response is not None
        assert response.ok, f"{path} answered {response.status}"
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            problems[path] = f"{width}px wide: {page.evaluate(TOO_WIDE)}"
    return problems


def test_every_main_page_fits_a_phone_screen(page: Any, demo: dict[str, Any], login: Any) -> None:
    page.set_viewport_size(PHONE)
    problems = _too_wide(page, _public_pages(demo))
    login(demo["owner"], settings.DEMO_PASSWORD)
    problems |= _too_wide(page, _pages_of_the_owner(demo))
    assert not problems, "pages scroll sideways on a 390 px phone:\n" + "\n".join(
        f"{path}: {problem}" for path, problem in problems.items()
    )


def test_on_a_phone_the_header_is_one_line_and_its_menu_opens_and_closes(
    page: Any, registry: None, assert_accessible: Any, shot: Any
) -> None:
    page.set_viewport_size(PHONE)
    page.goto("/")
    header = page.locator("header.site-header")
    assert header.bounding_box()["height"] < 80
    registry_link = page.get_by_role("link", name="Реестр", exact=True)
    assert not registry_link.is_visible()
    menu = page.get_by_text("Меню", exact=True)
    menu.click()
    assert registry_link.is_visible()
    assert page.get_by_role("link", name="Регистрация").is_visible()
    shot("phone-menu-open")
    assert_accessible("with the menu open on a phone")
    page.keyboard.press("Escape")
    assert not registry_link.is_visible()
    menu.click()
    registry_link.click()
    page.wait_for_url(re.compile(r"/organizations/$"))
    registry_box = page.locator("main h1").bounding_box()
    assert registry_box is not None
    assert registry_box["y"] < 150  # the menu closed with the new page: the page starts at once


def test_on_a_phone_the_directory_shows_its_first_result_on_the_first_screen(
    page: Any, registry: None, assert_accessible: Any, shot: Any
) -> None:
    page.set_viewport_size(PHONE)
    page.goto("/organizations/")
    first = page.locator(".org-list > li").first
    assert first.bounding_box()["y"] < PHONE["height"], "the first organisation is below the fold"
    kind_filter = page.get_by_role("link", name=re.compile(r"^некоммерческая организация"))
    assert not kind_filter.first.is_visible()
    page.get_by_text("Фильтры", exact=True).click()
    assert kind_filter.first.is_visible()
    shot("phone-directory-filters-open")
    assert_accessible("with the directory's filters open on a phone")


@pytest.mark.parametrize(
    ("path", "field"),
    [("/fair/", "#id_sphere"), ("/grants/", "#id_funder"), ("/resources/", "#id_category")],
)
def test_on_a_phone_list_filters_fold_behind_a_button(
    page: Any, registry: None, assert_accessible: Any, path: str, field: str
) -> None:
    page.set_viewport_size(PHONE)
    page.goto(path)
    select = page.locator(field)
    assert not select.is_visible()
    page.get_by_text("Поиск и фильтры").click()
    assert select.is_visible()
    assert_accessible(f"with the filters of {path} open on a phone")


def test_on_a_desktop_the_menu_and_filters_are_open_without_a_button(
    page: Any, registry: None, assert_accessible: Any, shot: Any
) -> None:
    page.set_viewport_size(DESKTOP)
    page.goto("/fair/")
    assert page.get_by_role("link", name="Реестр", exact=True).is_visible()
    assert not page.get_by_text("Меню", exact=True).is_visible()
    assert page.locator("#id_sphere").is_visible()
    assert not page.get_by_text("Поиск и фильтры").is_visible()
    shot("desktop-fair")
    assert_accessible("on the fair on a desktop")


def test_without_javascript_the_menu_still_opens_on_a_phone_and_shows_on_a_desktop(
    browser: Any, live_server: Any, registry: None
) -> None:
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.set_viewport_size(PHONE)
    page.goto("/")
    registry_link = page.get_by_role("link", name="Реестр", exact=True)
    assert not registry_link.is_visible()
    page.get_by_text("Меню", exact=True).click()
    assert registry_link.is_visible()
    page.set_viewport_size(DESKTOP)
    page.goto("/")
    assert registry_link.is_visible()
    context.close()
