"""Events in a real browser, on a phone and on a desktop: a member registers for a full event and lands
on the waiting list, is promoted when someone cancels, downloads the .ics; the organiser checks the member
in on the phone page (the script sends the typed code) and sees it in the list; after the event the member
leaves feedback and the organiser sees the average. Every page visited fits the screen."""

import datetime as dt
from pathlib import Path
from typing import Any

import icalendar
import pytest
from playwright.sync_api import expect

from nkohub.accounts.tests.factories import UserFactory
from nkohub.events import services
from nkohub.events.models import Event, Registration
from nkohub.events.tests.factories import EventFactory, RegistrationFactory

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def _fits(page: Any, size: dict[str, int]) -> None:
    page.wait_for_load_state("load")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= size["width"], f"{page.url} is {width}px wide on a {size['width']}px screen"


def _logout(page: Any) -> None:
    page.context.clear_cookies()


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_waiting_list_promotion_calendar_check_in_and_feedback(
    page: Any,
    shot: Any,
    login: Any,
    ngo: Any,
    owner: Any,
    outsider: Any,
    assert_accessible: Any,
    size: dict[str, int],
) -> None:
    outsider.full_name = "Мария Соколова"
    outsider.save()
    event = EventFactory.create(
        organizer=ngo,
        title="Стратегическая сессия НКО Калуги",
        capacity=1,
        kind=Event.Kind.STRATEGIC_SESSION,
    )
    holder = UserFactory.create(full_name="Ирина Смирнова")
    held = RegistrationFactory.create(event=event, user=holder)
    page.set_viewport_size(size)

    # a member registers for a full event: the waiting list, with a clear message
    login(outsider)
    page.goto("/events/")
    page.get_by_role("link", name=event.title).click()
    expect(page.get_by_text("Все места заняты. Запишитесь в лист ожидания")).to_be_visible()
    _fits(page, size)
    page.get_by_role("button", name="Встать в лист ожидания").click()
    expect(page.get_by_text("вы номер 1 в листе ожидания").first).to_be_visible()
    shot("waiting")
    assert_accessible("on the waiting list")

    # someone cancels: the first waiting gets the place and is told
    services.registration_cancel(actor=holder, registration=held)
    page.reload()
    expect(page.get_by_text("Ваше место подтверждено.")).to_be_visible()
    expect(page.get_by_role("img", name="QR-код для входа")).to_be_visible()
    page.goto("/notifications/")
    expect(page.get_by_text(f"Место ваше: {event.title}").first).to_be_visible()

    # adds it to a calendar
    page.goto(f"/events/{event.pk}/")
    with page.expect_download() as download:
        page.get_by_role("link", name="Добавить в календарь (.ics)").click()
    calendar = icalendar.Calendar.from_ical(Path(download.value.path()).read_bytes())
    assert [str(item["UID"]) for item in calendar.walk("VEVENT")] == [event.uid]
    code = Registration.objects.get(event=event, user=outsider).checkin_code

    # the organiser checks the member in on the phone page; the list shows it
    _logout(page)
    login(owner)
    page.goto(f"/events/{event.pk}/manage/")
    _fits(page, size)
    page.get_by_role("link", name="Отметка по QR-коду").click()
    page.get_by_label("Код для входа").fill(code.lower())
    page.get_by_role("button", name="Отметить").click()
    expect(page.get_by_text("Мария Соколова отмечен(а).")).to_be_visible()
    _fits(page, size)
    shot("checked-in")
    page.goto(f"/events/{event.pk}/manage/")
    expect(page.locator(f"#present-{Registration.objects.get(user=outsider).pk}")).to_be_checked()

    # after the event the member leaves feedback, once; the organiser sees the average
    start = event.starts_at - dt.timedelta(days=8)
    Event.objects.filter(pk=event.pk).update(starts_at=start, ends_at=start + dt.timedelta(hours=2))
    _logout(page)
    login(outsider)
    page.goto(f"/events/{event.pk}/")
    page.get_by_role("link", name="Оставить отзыв").click()
    page.get_by_label("4").check()
    page.get_by_label("Что было полезно").fill("Разобрали проблемные зоны по муниципалитетам")
    page.get_by_role("button", name="Отправить").click()
    expect(page.get_by_text("Спасибо за отзыв.").first).to_be_visible()
    _fits(page, size)
    _logout(page)
    login(owner)
    page.goto(f"/events/{event.pk}/manage/")
    expect(page.get_by_text("Средняя оценка 4,0 из 5 по 1 отзыву")).to_be_visible()
    shot("feedback")
    assert page.console_errors == []
