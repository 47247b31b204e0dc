"""Authoring: operators create courses and name authors; authors build modules, lessons and quizzes;
publishing; a published course changed without anyone losing their progress."""

from typing import Any

import pytest
from django.urls import reverse

from nkohub.learning import services
from nkohub.learning.embeds import embed_address
from nkohub.learning.models import Course, Lesson, LessonProgress, Module, Question
from nkohub.learning.tests.factories import CourseFactory, topic

pytestmark = pytest.mark.django_db


def _course_data(**extra: Any) -> dict[str, Any]:
    return {
        "title": "Бухгалтерия НКО за 5 шагов",
        "slug": "nko-accounting",
        "topic": topic("accounting").pk,
        "summary": "Основы учёта и отчётности некоммерческой организации.",
        "audience": "Руководители и бухгалтеры небольших НКО",
        "format": "self_paced",
        "hours": 6,
        **extra,
    }


def test_an_operator_creates_a_draft_and_names_an_author(
    client: Any, operator: Any, member: Any
) -> None:
    client.force_login(operator)
    response = client.post(
        reverse("learning:course_create"), _course_data(author_email="mila@example.org")
    )
    course = Course.objects.get(slug="nko-accounting")
    assert response["Location"] == reverse("learning:course_manage", args=[course.slug])
    assert course.status == Course.Status.DRAFT
    assert list(course.authors.all()) == [member]


def test_a_member_cannot_create_a_course(client: Any, member: Any) -> None:
    client.force_login(member)
    response = client.post(reverse("learning:course_create"), _course_data())
    assert response.status_code == 403
    assert "Курсы создают операторы ресурсного центра." in response.content.decode()
    assert not Course.objects.filter(slug="nko-accounting").exists()


@pytest.fixture
def draft(member: Any) -> Course:
    course = CourseFactory.create(status=Course.Status.DRAFT, published_at=None, slug="draft")
    course.authors.add(member)
    return course


def test_an_author_builds_a_module_a_lesson_and_a_quiz(
    client: Any, member: Any, draft: Course
) -> None:
    client.force_login(member)
    client.post(reverse("learning:module_create", args=[draft.slug]), {"title": "Учёт"})
    module = Module.objects.get(course=draft)
    client.post(
        reverse("learning:lesson_create", args=[draft.slug, module.pk]),
        {"title": "Первичные документы", "kind": "text", "body": "Текст", "minutes": 15},
    )
    response = client.post(
        reverse("learning:lesson_create", args=[draft.slug, module.pk]),
        {"title": "Проверьте себя", "kind": "quiz", "body": "", "minutes": 5},
    )
    quiz_lesson = Lesson.objects.get(module=module, kind="quiz")
    assert response["Location"] == reverse(
        "learning:lesson_edit", args=[draft.slug, quiz_lesson.pk]
    )
    client.post(
        reverse("learning:question_create", args=[draft.slug, quiz_lesson.pk]),
        {
            "kind": "single",
            "text": "Сколько хранить первичные документы?",
            "choices_text": "*Не менее 5 лет\n1 год",
            "explanation": "Закон о бухучёте: не менее пяти лет.",
            "accepted_answers": "",
        },
    )
    question = Question.objects.get(quiz__lesson=quiz_lesson)
    assert [(c.text, c.is_correct) for c in question.choices.all()] == [
        ("Не менее 5 лет", True),
        ("1 год", False),
    ]
    client.post(reverse("learning:course_status", args=[draft.slug]), {"status": "published"})
    draft.refresh_from_db()
    assert draft.status == Course.Status.PUBLISHED


def test_a_single_choice_question_needs_exactly_one_right_answer(
    client: Any, member: Any, draft: Course
) -> None:
    module = services.module_create(actor=member, course=draft, title="М")
    lesson = services.lesson_create(actor=member, module=module, title="Тест", kind="quiz")
    client.force_login(member)
    response = client.post(
        reverse("learning:question_create", args=[draft.slug, lesson.pk]),
        {
            "kind": "single",
            "text": "?",
            "choices_text": "*да\n*нет",
            "explanation": "",
            "accepted_answers": "",
        },
    )
    assert response.status_code == 400
    assert "отмечен ровно один вариант" in response.content.decode()


def test_an_empty_course_is_not_published(client: Any, member: Any, draft: Course) -> None:
    client.force_login(member)
    client.post(reverse("learning:course_status", args=[draft.slug]), {"status": "published"})
    draft.refresh_from_db()
    assert draft.status == Course.Status.DRAFT


def test_a_quiz_without_questions_is_not_published(member: Any, draft: Course) -> None:
    module = services.module_create(actor=member, course=draft, title="М")
    services.lesson_create(actor=member, module=module, title="Тест", kind="quiz")
    with pytest.raises(Exception, match="ещё нет вопросов"):
        services.course_set_status(actor=member, course=draft, status="published")


