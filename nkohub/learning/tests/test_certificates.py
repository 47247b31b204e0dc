"""Certificates: issued on completion, a PDF in Russian, a public check that tells genuine, revoked and
unknown codes apart without naming anyone for a code it does not know."""

import shutil
import subprocess
import uuid
from typing import Any

import pytest
from django.urls import reverse

from nkohub.learning import services
from nkohub.learning.models import Certificate, Course, Enrolment, Lesson
from nkohub.learning.models.progress import normalise_code

pytestmark = pytest.mark.django_db


def _complete(person: Any, course: Course, lessons: list[Lesson]) -> Enrolment:
    enrolment = services.enrolment_create(actor=person, course=course)
    for lesson in lessons[:2]:
        services.lesson_complete(actor=person, enrolment=enrolment, lesson=lesson)
    quiz = lessons[2].quiz
    responses: dict[int, list[int] | str] = {}
    for question in quiz.questions.all():
        if question.kind == "short":
            responses[question.pk] = "13"
        else:
            responses[question.pk] = [c.pk for c in question.choices.all() if c.is_correct]
    services.attempt_submit(
        actor=person, enrolment=enrolment, quiz=quiz, token=uuid.uuid4(), responses=responses
    )
    enrolment.refresh_from_db()
    return enrolment


@pytest.fixture
def certificate(outsider: Any, course: Course, lessons: list[Lesson]) -> Certificate:
    outsider.full_name = "Чарльз Иванович Петров"
    outsider.save()
    return _complete(outsider, course, lessons).certificate


def test_completing_every_lesson_issues_one_certificate(certificate: Certificate) -> None:
    assert certificate.full_name == "Чарльз Иванович Петров"
    assert certificate.course_title == "Как подать заявку на президентский грант"
    assert certificate.hours == 8
    assert normalise_code(certificate.code) == certificate.code
    assert Certificate.objects.count() == 1


def test_the_course_is_not_complete_while_a_lesson_is_left(
    outsider: Any, course: Course, lessons: list[Lesson]
) -> None:
    enrolment = services.enrolment_create(actor=outsider, course=course)
    services.lesson_complete(actor=outsider, enrolment=enrolment, lesson=lessons[0])
    enrolment.refresh_from_db()
    assert enrolment.completed_at is None
    assert not Certificate.objects.exists()


def test_the_learner_downloads_the_pdf_in_russian(
    client: Any, outsider: Any, certificate: Certificate
) -> None:
    client.force_login(outsider)
    response = client.get(reverse("learning:certificate_pdf", args=[certificate.code]))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed")
    text = subprocess.run(
        ["pdftotext", "-", "-"], input=response.content, capture_output=True, check=True
    ).stdout.decode()
    assert "Сертификат" in text
    assert "Чарльз Иванович Петров" in text
    assert "Как подать заявку на президентский грант" in text
    assert "Объём: 8 академических часов" in text
    assert certificate.code in text


def test_nobody_else_downloads_someones_certificate(
    client: Any, member: Any, certificate: Certificate
) -> None:
    client.force_login(member)
    response = client.get(reverse("learning:certificate_pdf", args=[certificate.code]))
    assert response.status_code == 404


def test_a_genuine_code_is_confirmed_with_the_name_course_and_hours(
    client: Any, certificate: Certificate
) -> None:
    page = client.get(reverse("learning:certificate_verify", args=[certificate.code]))
    content = page.content.decode()
    assert "Сертификат подлинный." in content
    assert "Чарльз Иванович Петров" in content
    assert "Как подать заявку на президентский грант" in content


def test_a_code_typed_in_lower_case_with_spaces_is_found(
    client: Any, certificate: Certificate
) -> None:
    typed = certificate.code.replace("-", " ").lower()
    response = client.get(reverse("learning:certificate_lookup"), {"code": typed})
    assert response["Location"] == reverse("learning:certificate_verify", args=[certificate.code])


@pytest.mark.parametrize("code", ["AAAA-BBBB-CCCC", "not-a-code", "0000-0000-0000"])
def test_an_unknown_or_forged_code_says_so_and_names_nobody(
    client: Any, certificate: Certificate, code: str
) -> None:
    response = client.get(reverse("learning:certificate_verify", args=[code]))
    content = response.content.decode()
    assert response.status_code == 404
    assert "Сертификата с таким кодом нет." in content
    assert "Чарльз" not in content
    assert "Как подать заявку" not in content


def test_a_revoked_certificate_says_so_without_its_holder(
    client: Any, operator: Any, certificate: Certificate
) -> None:
    client.force_login(operator)
    client.post(
        reverse("learning:certificate_revoke", args=[certificate.code]),
        {"reason": "Тест сдан не самостоятельно"},
    )
    client.logout()
    content = client.get(
        reverse("learning:certificate_verify", args=[certificate.code])
    ).content.decode()
    assert "Этот сертификат отозван." in content
    assert "Тест сдан не самостоятельно" in content
    assert "Чарльз" not in content


def test_only_an_operator_revokes(client: Any, outsider: Any, certificate: Certificate) -> None:
    client.force_login(outsider)
    response = client.post(
        reverse("learning:certificate_revoke", args=[certificate.code]), {"reason": "сам"}
    )
    assert response.status_code == 403
    certificate.refresh_from_db()
    assert certificate.revoked_at is None


def test_a_revoked_certificate_is_not_downloaded(
    client: Any, outsider: Any, operator: Any, certificate: Certificate
) -> None:
    services.certificate_revoke(actor=operator, certificate=certificate, reason="ошибка")
    client.force_login(outsider)
    response = client.get(reverse("learning:certificate_pdf", args=[certificate.code]))
    assert response.status_code == 403


def test_the_course_page_offers_the_certificate(
    client: Any, outsider: Any, course: Course, certificate: Certificate
) -> None:
    client.force_login(outsider)
    content = client.get(course.get_absolute_url()).content.decode()
    assert "Скачать сертификат (PDF)" in content
    assert certificate.code in content
