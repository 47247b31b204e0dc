"""The idea bank in a real browser, on a phone and on a desktop: a member proposes an idea addressed to
the ministry, two people support it and so cross the (lowered) threshold, the idea becomes an appeal
in the reception, the ministry's official registers and answers it there, and the idea's page shows the
answer. Every page visited fits its screen."""

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from nkohub.accounts.tests.factories import UserFactory
from nkohub.ideas.models import Idea
from nkohub.organizations.tests.factories import SphereFactory
from nkohub.reception.models import Appeal
from nkohub.territories.tests.factories import MunicipalityFactory

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
TITLE = "Пандус у поликлиники №2 на Московской"
ANSWER = "Пандус будет установлен до 1 июня по программе «Доступная среда»."


def _fits(page: Any, size: dict[str, int]) -> None:
    page.wait_for_load_state("load")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= size["width"], f"{page.url} is {width}px wide on a {size['width']}px screen"


def _support(page: Any, login: Any, person: Any, idea_url: str, size: dict[str, int]) -> None:
    page.context.clear_cookies()
    login(person)
    page.goto(idea_url)
    page.get_by_role("button", name="Поддержать идею").click()
    expect(page.get_by_text("Вы поддерживаете эту идею.").first).to_be_visible()
    _fits(page, size)


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_an_idea_collects_supports_becomes_an_appeal_and_shows_the_answer(
    page: Any,
    shot: Any,
    login: Any,
    member: Any,
    official: Any,
    authority: Any,
    settings: Any,
    assert_accessible: Any,
    size: dict[str, int],
) -> None:
    settings.IDEAS_APPEAL_THRESHOLD = 2
    MunicipalityFactory.create(name="Калуга")
    SphereFactory.create(code="disability", name="Поддержка людей с инвалидностью")
    page.set_viewport_size(size)

    # A member proposes the idea, addressed to the ministry.
    login(member)
    page.goto("/ideas/")
    expect(page.get_by_text("Идей пока нет")).to_be_visible()
    _fits(page, size)
    page.get_by_role("link", name="Предложить идею").first.click()
    page.get_by_label("Название").fill(TITLE)
    page.get_by_label("В чём проблема").fill("У входа восемь ступеней и нет пандуса.")
    page.get_by_label("Что вы предлагаете").fill("Установить пандус с поручнями и кнопку вызова.")
    page.get_by_label("Территория").select_option(label="Калуга")
    page.get_by_label("Сфера").select_option(label="Поддержка людей с инвалидностью")
    page.get_by_label("Орган власти, которому адресована идея").select_option(label=str(authority))
    _fits(page, size)
    assert_accessible("on the idea form")
    shot("idea-form")
    page.get_by_role("button", name="Опубликовать идею").click()
    page.wait_for_url(re.compile(r"/ideas/\d+/$"))
    expect(page.get_by_role("heading", name=TITLE, level=1)).to_be_visible()
    expect(page.get_by_text("Нельзя поддержать свою идею.")).to_be_visible()
    idea_url = page.url
    _fits(page, size)
    assert_accessible("on the idea's page")

    # Two people support it: the second support crosses the threshold.
    first, second = UserFactory.create(), UserFactory.create()
    _support(page, login, first, idea_url, size)
    assert Idea.objects.get().appeal is None
    _support(page, login, second, idea_url, size)
    expect(page.get_by_role("heading", name="Обращение в орган власти")).to_be_visible()
    shot("idea-sent")
    appeal = Appeal.objects.get()
    assert (appeal.status, appeal.author) == (Appeal.Status.SUBMITTED, member)

    # The ministry's official finds the appeal in the reception, registers and answers it.
    page.context.clear_cookies()
    login(official)
    page.goto("/reception/desk/")
    page.get_by_role("link", name=TITLE).click()
    page.get_by_role("button", name="Зарегистрировать").click()
    expect(page.get_by_text("Обращение зарегистрировано.")).to_be_visible()
    page.get_by_role("textbox", name="Ответ", exact=True).fill(ANSWER)
    page.get_by_role("button", name="Отправить ответ").click()
    expect(page.get_by_text("Ответ отправлен автору.")).to_be_visible()
    _fits(page, size)

    # The official's list of ideas addressed to the ministry shows it; anyone sees the answer on the idea.
    page.goto("/ideas/addressed/")
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()
    _fits(page, size)
    shot("addressed")
    page.context.clear_cookies()
    page.goto(idea_url)
    expect(page.get_by_text(ANSWER)).to_be_visible()
    expect(page.get_by_role("link", name="Ответ в интернет-приёмной")).to_be_visible()
    _fits(page, size)
    shot("idea-answered")
    assert_accessible("on the answered idea")
    assert not [error for error in page.console_errors if "Content Security Policy" in error]
