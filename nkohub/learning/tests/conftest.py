"""A published course of two modules: two text lessons, then a quiz (pass mark 60 %)."""

from typing import Any

import pytest

from nkohub.learning.models import Course, Lesson
from nkohub.learning.tests.factories import CourseFactory, LessonFactory, ModuleFactory, quiz_lesson


@pytest.fixture
def course(db: Any) -> Course:
    course = CourseFactory.create(title="Как подать заявку на президентский грант", slug="pfg")
    first = ModuleFactory.create(course=course, title="Идея и команда", position=1)
    second = ModuleFactory.create(course=course, title="Заявка", position=2)
    LessonFactory.create(module=first, title="С чего начать", position=1)
    LessonFactory.create(module=first, title="Команда проекта", position=2)
    quiz_lesson(second)
    return course


def lessons_of(course: Course) -> list[Lesson]:
    return list(
        Lesson.objects.filter(module__course=course).order_by("module__position", "position")
    )


@pytest.fixture
def lessons(course: Course) -> list[Lesson]:
    return lessons_of(course)


@pytest.fixture
def capture(django_capture_on_commit_callbacks: Any) -> Any:
    """Run what a service leaves for after the commit (the preview task, file deletions)."""
    return django_capture_on_commit_callbacks
