"""Lessons: who opens them, progress and «continue where you stopped», videos served with ranges."""

from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from nkohub.accounts.tests.factories import UserFactory
from nkohub.learning import services
from nkohub.learning.models import Course, Enrolment, Lesson, LessonProgress
from nkohub.learning.ranges import parse_range
from nkohub.learning.tests.factories import EnrolmentFactory, LessonFactory, ModuleFactory

pytestmark = pytest.mark.django_db


def _url(course: Course, lesson: Lesson, name: str = "learning:lesson") -> str:
    return reverse(name, args=[course.slug, lesson.pk])


def test_a_lesson_is_closed_to_those_not_enrolled(
    client: Any, outsider: Any, course: Course, lessons: list[Lesson]
) -> None:
    client.force_login(outsider)
    response = client.get(_url(course, lessons[0]))
    assert response.status_code == 403
    assert "Запишитесь на курс, чтобы открыть его уроки." in response.content.decode()


def test_a_learner_opens_a_lesson_and_it_becomes_the_place_to_continue(
    client: Any, outsider: Any, course: Course, lessons: list[Lesson]
) -> None:
    services.enrolment_create(actor=outsider, course=course)
    client.force_login(outsider)
    page = client.get(_url(course, lessons[1])).content.decode()
    assert "<strong>главное</strong>" in page
    enrolment = Enrolment.objects.get(user=outsider)
    assert enrolment.last_lesson == lessons[1]
    response = client.get(reverse("learning:continue", args=[course.slug]))
    assert response["Location"] == _url(course, lessons[1])
    assert "Продолжить: Команда проекта" in client.get(course.get_absolute_url()).content.decode()


def test_marking_a_lesson_done_moves_on_to_the_next(
    client: Any, outsider: Any, course: Course, lessons: list[Lesson]
) -> None:
    services.enrolment_create(actor=outsider, course=course)
    client.force_login(outsider)
    response = client.post(_url(course, lessons[0], "learning:lesson_done"))
    assert response["Location"] == _url(course, lessons[1])
    assert LessonProgress.objects.get(lesson=lessons[0]).completed_at is not None
    client.get(response["Location"])
    continued = client.get(reverse("learning:continue", args=[course.slug]))
    assert continued["Location"] == _url(course, lessons[1])


def test_after_the_last_opened_lesson_is_done_continue_offers_the_next_one(
    client: Any, outsider: Any, course: Course, lessons: list[Lesson]
) -> None:
    services.enrolment_create(actor=outsider, course=course)
    client.force_login(outsider)
    client.get(_url(course, lessons[0]))
    client.post(_url(course, lessons[0], "learning:lesson_done"))
    continued = client.get(reverse("learning:continue", args=[course.slug]))
    assert continued["Location"] == _url(course, lessons[1])


def test_nobody_marks_lessons_for_someone_else(
    client: Any, outsider: Any, member: Any, course: Course, lessons: list[Lesson]
) -> None:
    services.enrolment_create(actor=member, course=course)
    client.force_login(outsider)
    response = client.post(_url(course, lessons[0], "learning:lesson_done"))
    assert response.status_code == 403
    assert not LessonProgress.objects.filter(completed_at__isnull=False).exists()


def test_a_quiz_is_not_marked_done_by_hand(
    client: Any, outsider: Any, course: Course, lessons: list[Lesson]
) -> None:
    services.enrolment_create(actor=outsider, course=course)
    client.force_login(outsider)
    client.post(_url(course, lessons[2], "learning:lesson_done"))
    assert not LessonProgress.objects.filter(lesson=lessons[2], completed_at__isnull=False).exists()


def test_the_lesson_page_costs_the_same_queries_as_the_course_and_its_learners_grow(
    client: Any,
    outsider: Any,
    course: Course,
    lessons: list[Lesson],
    django_assert_num_queries: Any,
) -> None:
    services.enrolment_create(actor=outsider, course=course)
    client.force_login(outsider)
    client.get(_url(course, lessons[0]))
    with CaptureQueriesContext(connection) as small:
        client.get(_url(course, lessons[0]))
    queries = len(small)
    for m in range(4):
        module = ModuleFactory.create(course=course, title=f"Ещё модуль {m}")
        for _ in range(4):
            LessonFactory.create(module=module)
    for _ in range(10):
        EnrolmentFactory.create(user=UserFactory.create(password=None), course=course)
    with django_assert_num_queries(queries):
        client.get(_url(course, lessons[0]))


# --- video ----------------------------------------------------------------------------------
VIDEO = bytes(range(256)) * 40  # 10 240 bytes


@pytest.fixture
def video_lesson(course: Course) -> Lesson:
    lesson = LessonFactory.create(
        module=course.modules.first(), kind=Lesson.Kind.VIDEO, video_type="video/mp4"
    )
    lesson.video.save("lesson.mp4", ContentFile(VIDEO), save=True)
    return lesson


def test_a_video_range_is_answered_with_206_and_exactly_those_bytes(
    client: Any, outsider: Any, course: Course, video_lesson: Lesson
) -> None:
    services.enrolment_create(actor=outsider, course=course)
    client.force_login(outsider)
    response = client.get(
        _url(course, video_lesson, "learning:lesson_video"), headers={"range": "bytes=100-199"}
    )
    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes 100-199/{len(VIDEO)}"
    assert response["Content-Length"] == "100"
    assert b"".join(response.streaming_content) == VIDEO[100:200]


def test_a_video_without_a_range_is_sent_whole_and_says_it_accepts_ranges(
    client: Any, outsider: Any, course: Course, video_lesson: Lesson
) -> None:
    services.enrolment_create(actor=outsider, course=course)
    client.force_login(outsider)
    response = client.get(_url(course, video_lesson, "learning:lesson_video"))
    assert response.status_code == 200
    assert response["Accept-Ranges"] == "bytes"
    assert b"".join(response.streaming_content) == VIDEO


def test_a_range_past_the_end_is_416(
    client: Any, outsider: Any, course: Course, video_lesson: Lesson
) -> None:
    services.enrolment_create(actor=outsider, course=course)
    client.force_login(outsider)
    response = client.get(
        _url(course, video_lesson, "learning:lesson_video"), headers={"range": "bytes=20000-"}
    )
    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{len(VIDEO)}"


def test_the_video_is_closed_to_those_not_enrolled(
    client: Any, outsider: Any, course: Course, video_lesson: Lesson
) -> None:
    client.force_login(outsider)
    response = client.get(_url(course, video_lesson, "learning:lesson_video"))
    assert response.status_code == 403


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("bytes=0-0", (0, 0)),
        ("bytes=10-", (10, 99)),
        ("bytes=-10", (90, 99)),
        ("bytes=50-500", (50, 99)),
        ("bytes=100-", False),
        ("bytes=5-1", False),
        ("items=1-2", None),
        ("bytes=1-2,4-5", None),
        ("", None),
    ],
)
def test_ranges_are_read_as_the_rfc_says(header: str, expected: object) -> None:
    assert parse_range(header, 100) == expected
