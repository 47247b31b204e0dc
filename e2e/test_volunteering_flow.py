"""Volunteering in a real browser, on a phone and on a desktop: a volunteer finds a call and responds,
the organisation's owner accepts, after the date records the hours and confirms them, the volunteer
makes the record public and their volunteer page shows the confirmed hours. Every page fits 390 px."""

import datetime as dt
import re
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from nkohub.volunteering.models import VolunteerCall, VolunteerResponse
from nkohub.volunteering.tests.factories import VolunteerCallFactory, skill

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def _fits(page: Any, size: dict[str, int]) -> None:
    page.wait_for_load_state("load")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= size["width"], f"{page.url} is {width}px wide on a {size['width']}px screen"


def _switch(page: Any, login: Any, person: Any) -> None:
    page.context.clear_cookies()
    login(person)


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_respond_accept_record_confirm_and_show_the_hours(
    page: Any,
    shot: Any,
    login: Any,
    owner: Any,
    outsider: Any,
    ngo: Any,
    assert_accessible: Any,
    size: dict[str, int],
) -> None:
    outsider.full_name = "Чарльз Петров"
    outsider.save()
    call = VolunteerCallFactory.create(
        organization=ngo, created_by=owner, title="Доставка продуктовых наборов пожилым людям"
    )
    call.skills.set([skill("driving")])
    page.set_viewport_size(size)
    login(outsider)

    page.goto("/volunteers/")
    _fits(page, size)
    shot("list")
    page.get_by_role("link", name=call.title).click()
    expect(page.get_by_role("heading", name=call.title, level=1)).to_be_visible()
    page.get_by_label("Сообщение организации").fill("Есть машина, свободен в субботу.")
    page.get_by_role("button", name="Откликнуться").click()
    expect(page.get_by_text("Отклик отправлен.")).to_be_visible()
    expect(page.get_by_text("ждёт решения")).to_be_visible()
    _fits(page, size)
    assert_accessible("after responding")
    shot("responded")

    _switch(page, login, owner)
    page.goto(f"/volunteers/{call.pk}/")
    item = page.locator(".review-list li", has_text="Чарльз Петров")
    expect(item.get_by_text("Есть машина, свободен в субботу.")).to_be_visible()
    item.get_by_role("button", name="Принять").click()
    expect(page.get_by_text("Чарльз Петров — принят(а).")).to_be_visible()
    _fits(page, size)
    shot("accepted")

    # the day of the call passes
    VolunteerCall.objects.filter(pk=call.pk).update(
        starts_at=timezone.now() - dt.timedelta(days=1, hours=4),
        ends_at=timezone.now() - dt.timedelta(days=1),
    )
    page.reload()
    item = page.locator(".review-list li", has_text="Чарльз Петров")
    item.get_by_label("Часы").fill("4.5")
    item.get_by_role("button", name="Записать часы").click()
    expect(page.get_by_text("Часы записаны.")).to_be_visible()
    page.locator(".review-list li", has_text="Чарльз Петров").get_by_role(
        "button", name="Подтвердить часы"
    ).click()
    expect(page.get_by_text("Часы подтверждены, волонтёру сообщено.")).to_be_visible()
    _fits(page, size)
    assert_accessible("after confirming the hours")
    shot("confirmed")
    assert VolunteerResponse.objects.get(call=call, user=outsider).hours_status == "confirmed"

    _switch(page, login, outsider)
    page.goto("/volunteers/my/")
    expect(page.get_by_text("Подтверждено часов: 4,5")).to_be_visible()
    page.get_by_label("Показывать мою волонтёрскую книжку на моей публичной странице").check()
    page.get_by_role("button", name="Сохранить").click()
    expect(page.get_by_text("Сохранено.")).to_be_visible()
    page.get_by_role("link", name="ваша страница волонтёра").click()
    page.wait_for_url(re.compile(rf"/volunteers/people/{outsider.pk}/"))
    expect(page.get_by_text("Подтверждённых волонтёрских часов: 4,5")).to_be_visible()
    expect(page.get_by_text("4,5 ч в 1 призыве")).to_be_visible()
    _fits(page, size)
    shot("record")

    # a guest sees it too, now that it is public
    page.context.clear_cookies()
    page.goto(f"/volunteers/people/{outsider.pk}/")
    expect(page.get_by_role("link", name="АНО «Добрые соседи»")).to_be_visible()


def test_every_volunteering_page_of_the_demo_fits_a_phone(
    page: Any, transactional_db: Any, login: Any
) -> None:
    from django.core.management import call_command

    from nkohub.accounts.models import User
    from nkohub.volunteering.models import Coalition, Internship

    call_command("load_demo", "--quiet-logins")
    page.set_viewport_size(PHONE)
    call = VolunteerCall.objects.filter(responses__isnull=False).order_by("pk").first()
    assert call is not None
    member = User.objects.get(email="member@demo.nko-cluster.ru")
    paths = [
        "/volunteers/",
        "/volunteers/?q=подарки",
        call.get_absolute_url(),
        "/volunteers/coalitions/",
        Coalition.objects.get().get_absolute_url(),
        "/volunteers/internships/",
        Internship.objects.order_by("pk").first().get_absolute_url(),  # type: ignore[union-attr]
        f"/volunteers/people/{member.pk}/",
    ]
    for path in paths:
        page.goto(path)
        _fits(page, PHONE)
    owner = User.objects.get(email="owner@demo.nko-cluster.ru")
    owner.set_password("demo-pass-1234")
    owner.save()
    login(owner, "demo-pass-1234")
    for path in ["/volunteers/my/", call.get_absolute_url(), "/volunteers/new/"]:
        page.goto(path)
        _fits(page, PHONE)
