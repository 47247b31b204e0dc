"""The fair of social projects in a real browser: an NGO editor creates a project and submits it to the
fair, the operator accepts it, a sponsor pledges money for the business, the NGO accepts the pledge,
records what it received, and the coverage bar moves — with a notification at each step."""

import datetime
import re
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from nkohub.notifications.models import Notification
from nkohub.organizations.models import Membership, Organization
from nkohub.organizations.tests.factories import MembershipFactory, OrganizationFactory
from nkohub.projects.models import FairEntry, FairSeason, Partnership, Pledge, Project

TITLE = "Тёплый дом: помощь одиноким пожилым людям"


@pytest.fixture
def season(db: Any) -> FairSeason:
    today = timezone.localdate()
    return FairSeason.objects.create(
        title="Ярмарка социальных проектов 2026",
        slug="fair-2026",
        submissions_open_on=today.replace(day=1),
        submissions_close_on=today + datetime.timedelta(days=20),
        starts_on=today,
        ends_on=today + datetime.timedelta(days=30),
    )


@pytest.fixture
def sponsor(db: Any) -> Any:
    business = OrganizationFactory(
        kind=Organization.Kind.BUSINESS,
        full_name="ООО «Калужская строительная компания»",
        short_name="ООО «КСК»",
    )
    return MembershipFactory(
        organization=business, role=Membership.Role.OWNER, user__email="sam@example.org"
    ).user


def test_a_project_goes_from_the_ngo_to_the_fair_and_gets_a_sponsor(
    page: Any,
    shot: Any,
    login: Any,
    editor: Any,
    operator: Any,
    sponsor: Any,
    season: FairSeason,
    assert_accessible: Any,
) -> None:
    # The NGO's editor creates the project.
    login(editor)
    page.goto("/fair/my/")
    page.get_by_role("link", name="Новый проект").first.click()
    page.wait_for_url(re.compile(r"/fair/projects/new/"))
    page.get_by_label("Название проекта").fill(TITLE)
    page.get_by_label("Краткое описание").fill(
        "Волонтёры навещают одиноких пожилых людей и привозят продукты."
    )
    page.get_by_label("Цель").fill("Поддержать 120 пожилых людей за год.")
    page.get_by_label("Задачи").fill("Набрать волонтёров\nОрганизовать визиты")
    page.get_by_label("Вся область").check()
    page.get_by_label("Общий бюджет, ₽").fill("450 000")
    page.get_by_label("Собственный вклад, ₽").fill("50 000")
    page.get_by_label("Софинансирование, ₽").fill("100 000")
    shot("project-form")
    assert_accessible("on the project form")
    page.get_by_role("button", name="Создать проект").click()
    expect(page.get_by_text("Проект создан. Теперь опишите, что ему нужно.")).to_be_visible()

    # It needs money.
    page.get_by_label("Вид потребности").select_option(label="деньги")
    page.get_by_label("Что нужно").fill("Продуктовые наборы")
    page.get_by_label("Сколько").fill("300 000")
    page.get_by_role("button", name="Добавить потребность").click()
    expect(page.get_by_text("Потребность добавлена.")).to_be_visible()
    assert_accessible("on the needs, results and team page")
    page.get_by_role("link", name="Вернуться к проекту").click()

    # Submitted to the fair.
    page.get_by_label("Сезон ярмарки").select_option(label=season.title)
    page.get_by_role("button", name="Подать на ярмарку").click()
    expect(
        page.get_by_text("Проект подан на ярмарку. Ресурсный центр рассмотрит его.")
    ).to_be_visible()
    shot("submitted")
    project = Project.objects.get(title=TITLE)
    project_url = page.url
    assert Notification.objects.filter(recipient=operator, kind="projects.fair.submitted").exists()

    # The operator accepts it.
    page.context.clear_cookies()
    login(operator)
    page.goto("/fair/moderation/")
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()
    assert_accessible("on the moderation page")
    page.get_by_role("button", name="Принять").click()
    expect(page.get_by_text("Проект принят на ярмарку.")).to_be_visible()
    assert FairEntry.objects.get(project=project).status == FairEntry.Status.ACCEPTED
    assert Notification.objects.filter(recipient=editor, kind="projects.fair.accepted").exists()

    # A guest finds it at the fair by need.
    page.context.clear_cookies()
    page.goto("/fair/")
    page.get_by_label("Потребности", exact=True).select_option(label="деньги")
    page.get_by_role("button", name="Показать").click()
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()
    shot("fair")
    assert_accessible("on the fair")

    # The sponsor pledges 120 000 ₽ for the business.
    login(sponsor)
    page.goto(project_url)
    page.get_by_role("link", name="Предложить поддержку").click()
    page.get_by_label("От чьего имени").select_option(label="ООО «КСК»")
    page.get_by_label("Вид поддержки").select_option(label="деньги")
    page.get_by_label("Какую потребность закрывает").select_option(
        label="деньги: Продуктовые наборы"
    )
    page.get_by_label("Сумма или количество").fill("120 000")
    page.get_by_label("Условия").fill("Отчёт о расходах раз в квартал")
    shot("pledge-form")
    assert_accessible("on the pledge form")
    page.get_by_role("button", name="Отправить предложение").click()
    expect(
        page.get_by_text("Спасибо! Команда проекта ответит на ваше предложение.")
    ).to_be_visible()
    pledge = Pledge.objects.get(project=project)
    assert pledge.amount == Decimal("120000.00")
    assert Notification.objects.filter(recipient=editor, kind="projects.pledge.created").exists()

    # The NGO accepts it: the pledged bar shows 40 %.
    page.context.clear_cookies()
    login(editor)
    page.goto(project_url)
    expect(page.locator("meter[id^=pledged-]")).to_have_attribute("value", "0")
    page.get_by_role("button", name="Принять").click()
    expect(page.get_by_text("Предложение принято: у проекта новый партнёр.")).to_be_visible()
    expect(page.locator("meter[id^=pledged-]")).to_have_attribute("value", "40")
    expect(page.locator("progress[id^=received-]")).to_have_attribute("value", "0")
    assert Notification.objects.filter(recipient=sponsor, kind="projects.pledge.accepted").exists()

    # The NGO records 80 000 ₽ received: the received bar moves.
    page.get_by_text("Отметить получение").click()
    page.get_by_label("Получено (сумма или количество)").fill("80 000")
    assert_accessible("with the fulfilment form open")
    page.get_by_role("button", name="Отметить", exact=True).click()
    expect(page.get_by_text("Получение отмечено.")).to_be_visible()
    expect(page.locator("progress[id^=received-]")).to_have_attribute("value", "26")
    expect(
        page.get_by_text("обещано 120 000,00 ₽ из 300 000,00 ₽, получено 80 000,00 ₽")
    ).to_be_visible()
    shot("coverage-moved")
    assert Partnership.objects.get(pledge=pledge).fulfilments.get().amount == Decimal("80000.00")
    assert Notification.objects.filter(
        recipient=sponsor, kind="projects.fulfilment.recorded"
    ).exists()
    assert not [error for error in page.console_errors if "Content Security Policy" in error]
