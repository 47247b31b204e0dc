"""The grants builder in a real browser: an NGO editor finds an open competition in the calendar,
starts an application from the organisation's project, completes the budget and calendar plan,
runs the checker, fixes what it found (budget, plan, team, co-financing sources) and downloads the application as DOCX and PDF."""

import datetime
import io
import re
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone
from docx import Document
from playwright.sync_api import expect

from nkohub.grants.models import Application, Competition, Funder
from nkohub.organizations.models import Organization, Sphere
from nkohub.projects.models import Project, ProjectTask
from nkohub.territories.tests.factories import MunicipalityFactory

GOAL = "Снизить социальную изоляцию одиноких пожилых жителей Калуги через помощь волонтёров."


@pytest.fixture
def competition(db: Any) -> Competition:
    social, _ = Sphere.objects.update_or_create(
        code="social-support",
        defaults={
            "name": "Социальное обслуживание, социальная поддержка и защита граждан",
            "is_fund_direction": True,
            "position": 1,
        },
    )
    funder = Funder.objects.create(
        code="pfg", name="Фонд президентских грантов", short_name="ФПГ", kind="federal_fund"
    )
    today = timezone.localdate()
    competition = Competition.objects.create(
        funder=funder,
        title="Первый конкурс 2027 года",
        applications_open_on=today - datetime.timedelta(days=20),
        applications_close_on=today + datetime.timedelta(days=8),
        implementation_starts_from=datetime.date(2027, 3, 1),
        implementation_ends_by=datetime.date(2028, 6, 30),
        min_amount=Decimal("500000"),
        max_amount=Decimal("10000000"),
        cofinancing_min_percent=Decimal("10"),
    )
    competition.directions.set([social])
    return competition


@pytest.fixture
def project(ngo: Organization) -> Project:
    kaluga = MunicipalityFactory.create(name="Калуга")
    project = Project.objects.create(
        organization=ngo,
        title="Соседи рядом",
        summary=(
            "Волонтёры еженедельно помогают одиноким пожилым жителям Калуги с продуктами и "
            "лекарствами, сопровождают к врачу; в клубе выходного дня пожилые люди вместе "
            "готовят праздники и учатся пользоваться смартфоном. Проект работает с 2024 года."
        ),
        goal=GOAL,
        social_significance=(
            "По данным министерства труда и социальной защиты Калужской области, в Калуге живёт "
            "более 70 тысяч человек старше 65 лет, и почти каждый пятый из них живёт один. "
            "Социальные службы обеспечивают надомное обслуживание, но не закрывают потребность "
            "в общении и мелкой бытовой помощи. Наш опрос весной 2026 года среди 240 пожилых "
            "жителей показал, что 58 % из них выходят из дома реже раза в неделю, а 41 % не "
            "знают, к кому обратиться за помощью. Одиночество ухудшает здоровье и повышает риск "
            "мошенничества; волонтёры из тех же микрорайонов могут помогать регулярно."
        ),
        target_groups="Одинокие пожилые люди\nВолонтёры",
        starts_on=datetime.date(2027, 3, 1),
        ends_on=datetime.date(2027, 12, 31),
        budget_total=Decimal("1100000.00"),
        cofinancing=Decimal("200000.00"),
    )
    project.municipalities.set([kaluga])
    ProjectTask.objects.create(
        project=project, position=1, text="Организовать помощь волонтёров 100 пожилым жителям."
    )
    return project


