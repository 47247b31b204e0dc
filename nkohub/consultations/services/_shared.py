"""What the writes of consultations share: validation in the person's language, the clock, recipients."""

from datetime import date
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.utils import timezone

from nkohub.consultations.models import Competence, Expert, Question
from nkohub.core.errors import full_clean_or_raise
from nkohub.core.working_days import add_working_days

# The services' one way to validate: the first problem as a DomainError on its field.
_full_clean = full_clean_or_raise


def due_date(competence: Competence, *, start: date | None = None, days: int | None = None) -> date:
    """The answer's due date: the topic's term (or `days`) in working days of Russia's production
    calendar after `start` (today)."""
    start = start or timezone.localdate()
    return add_working_days(start, days if days is not None else competence.answer_days)


def _operators() -> QuerySet[Any]:
    return get_user_model().objects.filter(is_operator=True, is_active=True)


def _experts_of(competence: Competence) -> list[Any]:
    """The people to tell of a new question: active experts of its topic."""
    experts = Expert.objects.filter(is_active=True, competences=competence).select_related("user")
    return [expert.user for expert in experts]


def _askers(question: Question) -> list[Any]:
    return [question.asked_by] if question.asked_by_id else []


def _lock(question: Question) -> Question:
    return (
        Question.objects.select_for_update(of=("self",))
        .select_related("competence", "organization", "asked_by", "expert__user")
        .get(pk=question.pk)
    )
