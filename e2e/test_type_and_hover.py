"""Type scale and hover states: headings step down from h1 to the body text, card titles are links
without an underline until the card is pointed at, links in running text stay underlined."""

from typing import Any

import pytest

from nkohub.grants.tests.factories import CompetitionFactory
from nkohub.projects.models import FairEntry
from nkohub.projects.tests.factories import FairEntryFactory, ProjectFactory, ProjectNeedFactory

FONT_SIZE = "el => parseFloat(getComputedStyle(el).fontSize)"
UNDERLINE = "el => getComputedStyle(el).textDecorationLine"
BORDER = "el => getComputedStyle(el).borderTopColor"


@pytest.fixture
def front_page_data(transactional_db: Any) -> None:
    CompetitionFactory.create(title="Конкурс малых грантов «Калужская инициатива»")
    project = ProjectFactory.create(title="Тёплый дом: помощь одиноким пожилым людям Калуги")
    ProjectNeedFactory.create(project=project)
    FairEntryFactory.create(project=project, status=FairEntry.Status.ACCEPTED)


def test_headings_step_down_the_type_scale(page: Any, front_page_data: None) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/")
    body = page.locator("body").evaluate(FONT_SIZE)
    h1 = page.locator("h1").first.evaluate(FONT_SIZE)
    h2 = page.locator("h2").first.evaluate(FONT_SIZE)
    h3 = page.locator("h3").first.evaluate(FONT_SIZE)
    assert body == 16
    assert h1 > h2 > h3 > body
    assert h1 / body >= 2  # the front page's title is a display size


def test_a_card_title_is_underlined_only_when_the_card_is_pointed_at(
    page: Any, front_page_data: None, assert_accessible: Any
) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/fair/")
    card = page.locator(".project-card").first
    title = card.locator(".card-title a")
    assert title.evaluate(UNDERLINE) == "none"
    border_before = card.evaluate(BORDER)
    card.hover()  # the middle of the card, over its summary
    assert title.evaluate(UNDERLINE) == "underline"
    assert card.evaluate(BORDER) != border_before
    assert_accessible("with a card of the fair under the pointer")


def test_the_whole_card_leads_to_the_project(page: Any, front_page_data: None) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/fair/")
    page.locator(".project-card").first.click()  # the middle of the card, not its title
    page.wait_for_url("**/fair/projects/*/")
    assert "Тёплый дом" in page.locator("h1").inner_text()


def test_links_in_running_text_stay_underlined(page: Any, front_page_data: None) -> None:
    page.goto("/")
    footer_link = page.locator(".site-footer a").first
    assert footer_link.evaluate(UNDERLINE) == "underline"