def test_a_member_builds_checks_and_exports_an_application(
    page: Any,
    shot: Any,
    login: Any,
    editor: Any,
    competition: Competition,
    project: Project,
    assert_accessible: Any,
) -> None:
    project.organization.website = "https://dobrye-sosedi.example.org"
    project.organization.save()
    login(editor)
    page.goto("/grants/")
    page.get_by_label("Когда").select_option("closing")
    expect(page.get_by_role("link", name="Первый конкурс 2027 года")).to_be_visible()
    shot("calendar-closing-soon")
    assert_accessible("on the calendar after filtering")
    page.get_by_role("link", name="Первый конкурс 2027 года").click()
    page.get_by_label("Проект, из которого начать").select_option(
        label=f"{project.organization} — Соседи рядом"
    )
    shot("competition")
    page.get_by_role("button", name="Начать заявку").click()
    page.wait_for_url(re.compile(r"/grants/applications/\d+/edit/"))
    expect(page.get_by_role("textbox", name="Название проекта", exact=True)).to_have_value(
        "Соседи рядом"
    )
    expect(page.get_by_role("textbox", name="Цель", exact=True)).to_have_value(GOAL)
    shot("builder-from-project")
    assert_accessible("on the application builder")

    # The budget does not yet add up and the task has no event: the checker must say so.
    page.get_by_label("Статья 1", exact=True).fill("Оплата труда координатора")
    page.get_by_label("Из средств гранта, ₽ 1").fill("800000")
    page.get_by_label("Софинансирование, ₽ 1").fill("200000")
    page.get_by_role("button", name="Сохранить и проверить").click()
    page.wait_for_url(re.compile(r"/check/"))
    expect(page.get_by_text("Календарный план пуст.")).to_be_visible()
    expect(page.get_by_text(re.compile("Статьи бюджета в сумме дают 800 000,00"))).to_be_visible()
    shot("checker-findings")
    assert_accessible("on the checker's findings")

    page.get_by_role("link", name="Вернуться к редактированию").click()
    page.get_by_label("Из средств гранта, ₽ 1").fill("750000")
    page.get_by_label("Статья 2", exact=True).fill("Проезд волонтёров к пожилым жителям")
    page.get_by_label("Из средств гранта, ₽ 2").fill("150000")
    page.get_by_label("№ задачи 1").fill("1")
    page.get_by_label("Мероприятие 1").fill("Визиты волонтёров к пожилым жителям")
    page.get_by_label("С 1", exact=True).fill("2027-03-01")
    page.get_by_label("По 1", exact=True).fill("2027-12-20")
    page.get_by_label("Ожидаемый результат 1").fill("100 пожилых жителей получают помощь")
    page.get_by_label("ФИО 1").fill("Смирнова Ольга Петровна")
    page.get_by_label("Роль в проекте 1").fill("руководитель проекта")
    page.get_by_label("Опыт и компетенции 1").fill(
        "директор организации с 2019 года, руководила двумя проектами помощи пожилым людям"
    )
    page.get_by_label("Софинансирование и собственный вклад").fill(
        "Собственные средства организации — 200 000 ₽ на оплату труда координатора"
    )
    page.get_by_label("Что изменено (для истории версий)").fill("Бюджет и план")
    page.get_by_role("button", name="Сохранить и проверить").click()
    page.wait_for_url(re.compile(r"/check/"))
    expect(page.get_by_text("Календарный план пуст.")).to_have_count(0)
    expect(page.get_by_text(re.compile("Статьи бюджета в сумме"))).to_have_count(0)
    shot("checker-after-fixes")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Скачать DOCX").click()
    document = Document(io.BytesIO(download_info.value.path().read_bytes()))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Соседи рядом" in text
    assert GOAL in text
    # The first PDF a process renders loads WeasyPrint's fonts: on a loaded 2-core machine that alone
    # can take longer than the default 15 s.
    with page.expect_download(timeout=60_000) as pdf_info:
        page.get_by_role("link", name="Скачать PDF").click(timeout=60_000)
    assert pdf_info.value.path().read_bytes().startswith(b"%PDF")

    application = Application.objects.get()
    assert application.version == 3
    assert application.plan_events.count() == 1
    page.goto(f"/grants/applications/{application.pk}/versions/?a=2&b=3")
    expect(page.get_by_role("heading", name="Версия 2 в сравнении с версией 3")).to_be_visible()
    shot("versions")
    assert_accessible("on the comparison of versions")
    page.goto(f"/grants/applications/{application.pk}/")
    page.get_by_role("link", name="Проверить снова").click()
    expect(page.locator("#findings")).to_contain_text("Проверка не нашла, что исправить.")
    shot("application")
    assert_accessible("on the application page after the check")
    assert page.console_errors == []
