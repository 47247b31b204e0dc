"""Learning in a real browser, on a phone and on a desktop: a member enrols in a course, goes through
its lessons, fails the quiz, passes it, downloads the certificate and checks its code on the public
page; an operator builds a course and publishes it. Every page visited fits a 390 px screen."""

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from nkohub.learning.models import Certificate, Course, Enrolment
from nkohub.learning.tests.factories import CourseFactory, LessonFactory, ModuleFactory, quiz_lesson

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def _course() -> Course:
    course = CourseFactory.create(title="Как подать заявку на президентский грант", slug="pfg")
    first = ModuleFactory.create(course=course, title="Идея и команда", position=1)
    LessonFactory.create(module=first, title="С чего начать", position=1)
    LessonFactory.create(module=first, title="Команда проекта", position=2)
    quiz_lesson(ModuleFactory.create(course=course, title="Заявка", position=2))
    return course


def _fits(page: Any, size: dict[str, int]) -> None:
    page.wait_for_load_state("load")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= size["width"], f"{page.url} is {width}px wide on a {size['width']}px screen"


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_enrol_learn_fail_then_pass_download_and_verify(
    page: Any, shot: Any, login: Any, outsider: Any, assert_accessible: Any, size: dict[str, int]
) -> None:
    outsider.full_name = "Чарльз Петров"
    outsider.save()
    course = _course()
    page.set_viewport_size(size)
    login(outsider)

    page.goto("/learning/")
    page.get_by_role("link", name=course.title).click()
    expect(page.get_by_role("heading", name=course.title, level=1)).to_be_visible()
    _fits(page, size)
    shot("course")
    page.get_by_role("button", name="Записаться").click()
    expect(page.get_by_text("Вы записаны. Начните с первого урока.")).to_be_visible()
    page.get_by_role("link", name="Начать: С чего начать").click()
    expect(page.get_by_role("heading", name="С чего начать")).to_be_visible()
    _fits(page, size)
    assert_accessible("on a lesson")
    page.get_by_role("button", name="Отметить как пройденный и перейти дальше").click()
    expect(page.get_by_role("heading", name="Команда проекта")).to_be_visible()

    # leave and come back: the course page continues where the learner stopped
    page.goto(f"/learning/{course.slug}/")
    page.get_by_role("link", name="Продолжить: Команда проекта").click()
    page.get_by_role("button", name="Отметить как пройденный и перейти дальше").click()
    expect(page.get_by_role("heading", name="Проверьте себя")).to_be_visible()

    # the quiz: wrong first
    page.get_by_label("Министерство юстиции").check()
    page.get_by_label("Фотография директора").check()
    page.get_by_label("Сколько грантовых направлений у Фонда?").fill("семь")
    page.get_by_role("button", name="Проверить ответы").click()
    expect(page.get_by_text("Пока не сдан: 0% верно, нужно 60%.")).to_be_visible()
    expect(page.get_by_text("Оператор конкурсов — Фонд президентских грантов.")).to_be_visible()
    _fits(page, size)
    shot("quiz-failed")
    assert_accessible("after a failed attempt")
    # then right
    page.get_by_label("Фонд президентских грантов", exact=True).check()
    page.get_by_label("Бюджет").check()
    page.get_by_label("Календарный план").check()
    page.get_by_label("Сколько грантовых направлений у Фонда?").fill("Тринадцать")
    page.get_by_role("button", name="Проверить ответы").click()
    expect(page.get_by_text("Тест сдан: 100% верно (нужно 60%).")).to_be_visible()
    shot("quiz-passed")

    page.goto(f"/learning/{course.slug}/")
    with page.expect_download() as download:
        page.get_by_role("link", name="Скачать сертификат (PDF)").click()
    assert download.value.path().read_bytes().startswith(b"%PDF")
    code = Certificate.objects.get(enrolment__user=outsider).code

    # anyone can check the code, typed the way people type it
    page.context.clear_cookies()
    page.goto("/learning/certificates/")
    page.get_by_label("Код проверки").fill(code.replace("-", " ").lower())
    page.get_by_role("button", name="Проверить").click()
    expect(page.get_by_text("Сертификат подлинный.")).to_be_visible()
    expect(page.get_by_text("Чарльз Петров")).to_be_visible()
    _fits(page, size)
    shot("verified")
    page.goto("/learning/certificates/ZZZZ-ZZZZ-ZZZZ/")
    expect(page.get_by_text("Сертификата с таким кодом нет.", exact=False)).to_be_visible()


