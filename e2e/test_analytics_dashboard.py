"""The dashboard in a browser, on a phone and a desktop: the figures the entered data implies, clean
for axe-core, no sideways scrolling; an operator hides a block and everyone else no longer sees it."""

from decimal import Decimal
from typing import Any

import pytest

from nkohub.analytics.tests.factories import subsidies_totalling
from nkohub.grants.services import fund_result_record
from nkohub.grants.tests.factories import FunderFactory
from nkohub.territories.tests.factories import RegionFactory

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_dashboard_shows_the_entered_figures_and_the_operator_chooses_what_is_public(
    page: Any, shot: Any, login: Any, operator: Any, assert_accessible: Any, size: dict[str, int]
) -> None:
    subsidies_totalling(15_300_000, 100, year=2021)
    funder = FunderFactory.create()
    region = RegionFactory.create(code="40", name="Калужская область")
    fund_result_record(
        actor=None,
        region=region,
        funder=funder,
        year=2021,
        applications=117,
        winners=45,
        amount=Decimal("24600000"),
    )
    page.set_viewport_size(size)
    page.goto("/analytics/")
    text = page.inner_text("main")
    assert "15\u00a0300\u00a0000,00\u00a0₽" in text
    assert "38,5\u00a0%" in text
    assert page.evaluate("document.documentElement.scrollWidth") <= size["width"]
    assert_accessible("on the dashboard")
    shot("analytics-dashboard")

    login(operator)
    page.goto("/analytics/public-blocks/")
    page.get_by_label("Доля поддержанных заявок в сравнении с другими регионами").uncheck()
    page.get_by_role("button", name="Сохранить").click()
    assert_accessible("on the public blocks' page")
    page.goto("/analytics/")
    assert "видят только операторы" in page.inner_text("#block-success_rate")
    page.context.clear_cookies()
    page.goto("/analytics/")
    assert page.locator("#block-success_rate").count() == 0
    assert page.locator("#block-subsidy_direction").count() == 1
