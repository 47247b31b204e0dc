"""The resource bank in a real browser, between two organisations: «Добрые соседи» offer a hall, «Калужский
край» requests one, the platform matches them, the request's owner books a slot, the hall's owner confirms,
and after the slot the requester leaves a review. Each step notifies the other side."""

import datetime as dt
import re
from typing import Any

from django.utils import timezone
from playwright.sync_api import expect

from nkohub.notifications.models import Notification
from nkohub.organizations.models import Membership
from nkohub.organizations.tests.factories import MembershipFactory
from nkohub.resources.models import Booking, Match, Review

HALL = "Зал для семинаров на 40 человек"
NEED = "Нужен зал для семинара школьников"
WEEKDAYS_RU = ["Понедельник", "Вторник", "Среда", "Четверг", "Пятница", "Суббота", "Воскресенье"]


def _inbox_has(page: Any, text: str) -> None:
    page.goto("/notifications/")
    expect(page.get_by_text(text).first).to_be_visible()


def test_offer_request_match_booking_confirmation_review(
    page: Any, shot: Any, login: Any, owner: Any, ngo: Any, other_ngo: Any, assert_accessible: Any
) -> None:
    rita = MembershipFactory(
        organization=other_ngo, role=Membership.Role.OWNER, user__email="rita@example.org"
    ).user
    day = timezone.localdate() + dt.timedelta(days=3)
    municipality = ngo.municipality.name

    # 1. «Добрые соседи» offer a hall and open it on the weekday of the seminar.
    login(owner)
    page.goto("/resources/")
    page.get_by_role("link", name="Предложить ресурс").first.click()
    page.get_by_label("Предлагает").select_option(label=ngo.display_name)
    page.get_by_label("Категория").select_option(label="помещение")
    page.get_by_label("Название").fill(HALL)
    page.get_by_label("Описание").fill(
        "Светлый зал с проектором для семинаров и встреч со школьниками."
    )
    page.get_by_label("Муниципалитет").select_option(label=municipality)
    page.get_by_label("Адрес").fill("ул. Ленина, д. 15")
    page.get_by_label("Вместимость").fill("40")
    expect(page.get_by_label("По будням, 9:00–18:00")).to_be_checked()  # bookable from the start
    page.get_by_label("Укажу окна сам").check()  # …unless the owner sets the windows
    shot("offer-form")
    page.get_by_role("button", name="Опубликовать").click()
    page.wait_for_url(re.compile(r"/resources/offers/\d+/availability/$"))
    expect(page.get_by_text("Окон пока нет: ресурс никто не может забронировать.")).to_be_visible()
    weekly = page.locator("section", has=page.get_by_role("heading", name="Недельное расписание"))
    weekly.get_by_label("День недели").select_option(label=WEEKDAYS_RU[day.weekday()])
    page.locator("#id_rule-start_time").fill("09:00")
    page.locator("#id_rule-end_time").fill("18:00")
    weekly.get_by_role("button", name="Добавить окно").click()
    expect(page.get_by_text("Доступность сохранена.")).to_be_visible()
    shot("availability")
    assert_accessible("on the availability page")

    # 2. «Калужский край» requests a hall for that day; the hall is suggested and both sides are told.
    page.context.clear_cookies()
    login(rita)
    page.goto("/resources/requests/new/")
    page.get_by_label("Организация").select_option(label=other_ngo.display_name)
    page.get_by_label("Категория").select_option(label="помещение")
    page.get_by_label("Что нужно").fill(NEED)
    page.get_by_label("Для чего").fill(
        "Семинар по проектной деятельности для 30 школьников, нужен зал с проектором."
    )
    page.get_by_label("Где").select_option(label=municipality)
    page.get_by_label("Нужно с").fill(day.isoformat())
    page.get_by_role("button", name="Опубликовать запрос").click()
    page.wait_for_url(re.compile(r"/resources/requests/\d+/$"))
    suggestions = page.locator(
        "section", has=page.get_by_role("heading", name="Подходящие предложения")
    )
    expect(suggestions.get_by_role("link", name=HALL)).to_be_visible()
    shot("request-with-suggestions")
    assert_accessible("on the request with suggestions")
    assert Match.objects.get().notified_at is not None
    _inbox_has(page, "есть подходящее предложение")

    # 3. Rita books a slot from the suggestion.
    page.go_back()
    suggestions.get_by_role("link", name="Забронировать").click()
    expect(page.get_by_label("Дата")).to_have_value(day.isoformat())
    page.locator("#id_start_time").fill("10:00")
    page.locator("#id_end_time").fill("12:00")
    page.get_by_label("Сообщение владельцу").fill("Придём с проектором, нужен только экран.")
    shot("booking-form")
    page.get_by_role("button", name="Отправить бронирование").click()
    page.wait_for_url(re.compile(r"/resources/bookings/\d+/$"))
    expect(page.get_by_text("Бронирование отправлено владельцу на подтверждение.")).to_be_visible()
    expect(page.get_by_text("ожидает подтверждения").first).to_be_visible()
    booking_url = page.url

    # A second booking of the same time is refused with a clear message.
    booking = Booking.objects.get()
    page.goto(f"/resources/offers/{booking.offer_id}/book/?date={day.isoformat()}")
    page.locator("#id_start_time").fill("11:00")
    page.locator("#id_end_time").fill("13:00")
    page.get_by_role("button", name="Отправить бронирование").click()
    expect(page.get_by_text("Это время уже занято. Выберите другое.")).to_be_visible()
    shot("slot-taken")

    # 4. The hall's owner is told, sees the calendar and confirms.
    page.context.clear_cookies()
    login(owner)
    _inbox_has(page, "просит забронировать")
    _inbox_has(page, "подходит к запросу")
    page.goto(f"/resources/offers/{booking.offer_id}/calendar/?week={day.isoformat()}")
    expect(page.get_by_text("10:00–12:00")).to_be_visible()
    shot("calendar")
    assert_accessible("on the calendar")
    page.goto(booking_url)
    page.get_by_label("Комментарий для заявителя").fill("Ключ на вахте.")
    page.get_by_role("button", name="Подтвердить").click()
    expect(page.get_by_text("Бронирование подтверждено.")).to_be_visible()
    shot("confirmed")

    # 5. Rita is told; after the slot she leaves a review, and the owner is told of it.
    page.context.clear_cookies()
    login(rita)
    _inbox_has(page, "подтверждено")
    past = timezone.now() - dt.timedelta(days=1)
    Booking.objects.filter(pk=booking.pk).update(
        starts_at=past - dt.timedelta(hours=2), ends_at=past
    )  # the slot passes
    page.goto(booking_url)
    page.get_by_label("Оценка").select_option("5")
    page.get_by_label("Отзыв").fill("Прекрасный зал, всё было готово к нашему приходу.")
    page.get_by_role("button", name="Оставить отзыв").click()
    expect(page.get_by_text("Спасибо за отзыв!")).to_be_visible()
    shot("reviewed")
    assert_accessible("on the reviewed booking")
    assert Review.objects.get().rating == 5
    assert Notification.objects.filter(recipient=owner, kind="resources.review.created").exists()

    # The cabinet lists it all.
    page.goto("/resources/my/?tab=bookings")
    expect(page.get_by_role("link", name=HALL)).to_be_visible()
    assert not [error for error in page.console_errors if "Content Security Policy" in error]
