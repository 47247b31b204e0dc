"""Smoke test of the foundation: home page, sign-up, e-mail confirmation (which signs in), cabinet."""

import re

from django.core import mail

PASSWORD = "Калуга-2026-надёжный"


def test_a_newcomer_signs_up_confirms_logs_in_and_opens_the_cabinet(
    page, shot, live_server, assert_accessible
) -> None:
    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "ru"
    page.get_by_role("heading", level=1).wait_for()
    shot("home")
    assert_accessible("on the home page")

    page.get_by_role("link", name="Регистрация").click()
    page.get_by_label("ФИО").fill("Анна Кузнецова")
    page.get_by_label("Адрес электронной почты").fill("anna@example.org")
    page.get_by_role("textbox", name="Пароль", exact=True).fill(PASSWORD)
    page.get_by_label("Пароль (ещё раз)").fill(PASSWORD)
    page.get_by_label("согласие на обработку моих персональных данных").check()
    page.get_by_label("политикой обработки персональных данных").check()
    shot("signup-filled")
    assert_accessible("on the filled sign-up form")
    page.get_by_role("button", name="Зарегистрируйтесь").click()
    page.wait_for_url(re.compile(r"/accounts/confirm-email/"))
    shot("confirmation-sent")

    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+", str(mail.outbox[0].body))
    assert link is not None
    page.goto(link.group(0).replace("http://testserver", live_server.url))
    shot("confirm-email")
    page.get_by_role("button", name="Подтвердить").click()
    # Confirming in the browser that signed up signs the person in (issue 13, item 4).
    page.wait_for_url(re.compile(r"/cabinet/"))
    page.get_by_role("heading", name="Мой кабинет").wait_for()
    assert "Анна Кузнецова" in page.content()
    shot("cabinet")
    assert_accessible("in the cabinet")
    assert not [error for error in page.console_errors if "Content Security Policy" in error]


def test_the_home_page_works_on_a_phone(browser, live_server, request) -> None:
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 390, "height": 844}, locale="ru-RU"
    )
    phone = context.new_page()
    phone.goto("/")
    signup = phone.get_by_role("link", name="Регистрация")
    assert not signup.is_visible()  # the header folds into a menu
    phone.get_by_text("Меню", exact=True).click()
    assert signup.is_visible()
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page scrolls sideways on a phone ({width}px)"
    context.close()


def test_a_failed_sign_up_keeps_the_typed_values_and_stays_accessible(
    page, assert_accessible
) -> None:
    page.goto("/accounts/signup/")
    page.get_by_label("ФИО").fill("Анна Кузнецова")
    page.get_by_label("Адрес электронной почты").fill("anna@example.org")
    page.get_by_role("textbox", name="Пароль", exact=True).fill(PASSWORD)
    page.get_by_label("Пароль (ещё раз)").fill(PASSWORD)
    page.get_by_role("button", name="Зарегистрируйтесь").click()
    page.get_by_text("Без согласия на обработку персональных данных").wait_for()
    assert page.get_by_label("ФИО").input_value() == "Анна Кузнецова"
    assert page.get_by_label("Адрес электронной почты").input_value() == "anna@example.org"
    assert_accessible("after a failed sign-up")
