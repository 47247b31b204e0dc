"""The production calendar in a real browser: an operator corrects a day of 2027, is shown the open appeal
whose answer date it would move, applies the move, and the appeal's author sees the new date."""

import re
from datetime import date
from typing import Any

import time_machine
from playwright.sync_api import expect

from nkohub.reception import services
from nkohub.reception.models import Appeal


def test_an_operator_corrects_a_day_and_moves_the_due_date_it_affects(
    page: Any,
    shot: Any,
    login: Any,
    operator: Any,
    editor: Any,
    ngo: Any,
    authority: Any,
    official: Any,
    assert_accessible: Any,
) -> None:
    # An appeal received and registered on Friday 7 May 2027: the answer is due on Monday 7 June.
    with time_machine.travel("2027-05-07T09:00:00Z", tick=False):
        appeal, _ = services.appeal_create(
            actor=editor,
            authority=authority,
            organization=ngo,
            subject="Субсидия на аренду помещения",
            text="Просим разъяснить порядок получения субсидии на аренду.",
            submit=True,
        )
        services.appeal_register(actor=official, appeal=appeal)
    appeal.refresh_from_db()
    assert appeal.answer_due == date(2027, 6, 7)

    login(operator)
    page.goto("/reception/calendar/?year=2027")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Производственный календарь на 2027 год"
    )
    transfer = page.locator("tr", has_text="Выходной (перенесено с 20.02.2027)")
    expect(transfer).to_contain_text("пакет holidays")
    assert_accessible("on the calendar page")
    page.get_by_label("Дата").fill("2027-06-07")
    page.get_by_label("нерабочий день").check()
    page.get_by_label("Описание").fill("Дополнительный выходной (пример)")
    page.get_by_role("button", name="Сохранить").click()

    page.wait_for_url(re.compile(r"/reception/calendar/due-dates/$"))
    expect(page.get_by_text("Пока ничего не сдвинулось")).to_be_visible()
    row = page.locator("tr", has_text="Субсидия на аренду помещения")
    expect(row).to_contain_text("7 июня 2027")
    expect(row).to_contain_text("8 июня 2027")
    shot("due-dates-review")
    assert_accessible("on the review of due dates")
    appeal.refresh_from_db()
    assert appeal.answer_due == date(2027, 6, 7)  # nothing moves before it is applied

    page.get_by_role("button", name="Перенести отмеченные сроки").click()
    expect(page.get_by_text("Сроки 1 обращения перенесены")).to_be_visible()
    expect(page.get_by_text("Нет сроков на проверку")).to_be_visible()
    appeal.refresh_from_db()
    assert appeal.answer_due == date(2027, 6, 8)

    page.context.clear_cookies()
    login(editor)
    page.goto(f"/reception/appeals/{appeal.pk}/")
    expect(page.get_by_text("ответ не позднее 8 июня 2027").first).to_be_visible()
    expect(page.get_by_text("Сроки пересчитаны по производственному календарю")).to_be_visible()
    shot("appeal-after-the-move")
    assert not [error for error in page.console_errors if "Content Security Policy" in error]
    assert Appeal.objects.get(pk=appeal.pk).events.filter(kind="due_dates_changed").count() == 1
