"""The demo: experts with competences, questions in every state, articles, slots; a second run changes
nothing."""

from typing import Any

import pytest
from django.core.management import call_command
from django.urls import reverse

from nkohub.consultations.models import Article, Expert, Message, Question, Slot

pytestmark = pytest.mark.django_db


def counts() -> tuple[int, ...]:
    return tuple(m.objects.count() for m in (Expert, Question, Message, Article, Slot))


def test_the_demo_has_questions_in_every_state_and_a_second_run_changes_nothing(
    client: Any,
) -> None:
    call_command("load_demo", "--quiet-logins")
    first = counts()
    call_command("load_demo", "--quiet-logins")
    assert counts() == first
    states = set(Question.objects.values_list("status", flat=True))
    assert states == set(Question.Status.values)
    page = client.get(reverse("consultations:index"), {"q": "отчёт минюст"})
    titles = [a.title for a in page.context["page"].object_list]
    assert titles[0] == "Отчётность НКО перед Министерством юстиции: формы и сроки"
