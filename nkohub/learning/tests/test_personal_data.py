"""What learning holds about a person goes into «download my data», and «delete my account» removes
progress and attempts while the certificate stays verifiable without the name."""

from typing import Any

import pytest

from nkohub.learning import personal_data, services
from nkohub.learning.models import Attempt, Certificate, Course, Enrolment, Lesson
from nkohub.learning.tests.test_certificates import _complete

pytestmark = pytest.mark.django_db


def test_the_export_lists_enrolments_attempts_and_certificates(
    outsider: Any, course: Course, lessons: list[Lesson]
) -> None:
    enrolment = _complete(outsider, course, lessons)
    data = personal_data.export(outsider)
    assert data["enrolments"][0]["course"] == course.title
    assert data["enrolments"][0]["lessons_completed"] == 3
    assert data["quiz_attempts"][0]["passed"] is True
    assert data["certificates"] == [
        {
            "code": enrolment.certificate.code,
            "course": course.title,
            "issued_at": enrolment.certificate.issued_at.isoformat(),
        }
    ]


def test_erasing_keeps_the_certificate_code_but_not_the_name(
    outsider: Any, member: Any, course: Course, lessons: list[Lesson]
) -> None:
    _complete(outsider, course, lessons)
    services.enrolment_create(actor=member, course=course)
    summary = personal_data.erase(outsider)
    assert summary["certificates_anonymised"] == 1
    assert not Attempt.objects.filter(user=outsider).exists()
    assert Certificate.objects.get().full_name == "—"
    assert Enrolment.objects.filter(user=member).exists()


def test_the_export_lists_the_materials_a_person_uploaded(operator: Any) -> None:
    from nkohub.learning.tests.factories import MaterialFactory

    MaterialFactory.create(title="Шаблон сметы", created_by=operator)
    data = personal_data.export(operator)
    assert [m["title"] for m in data["library_materials_uploaded"]] == ["Шаблон сметы"]
