"""The demo: three real courses with quizzes, learners at three stages, and a second run changes nothing."""

from typing import Any

import pytest
from django.core.management import call_command
from django.urls import reverse

from nkohub.learning.models import (
    Attempt,
    Certificate,
    Course,
    Enrolment,
    Lesson,
    Material,
    Question,
    Recording,
)

pytestmark = pytest.mark.django_db


def counts() -> tuple[int, ...]:
    return tuple(
        m.objects.count()
        for m in (Course, Lesson, Question, Enrolment, Attempt, Certificate, Material, Recording)
    )


def test_the_demo_has_three_courses_with_quizzes_and_a_second_run_changes_nothing(
    client: Any,
) -> None:
    call_command("load_demo", "--quiet-logins")
    first = counts()
    call_command("load_demo", "--quiet-logins")
    assert counts() == first
    titles = set(Course.objects.filter(status="published").values_list("title", flat=True))
    assert titles == {
        "Как подать заявку в Фонд президентских грантов",
        "Основы бухгалтерского учёта НКО",
        "Работа со СМИ для НКО",
    }
    for course in Course.objects.all():
        assert Question.objects.filter(quiz__lesson__module__course=course).count() >= 4
    certificate = Certificate.objects.get()
    assert certificate.course_title == "Работа со СМИ для НКО"
    shared = Enrolment.objects.get(shares_progress=True)
    assert shared.shared_with is not None
    assert (
        "Сертификат подлинный."
        in client.get(
            reverse("learning:certificate_verify", args=[certificate.code])
        ).content.decode()
    )


def test_the_demo_library_has_a_dozen_materials_with_previews_and_three_recordings(
    capture: Any,
) -> None:
    with capture(execute=True):
        call_command("load_demo", "--quiet-logins")
    materials = Material.objects.filter(is_demo=True, status="published")
    assert (materials.count(), Recording.objects.filter(embed_url__gt="").count()) == (12, 3)
    assert not materials.filter(preview_status="pending").exists()
