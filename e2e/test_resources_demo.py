"""The demo data of the resource bank works for the two demo NGOs: «Калужский край» books the hall of «Добрые
соседи» for its demo request, and «Добрые соседи» confirm it."""

import datetime as dt
import re
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from nkohub.organizations.models import Membership
from nkohub.resources.models import Booking, ResourceOffer, ResourceRequest


def _demo_owner(short_name: str) -> Any:
    return Membership.objects.get(
        organization__short_name=short_name, role=Membership.Role.OWNER
    ).user


def test_demo_ngos_book_and_confirm_through_the_demo_request(
    page: Any, shot: Any, login: Any
) -> None:
    call_command("load_reference", verbosity=0)
    call_command("load_demo", verbosity=0)
    ngo_owner, ngo2_owner = _demo_owner("АНО «Добрые соседи»"), _demo_owner("Фонд «Калужский край»")
    need = ResourceRequest.objects.get(title="Ищем зал для семинара для школьников")

    login(ngo2_owner, settings.DEMO_PASSWORD)
    page.goto("/resources/my/?tab=bookings")
    expect(
        page.get_by_role("link", name="Переговорная комната в офисе на 12 человек")
    ).to_be_visible()
    page.goto(need.get_absolute_url())
    suggestions = page.locator(
        "section", has=page.get_by_role("heading", name="Подходящие предложения")
    )
    hall = suggestions.get_by_role("listitem").filter(has_text="Зал для мероприятий на 40 человек")
    expect(hall).to_be_visible()
    shot("demo-request")
    hall.get_by_role("link", name="Забронировать").click()
    page.locator("#id_start_time").fill("14:00")
    page.locator("#id_end_time").fill("16:00")
    page.get_by_role("button", name="Отправить бронирование").click()
    if page.get_by_text("В это время ресурс недоступен").count():
        # The request's first day may fall on a weekend, when the hall is closed: take the next weekday.
        hall_offer = ResourceOffer.objects.get(title="Зал для мероприятий на 40 человек")
        next_week = timezone.localdate() + dt.timedelta(days=7)
        page.goto(f"/resources/offers/{hall_offer.pk}/calendar/?week={next_week.isoformat()}")
        page.get_by_role("link", name="Забронировать на этот день").first.click()
        page.locator("#id_start_time").fill("14:00")
        page.locator("#id_end_time").fill("16:00")
        page.get_by_role("button", name="Отправить бронирование").click()
    page.wait_for_url(re.compile(r"/resources/bookings/\d+/$"))
    booking_url = page.url
    shot("demo-booked")

    page.context.clear_cookies()
    login(ngo_owner, settings.DEMO_PASSWORD)
    page.goto("/notifications/")
    expect(page.get_by_text("просит забронировать").first).to_be_visible()
    page.goto(booking_url)
    page.get_by_role("button", name="Подтвердить").click()
    expect(page.get_by_text("Бронирование подтверждено.")).to_be_visible()
    shot("demo-confirmed")
    assert (
        Booking.objects.get(pk=int(booking_url.rstrip("/").rsplit("/", 1)[1])).status
        == Booking.Status.CONFIRMED
    )
