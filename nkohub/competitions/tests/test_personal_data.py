"""An expert's reviews in "download my data", and what "delete my account" removes."""

from typing import Any

import pytest

from nkohub.competitions import personal_data, services
from nkohub.competitions.models import Assignment, Submission

pytestmark = pytest.mark.django_db


def test_an_experts_reviews_are_exported_and_the_declaration_erased(
    official: Any, owner: Any, submission: Submission, experts: list[Any]
) -> None:
    assignment = services.assignment_create(
        actor=official, submission=submission, expert=experts[0]
    )
    services.assignment_declare(
        actor=experts[0], assignment=assignment, conflict=True, note="Мой брат — директор заявителя"
    )
    data = personal_data.export(experts[0])
    assert data["reviews"][0]["conflict_note"] == "Мой брат — директор заявителя"
    assert personal_data.export(owner)["submissions_sent"][0]["title"] == submission.title
    assert personal_data.erase(experts[0]) == {"conflict_notes_erased": 1, "submissions_unnamed": 0}
    assert Assignment.objects.get().conflict_note == ""
    assert personal_data.erase(owner) == {"conflict_notes_erased": 0, "submissions_unnamed": 1}