def test_someone_who_is_not_an_author_cannot_edit(
    client: Any, outsider: Any, course: Course, lessons: list[Lesson]
) -> None:
    client.force_login(outsider)
    attempts = [
        client.post(reverse("learning:module_create", args=[course.slug]), {"title": "Чужой"}),
        client.post(reverse("learning:course_status", args=[course.slug]), {"status": "draft"}),
        client.post(
            reverse("learning:lesson_edit", args=[course.slug, lessons[0].pk]),
            {"title": "Взлом", "kind": "text", "body": "", "minutes": 1, "position": 1},
        ),
        client.post(reverse("learning:lesson_remove", args=[course.slug, lessons[0].pk])),
        client.post(
            reverse("learning:question_create", args=[course.slug, lessons[2].pk]),
            {"kind": "short", "text": "?", "accepted_answers": "да"},
        ),
        client.post(reverse("learning:cohort_create", args=[course.slug]), {}),
        client.get(reverse("learning:course_manage", args=[course.slug])),
    ]
    assert [r.status_code for r in attempts] == [403] * len(attempts)
    course.refresh_from_db()
    assert course.status == Course.Status.PUBLISHED
    assert Lesson.objects.get(pk=lessons[0].pk).title == lessons[0].title


def test_a_draft_is_hidden_from_people_who_cannot_edit_it(
    client: Any, outsider: Any, draft: Course
) -> None:
    client.force_login(outsider)
    response = client.post(reverse("learning:module_create", args=[draft.slug]), {"title": "x"})
    assert response.status_code == 404


def test_a_published_course_is_changed_without_losing_progress(
    client: Any, operator: Any, outsider: Any, course: Course, lessons: list[Lesson]
) -> None:
    enrolment = services.enrolment_create(actor=outsider, course=course)
    services.lesson_complete(actor=outsider, enrolment=enrolment, lesson=lessons[0])
    services.lesson_complete(actor=outsider, enrolment=enrolment, lesson=lessons[1])
    client.force_login(operator)
    client.post(
        reverse("learning:lesson_edit", args=[course.slug, lessons[0].pk]),
        {
            "title": "С чего начать (обновлено)",
            "kind": "text",
            "body": "Новый текст",
            "minutes": 12,
            "position": 1,
        },
    )
    client.post(reverse("learning:lesson_remove", args=[course.slug, lessons[1].pk]))
    module = course.modules.get(position=1)
    services.lesson_create(actor=operator, module=module, title="Новый урок", kind="text")
    assert Lesson.objects.get(pk=lessons[1].pk).archived_at is not None
    done = set(
        LessonProgress.objects.filter(enrolment=enrolment, completed_at__isnull=False).values_list(
            "lesson_id", flat=True
        )
    )
    assert done == {lessons[0].pk, lessons[1].pk}
    client.force_login(outsider)
    page = client.get(course.get_absolute_url()).content.decode()
    assert "Пройдено уроков: 1 из 3" in page
    assert "С чего начать (обновлено)" in page
    assert "Команда проекта" not in page


def test_a_lesson_of_a_draft_nobody_opened_is_deleted(member: Any, draft: Course) -> None:
    module = services.module_create(actor=member, course=draft, title="М")
    lesson = services.lesson_create(actor=member, module=module, title="Лишний", kind="text")
    assert services.lesson_remove(actor=member, lesson=lesson) is True
    assert not Lesson.objects.filter(pk=lesson.pk).exists()


@pytest.mark.parametrize(
    ("link", "player"),
    [
        (
            "https://rutube.ru/video/0123456789abcdef0123456789abcdef/",
            "https://rutube.ru/play/embed/0123456789abcdef0123456789abcdef",
        ),
        (
            "https://vk.com/video-22822305_456241864",
            "https://vk.com/video_ext.php?oid=-22822305&id=456241864",
        ),
        ("https://vkvideo.ru/video-1_2", "https://vk.com/video_ext.php?oid=-1&id=2"),
        ("https://youtube.com/watch?v=abc", ""),
        ("https://rutube.ru.evil.example/video/0123456789abcdef0123456789abcdef/", ""),
        ("javascript:alert(1)", ""),
    ],
)
def test_only_vk_video_and_rutube_are_embedded(link: str, player: str) -> None:
    assert embed_address(link) == player


def test_an_embed_from_another_host_is_refused_on_the_form(
    client: Any, member: Any, draft: Course
) -> None:
    module = services.module_create(actor=member, course=draft, title="М")
    client.force_login(member)
    response = client.post(
        reverse("learning:lesson_create", args=[draft.slug, module.pk]),
        {
            "title": "Видео",
            "kind": "embed",
            "embed_url": "https://youtube.com/watch?v=1",
            "minutes": 5,
        },
    )
    assert "Вставьте ссылку на видео в VK Видео или RuTube." in response.content.decode()
    assert not Lesson.objects.filter(module=module).exists()


def test_the_policy_allows_frames_only_from_vk_and_rutube(client: Any) -> None:
    policy = client.get(reverse("learning:index"))["Content-Security-Policy"]
    assert "frame-src https://vk.com https://vkvideo.ru https://rutube.ru" in policy


@pytest.mark.parametrize("slug", ["library", "my", "new", "certificates", "recordings", "staff"])
def test_a_course_cannot_take_the_address_of_a_section_page(
    client: Any, operator: Any, slug: str
) -> None:
    client.force_login(operator)
    response = client.post(reverse("learning:course_create"), _course_data(slug=slug))
    assert response.status_code == 200
    page = response.content.decode()
    assert f"Адрес «{slug}» занят страницей раздела: выберите другой." in page
    assert "Бухгалтерия НКО за 5 шагов" in page  # what was typed is kept
    assert not Course.objects.exists()


def test_a_course_keeps_an_address_that_only_starts_like_a_section_page(
    client: Any, operator: Any
) -> None:
    client.force_login(operator)
    client.post(reverse("learning:course_create"), _course_data(slug="library-skills"))
    assert Course.objects.filter(slug="library-skills").exists()
