"""The online reception in a real browser: an NGO editor writes to a ministry, an official registers and
answers, the author reads the answer and rates it, and the published answer appears on the public page."""

import re
from typing import Any

from playwright.sync_api import expect

from nkohub.organizations.models import Organization
from nkohub.organizations.tests.factories import OrganizationFactory
from nkohub.reception.models import Appeal, Topic

SUBJECT = "Компенсация поставщику социальных услуг"
ANSWER = "Компенсация выплачивается ежемесячно по акту об оказанных услугах."


def test_an_appeal_goes_from_the_ngo_to_the_ministry_and_back_to_the_public(
    page: Any,
    shot: Any,
    login: Any,
    editor: Any,
    official: Any,
    authority: Any,
    assert_accessible: Any,
) -> None:
    Topic.objects.create(authority=authority, name="Социальное обслуживание")
    city = OrganizationFactory.create(
        kind=Organization.Kind.AUTHORITY, full_name="Городская Управа", short_name="Управа"
    )
    Topic.objects.create(authority=city, name="Благоустройство")

    # The NGO's editor writes to the ministry.
    login(editor)
    page.goto("/reception/")
    page.get_by_role("link", name="Написать в орган власти").first.click()
    page.wait_for_url(re.compile(r"/reception/new/"))
    topics = page.get_by_label("Тема", exact=True).locator("option")
    expect(topics).to_have_count(3)  # the empty choice and a topic of each authority
    page.get_by_label("Адресат").select_option(label=str(authority))
    expect(topics).to_have_count(2)  # htmx narrowed the list to the chosen authority's topics
    page.get_by_label("Тема", exact=True).select_option(
        label=f"Социальное обслуживание — {authority}"
    )
    page.get_by_label("Заголовок обращения").fill(SUBJECT)
    page.get_by_label("Текст").fill("Просим разъяснить сроки и документы для выплаты компенсации.")
    page.get_by_label("Согласен на публикацию вопроса и ответа").check()
    shot("appeal-form")
    assert_accessible("on the appeal form")
    page.get_by_role("button", name="Отправить обращение").click()
    page.wait_for_url(re.compile(r"/reception/appeals/\d+/$"))
    expect(page.get_by_text("Обращение отправлено.")).to_be_visible()
    expect(page.locator(".reception-status-submitted")).to_be_visible()
    shot("appeal-submitted")
    appeal_url = page.url
    assert Appeal.objects.get().status == Appeal.Status.SUBMITTED

    # The official registers and answers.
    page.context.clear_cookies()
    login(official)
    page.goto("/reception/desk/")
    expect(page.get_by_role("link", name=SUBJECT)).to_be_visible()
    shot("desk")
    assert_accessible("on the officials' desk")
    page.get_by_role("link", name=SUBJECT).click()
    page.get_by_role("button", name="Зарегистрировать").click()
    expect(page.get_by_text("Обращение зарегистрировано.")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_contain_text("ЭО-")
    assert_accessible("on the registered appeal with every action form")
    page.get_by_role("textbox", name="Ответ", exact=True).fill(ANSWER)
    page.get_by_role("button", name="Отправить ответ").click()
    expect(page.get_by_text("Ответ отправлен автору.")).to_be_visible()
    shot("answered-by-official")

    # The author sees the answer and rates it.
    page.context.clear_cookies()
    login(editor)
    page.goto(appeal_url)
    expect(page.get_by_text(ANSWER)).to_be_visible()
    page.get_by_role("radio", name="5").check()
    page.get_by_label("Комментарий").fill("Спасибо за быстрый ответ.")
    page.get_by_role("button", name="Оценить").click()
    expect(page.get_by_text("Спасибо за оценку ответа.")).to_be_visible()
    shot("rated")
    assert Appeal.objects.get().rating == 5

    # The published answer is on the public page, also for a guest.
    page.context.clear_cookies()
    page.goto("/reception/")
    page.get_by_label("Поиск").fill("компенсации")
    page.get_by_role("button", name="Найти").click()
    # htmx swaps the results and pushes the query into the address: a click before the push lands
    # would start a navigation that the push then cancels.
    page.wait_for_url(re.compile(r"[?&]q="))
    page.locator("#public-results").get_by_role("link", name=SUBJECT).click()
    expect(page.get_by_text(ANSWER)).to_be_visible()
    shot("public-answer")
    assert_accessible("on the public answer")
    assert not [error for error in page.console_errors if "Content Security Policy" in error]