def test_an_operator_builds_and_publishes_a_course(
    page: Any, shot: Any, login: Any, operator: Any
) -> None:
    from django.core.management import call_command

    call_command(
        "load_reference", verbosity=0
    )  # the topics (an earlier test may have flushed them)
    page.set_viewport_size(PHONE)
    login(operator)
    page.goto("/learning/")
    page.get_by_role("link", name="Новый курс").click()
    page.get_by_label("Название").fill("Фандрайзинг для небольших НКО")
    page.get_by_label("Адрес").fill("fundraising-basics")
    page.get_by_label("Тема").select_option(label="Фандрайзинг, в том числе частные пожертвования")
    page.get_by_label("В одном предложении").fill("Как найти первых частных жертвователей.")
    page.get_by_label("Для кого").fill("Руководители НКО")
    page.get_by_label("Часов").fill("3")
    page.get_by_role("button", name="Сохранить").click()
    expect(page.get_by_text("Курс создан как черновик.")).to_be_visible()
    page.get_by_label("Название").fill("Первые жертвователи")
    page.get_by_role("button", name="Добавить модуль").click()
    page.get_by_role("link", name="Добавить урок").click()
    page.get_by_label("Название").fill("Кто жертвует НКО")
    page.get_by_label("Текст (Markdown)").fill(
        "Частные жертвователи — **соседи, коллеги, друзья**."
    )
    page.get_by_role("button", name="Добавить урок").click()
    expect(page.get_by_text("Урок добавлен.")).to_be_visible()
    _fits(page, PHONE)
    shot("manage")
    page.get_by_role("button", name="Опубликовать").click()
    expect(page.get_by_text("Курс опубликован.")).to_be_visible()
    page.context.clear_cookies()
    page.goto("/learning/")
    expect(page.get_by_role("link", name="Фандрайзинг для небольших НКО")).to_be_visible()
    page.get_by_role("link", name="Фандрайзинг для небольших НКО").click()
    expect(page.get_by_text("Кто жертвует НКО")).to_be_visible()
    assert re.search(r"/learning/fundraising-basics/$", page.url)


def test_the_demo_courses_pages_fit_a_phone(page: Any, login: Any, transactional_db: Any) -> None:
    from django.conf import settings
    from django.core.management import call_command

    from nkohub.accounts.models import User
    from nkohub.learning.models import Lesson
    from nkohub.organizations.models import Membership

    call_command("load_reference", verbosity=0)
    call_command("load_demo", "--quiet-logins", verbosity=0)
    page.set_viewport_size(PHONE)
    certificate = Certificate.objects.get()
    paths = ["/learning/", "/learning/certificates/", certificate.get_absolute_url()]
    paths += [course.get_absolute_url() for course in Course.objects.all()]
    problems = {}

    def check(paths: list[str]) -> None:
        for path in paths:
            response = page.goto(path)
            assert response is not None
            assert response.ok, f"{path} answered {response.status}"
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > PHONE["width"]:
                problems[path] = width

    check(paths)
    member = User.objects.get(email="member@demo.nko-cluster.ru")
    login(member, password=settings.DEMO_PASSWORD)
    lessons = Lesson.objects.filter(module__course__slug="nko-media").order_by("module__position")
    check(["/learning/my/"] + [f"/learning/nko-media/lessons/{lesson.pk}/" for lesson in lessons])
    owner = User.objects.get(email="owner@demo.nko-cluster.ru")
    ngo = Membership.objects.get(user=owner, role=Membership.Role.OWNER).organization
    page.context.clear_cookies()
    login(owner, password=settings.DEMO_PASSWORD)
    check([f"/learning/staff/{ngo.pk}/"])
    sharing = Enrolment.objects.get(shares_progress=True).user
    expect(page.get_by_role("cell", name=sharing.display_name)).to_be_visible()
    assert not problems, f"pages wider than the phone: {problems}"
