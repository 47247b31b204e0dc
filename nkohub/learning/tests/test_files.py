"""Files of a lesson: added by the course's authors into private storage, downloaded by its learners."""

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from nkohub.learning import services
from nkohub.learning.models import Course, Lesson, LessonFile
from nkohub.learning.sample_files import xlsx_file

pytestmark = pytest.mark.django_db


BUDGET = xlsx_file("Бюджет", [["Статья", "Сумма"], ["Аренда", 1000]])


def _add(client: Any, course: Course, lesson: Lesson) -> Any:
    upload = SimpleUploadedFile(
        "Шаблон бюджета.xlsx",
        BUDGET,
        content_type="application/vnd.ms-excel",
    )
    return client.post(
        reverse("learning:lesson_file_add", args=[course.slug, lesson.pk]),
        {"upload": upload, "title": "Шаблон бюджета проекта"},
    )


def test_an_author_adds_a_file_and_a_learner_downloads_it(
    client: Any, operator: Any, outsider: Any, course: Course, lessons: list[Lesson], settings: Any
) -> None:
    client.force_login(operator)
    _add(client, course, lessons[0])
    item = LessonFile.objects.get()
    assert str(settings.PRIVATE_MEDIA_ROOT) in item.file.path
    services.enrolment_create(actor=outsider, course=course)
    client.force_login(outsider)
    page = client.get(
        reverse("learning:lesson", args=[course.slug, lessons[0].pk])
    ).content.decode()
    assert "Шаблон бюджета проекта" in page
    response = client.get(
        reverse("learning:lesson_file", args=[course.slug, lessons[0].pk, item.pk])
    )
    assert b"".join(response.streaming_content) == BUDGET
    assert "attachment" in response["Content-Disposition"]


def test_someone_not_enrolled_cannot_download_a_file(
    client: Any, operator: Any, outsider: Any, course: Course, lessons: list[Lesson]
) -> None:
    client.force_login(operator)
    _add(client, course, lessons[0])
    item = LessonFile.objects.get()
    client.force_login(outsider)
    response = client.get(
        reverse("learning:lesson_file", args=[course.slug, lessons[0].pk, item.pk])
    )
    assert response.status_code == 403


def test_only_authors_add_files(
    client: Any, outsider: Any, course: Course, lessons: list[Lesson]
) -> None:
    services.enrolment_create(actor=outsider, course=course)
    client.force_login(outsider)
    assert _add(client, course, lessons[0]).status_code == 403
    assert not LessonFile.objects.exists()


def test_the_cabinet_shows_the_learners_courses(client: Any, outsider: Any, course: Course) -> None:
    services.enrolment_create(actor=outsider, course=course)
    client.force_login(outsider)
    content = client.get(reverse("core:cabinet")).content.decode()
    assert "Мои курсы" in content


@pytest.mark.parametrize(
    "model",
    [
        "topic",
        "course",
        "module",
        "lesson",
        "question",
        "quiz",
        "attempt",
        "enrolment",
        "certificate",
    ],
)
def test_operators_manage_learning_in_the_admin(
    client: Any, operator: Any, course: Course, model: str
) -> None:
    operator.is_staff = True
    operator.save()
    client.force_login(operator)
    assert client.get(f"/admin/learning/{model}/").status_code == 200
