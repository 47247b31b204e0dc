"""What consultations hold about a person goes into «download my data»; «delete my account» leaves the
organisation's question without the person's name and frees their bookings."""

from typing import Any

import pytest

from nkohub.consultations import personal_data, services
from nkohub.consultations.models import Question, Slot
from nkohub.consultations.tests.factories import SlotFactory, competence

pytestmark = pytest.mark.django_db


def _ask(member: Any, ngo: Any) -> Question:
    return services.question_ask(
        actor=member,
        organization=ngo,
        competence=competence(),
        title="Как учитывать пожертвования?",
        text="Подробности",
    )


def test_the_export_lists_the_persons_questions_and_bookings(member: Any, ngo: Any) -> None:
    _ask(member, ngo)
    services.slot_book(actor=member, slot=SlotFactory.create(), organization=ngo)
    data = personal_data.export(member)
    assert (data["questions"][0]["title"], len(data["booked_slots"])) == (
        "Как учитывать пожертвования?",
        1,
    )


def test_erasing_keeps_the_question_with_the_organisation_but_not_the_name(
    member: Any, ngo: Any
) -> None:
    question = _ask(member, ngo)
    slot = services.slot_book(actor=member, slot=SlotFactory.create(), organization=ngo)
    personal_data.erase(member)
    question.refresh_from_db()
    assert (question.asked_by, Slot.objects.get(pk=slot.pk).status) == (None, Slot.Status.OPEN)
