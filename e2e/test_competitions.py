"""A call run on the platform, in a real browser on a desktop and on a phone: the ministry's editor
publishes the call (it shows on the competitions calendar), the NGO submits its application from
the builder, two experts score it (the first declares a conflict of interest and is replaced), the
desk ranks it, the funder approves it, the winner files its interim report and the funder accepts
it; the results page and its open data show the winner. Every page visited fits the screen."""

import datetime
import json
import re
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from nkohub.competitions import services
from nkohub.competitions.models import Call, Report, Submission
from nkohub.consultations.tests.factories import ExpertFactory
from nkohub.grants import services as grants_services
from nkohub.grants.tests.conftest import clean_document, fund_direction
from nkohub.territories.tests.factories import MunicipalityFactory

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
TITLE = "Субсидии СО НКО Калужской области 2027"


def _fits(page: Any, size: dict[str, int]) -> None:
    page.wait_for_load_state("load")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= size["width"], f"{page.url} is {width}px wide on a {size['width']}px screen"


def _switch(page: Any, login: Any, user: Any) -> None:
    page.context.clear_cookies()
    login(user)


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_a_call_from_publication_to_the_accepted_report(
    page: Any,
    shot: Any,
    login: Any,
    official: Any,
    authority: Any,
    owner: Any,
    ngo: Any,
    assert_accessible: Any,
    size: dict[str, int],
) -> None:
    page.set_viewport_size(size)
    social = fund_direction(
        "social-support", "Социальное обслуживание, социальная поддержка и защита граждан", 1
    )
    kaluga = MunicipalityFactory.create(name="Калуга")
    experts = [
        ExpertFactory.create(user__email=f"expert{n}@example.org", user__full_name=name).user
        for n, name in enumerate(("Пётр Конфликтов", "Анна Оценщикова", "Борис Третьяков"))
    ]
    today = timezone.localdate()
    call = services.call_save(
        actor=official,
        call=Call(
            organization=authority,
            title=TITLE,
            applications_open_on=today - datetime.timedelta(days=3),
            applications_close_on=today + datetime.timedelta(days=20),
            implementation_starts_from=datetime.date(2027, 1, 1),
            implementation_ends_by=datetime.date(2028, 12, 31),
            min_amount=Decimal("100000"),
            max_amount=Decimal("3000000"),
            cofinancing_min_percent=Decimal("10"),
        ),
        directions=[social],
    )
    services.call_use_fund_criteria(actor=official, call=call)

    # The funder publishes the call: it is on the calendar.
    login(official)
    page.goto(f"/competitions/{call.pk}/")
    page.get_by_role("button", name="Опубликовать конкурс").click()
    expect(
        page.get_by_text("Конкурс опубликован и появился в календаре конкурсов.")
    ).to_be_visible()
    shot("call-published")
    assert_accessible("on the published call")
    _fits(page, size)
    call.refresh_from_db()
    page.goto(f"/grants/competitions/{call.competition_id}/")
    expect(page.get_by_role("link", name=re.compile("Конкурс на платформе"))).to_be_visible()

    # The NGO has its application in the builder and submits it from there.
    ngo.website = "https://dobrye-sosedi.example.org"
    ngo.save()
    assert call.competition is not None
    application = grants_services.application_start(
        actor=owner, organization=ngo, competition=call.competition
    )
    grants_services.application_save(
        actor=owner,
        application=application,
        document=clean_document(kaluga, social.pk),
        base_version=application.version,
    )
    _switch(page, login, owner)
    page.goto(f"/grants/applications/{application.pk}/")
    page.get_by_role("link", name="Подать заявку").click()
    page.get_by_label(re.compile("Подтверждаю")).check()
    shot("submit")
    _fits(page, size)
    page.get_by_role("button", name="Подать").click()
    expect(page.get_by_text("Заявка подана: №1.")).to_be_visible()
    assert_accessible("on the submitted application")
    submission = Submission.objects.get()

    # The funder assigns two experts; the first declares a conflict and is replaced.
    _switch(page, login, official)
    page.goto(f"/competitions/submissions/{submission.pk}/")
    for expert in experts[:2]:
        shot("assign")
        page.get_by_label("Эксперт", exact=True).select_option(label=str(expert))
        page.get_by_role("button", name="Назначить").click()
        expect(page.get_by_text("Эксперт назначен и уведомлён.")).to_be_visible()
    _switch(page, login, experts[0])
    page.goto("/competitions/reviews/")
    page.get_by_role("link", name=re.compile(submission.title[:20])).click()
    page.get_by_label("Да: у меня есть конфликт интересов").check()
    page.get_by_label("В чём состоит конфликт").fill("Я член правления заявителя.")
    page.get_by_role("button", name="Заявить").click()
    expect(page.get_by_text("Спасибо: грантодатель назначит другого эксперта.")).to_be_visible()
    assert page.goto(f"/competitions/submissions/{submission.pk}/").status == 404
    _switch(page, login, official)
    page.goto(f"/competitions/submissions/{submission.pk}/")
    expect(page.get_by_text("Пётр Конфликтов")).to_be_visible()
    page.get_by_label("или пригласите зарегистрированного пользователя по электронной почте").fill(
        experts[2].email
    )
    page.get_by_role("button", name="Назначить").click()
    expect(page.get_by_text("Эксперт назначен и уведомлён.")).to_be_visible()

    # Two experts score every criterion.
    for expert, score in ((experts[1], "8"), (experts[2], "7")):
        _switch(page, login, expert)
        page.goto("/competitions/reviews/")
        page.get_by_role("link", name=re.compile(submission.title[:20])).click()
        page.get_by_label("Нет: я не заинтересован в результате").check()
        page.get_by_role("button", name="Заявить").click()
        for field in page.get_by_role("spinbutton").all():
            field.fill(score)
        page.get_by_label("Заключение").fill("Проект реалистичен, бюджет обоснован.")
        shot(f"review-{score}")
        _fits(page, size)
        page.get_by_role("button", name="Завершить экспертизу").click()
        expect(page.get_by_text("Экспертиза завершена.")).to_be_visible()
        assert_accessible("after the review")

    # Applications close; the desk ranks the submission and the funder approves it.
    Call.objects.filter(pk=call.pk).update(
        applications_open_on=today - datetime.timedelta(days=30),
        applications_close_on=today - datetime.timedelta(days=1),
    )
    _switch(page, login, official)
    page.goto(f"/competitions/desk/?call={call.pk}&sort=-score")
    expect(page.get_by_role("link", name=submission.title)).to_be_visible()
    expect(page.get_by_text("75,0")).to_be_visible()
    shot("desk")
    assert_accessible("on the desk")
    _fits(page, size)
    page.get_by_role("link", name=submission.title).click()
    page.get_by_label("Поддержать").check()
    page.get_by_label("Размер гранта, ₽").fill("1400000")
    page.get_by_role("button", name="Записать решение").click()
    expect(page.get_by_text("Решение записано, заявитель уведомлён.")).to_be_visible()
    page.goto(f"/competitions/{call.pk}/")
    page.get_by_role("button", name="Опубликовать итоги").click()
    expect(page.get_by_text("Итоги опубликованы.")).to_be_visible()

    # The winner files the interim report; the funder accepts it.
    report = Report.objects.get(kind=Report.Kind.INTERIM)
    _switch(page, login, owner)
    page.goto(f"/competitions/submissions/{submission.pk}/")
    page.get_by_role("link", name="промежуточный отчёт").click()
    page.get_by_label("Что сделано за период").fill(
        "Набрали 60 волонтёров, провели 12 встреч клуба."
    )
    page.get_by_label("Подтверждающие документы").set_input_files(
        files=[{"name": "акт.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4 demo"}]
    )
    shot("report")
    _fits(page, size)
    page.get_by_role("button", name="Отправить отчёт").click()
    expect(page.get_by_text("Отчёт отправлен грантодателю.")).to_be_visible()
    _switch(page, login, official)
    page.goto(f"/competitions/reports/{report.pk}/")
    expect(page.get_by_role("link", name="акт.pdf")).to_be_visible()
    page.get_by_label("Принять отчёт").check()
    page.get_by_role("button", name="Записать").click()
    expect(
        page.get_by_text("Решение по отчёту записано, грантополучатель уведомлён.")
    ).to_be_visible()
    report.refresh_from_db()
    assert report.status == Report.Status.ACCEPTED

    # Anyone reads the results and their open data.
    page.context.clear_cookies()
    page.goto(f"/competitions/{call.pk}/results/")
    expect(page.get_by_role("cell", name=submission.title)).to_be_visible()
    expect(page.get_by_text("1 400 000,00").first).to_be_visible()
    shot("results")
    assert_accessible("on the results")
    _fits(page, size)
    data = json.loads(page.goto(f"/competitions/{call.pk}/results.json").text())
    assert data["winners"][0]["title"] == submission.title
    assert data["total_awarded"] == "1400000.00"
