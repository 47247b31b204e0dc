"""Consultations in a real browser, on a phone and on a desktop: a member asks a public question, an
expert of its topic takes it from the desk and answers, the operator turns the answer into a
knowledge-base article and publishes it, and the next member typing a similar question is offered it
while typing (htmx). Every page visited fits the screen."""

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from nkohub.consultations.tests.factories import ExpertFactory, competence
from nkohub.organizations.models import Membership
from nkohub.organizations.tests.factories import MembershipFactory

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
TITLE = "Когда сдавать отчёт в Министерство юстиции?"


def _fits(page: Any, size: dict[str, int]) -> None:
    page.wait_for_load_state("load")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= size["width"], f"{page.url} is {width}px wide on a {size['width']}px screen"


def _switch(page: Any, login: Any, user: Any) -> None:
    page.context.clear_cookies()
    login(user)


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_ask_answer_publish_and_the_next_member_is_offered_the_answer(
    page: Any,
    shot: Any,
    login: Any,
    member: Any,
    other_ngo: Any,
    operator: Any,
    assert_accessible: Any,
    size: dict[str, int],
) -> None:
    expert = ExpertFactory.create(
        user__email="eva@example.org",
        user__full_name="Ева Экспертова",
        competences=[competence("law")],
    )
    next_member = MembershipFactory.create(
        organization=other_ngo, role=Membership.Role.MEMBER, user__email="nina@example.org"
    ).user
    page.set_viewport_size(size)

    # a member asks
    login(member)
    page.goto("/consultations/ask/")
    page.get_by_label("Тема").select_option(label="Право и регистрация НКО")
    page.get_by_label("Ваш вопрос одной строкой").fill(TITLE)
    page.get_by_label("Опишите ситуацию").fill(
        "Мы АНО, зарегистрированы в Калуге в прошлом году. Какие отчёты и до какого числа сдавать?"
    )
    page.get_by_label("открытый: ответ может попасть в базу знаний").check()
    _fits(page, size)
    assert_accessible("on the question form")
    shot("ask")
    page.get_by_role("button", name="Отправить вопрос").click()
    expect(page.get_by_text("Вопрос отправлен экспертам по теме.")).to_be_visible()
    expect(page.get_by_role("heading", name=TITLE, level=1)).to_be_visible()

    # the expert takes it from the desk and answers
    _switch(page, login, expert.user)
    page.goto("/consultations/desk/")
    _fits(page, size)
    assert_accessible("on the expert's desk")
    shot("desk")
    page.get_by_role("link", name=TITLE).click()
    page.get_by_role("button", name="Взять вопрос").click()
    expect(page.get_by_text("Вопрос ваш. Ответьте до срока.")).to_be_visible()
    page.locator("#id_answer").fill(
        "Отчёт о деятельности (форма ОН0001) сдают до 15 апреля года, следующего за отчётным."
    )
    page.get_by_role("button", name="Отправить ответ").click()
    expect(page.get_by_text("Ответ отправлен организации.")).to_be_visible()
    shot("answered")

    # the operator publishes it in the knowledge base
    _switch(page, login, operator)
    page.goto("/consultations/oversight/")
    _fits(page, size)
    page.get_by_role("link", name=TITLE).click()
    page.get_by_role("button", name="Сделать статью базы знаний").click()
    expect(page.get_by_role("heading", name="Редактирование статьи")).to_be_visible()
    page.get_by_label("Заголовок").fill("Отчётность НКО перед Министерством юстиции")
    page.get_by_label("Опубликована в базе знаний").check()
    page.get_by_role("button", name="Сохранить").click()
    expect(
        page.get_by_role("heading", name="Отчётность НКО перед Министерством юстиции", level=1)
    ).to_be_visible()
    page.goto("/consultations/?q=отчетность+министерство")
    expect(
        page.get_by_role("link", name="Отчётность НКО перед Министерством юстиции")
    ).to_be_visible()
    _fits(page, size)
    shot("knowledge-base")

    # the next member typing a similar question is offered the answer
    _switch(page, login, next_member)
    page.goto("/consultations/ask/")
    page.get_by_label("Ваш вопрос одной строкой").press_sequentially(
        "Какой отчёт сдать в министерство юстиции", delay=20
    )
    suggestion = page.get_by_role("link", name="Отчётность НКО перед Министерством юстиции")
    expect(suggestion).to_be_visible()
    expect(page.locator("#similar-answers")).to_contain_text("Возможно, ответ уже есть")
    _fits(page, size)
    assert_accessible("with the suggestions shown")
    shot("suggested")
    assert re.search(r"/consultations/articles/\d+/$", suggestion.get_attribute("href") or "")
