"""A survey's lifecycle: open only with questions, answers only while open and between its dates,
closing keeps drafts, reopening lets their authors go on; questions frozen once answers exist."""

import datetime as dt
import re
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from nkohub.core.errors import DomainError
from nkohub.organizations.models import Organization
from nkohub.surveys import services
from nkohub.surveys.models import Question, Response, Survey
from nkohub.surveys.tests.factories import SurveyFactory, question_with_options

pytestmark = pytest.mark.django_db


def test_a_survey_without_questions_cannot_open(operator: Any) -> None:
    survey = SurveyFactory.create(status=Survey.Status.DRAFT)
    with pytest.raises(DomainError):
        services.survey_set_status(actor=operator, survey=survey, status=Survey.Status.OPEN)


def test_closing_keeps_a_draft_and_reopening_lets_its_author_go_on(
    client: Any, operator: Any, owner: Any, ngo: Organization
) -> None:
    survey = SurveyFactory.create()
    q = question_with_options(survey, Question.Kind.MULTIPLE, ["A", "B", "C"])
    picked = [q.choice_options[0].pk, q.choice_options[2].pk]
    services.response_save(
        actor=owner, survey=survey, organization=ngo, answers={q.pk: picked}, submit=False
    )
    services.survey_set_status(actor=operator, survey=survey, status=Survey.Status.CLOSED)
    with pytest.raises(DomainError):
        services.response_save(
            actor=owner, survey=survey, organization=ngo, answers={q.pk: []}, submit=False
        )
    assert sorted(Response.objects.get().answers.values_list("option", flat=True)) == picked

    client.force_login(owner)
    url = reverse("surveys:answer_for", args=[survey.pk, ngo.pk])
    assert client.get(url).status_code == 403
    services.survey_set_status(actor=operator, survey=survey, status=Survey.Status.OPEN)
    page = client.get(url).content.decode()
    assert re.search(rf'value="{picked[1]}"[^>]*checked', page)
    assert not re.search(rf'value="{q.choice_options[1].pk}"[^>]*checked', page)


def test_no_answers_after_the_closing_date(owner: Any, ngo: Organization) -> None:
    today = timezone.localdate()
    survey = SurveyFactory.create(
        opens_on=today - dt.timedelta(days=10), closes_on=today - dt.timedelta(days=1)
    )
    q = question_with_options(survey, Question.Kind.SINGLE, ["да", "нет"])
    with pytest.raises(DomainError):
        services.response_save(
            actor=owner,
            survey=survey,
            organization=ngo,
            answers={q.pk: q.choice_options[0].pk},
            submit=True,
        )


def test_questions_are_frozen_once_a_response_exists(
    operator: Any, owner: Any, ngo: Organization
) -> None:
    survey = SurveyFactory.create()
    q = question_with_options(survey, Question.Kind.SINGLE, ["да", "нет"])
    services.response_save(actor=owner, survey=survey, organization=ngo, answers={}, submit=False)
    with pytest.raises(DomainError):
        services.question_delete(actor=operator, question=q)
    with pytest.raises(DomainError):
        services.question_save(
            actor=operator, survey=survey, kind=Question.Kind.TEXT, text="Ещё вопрос"
        )


def test_an_answer_that_does_not_fit_the_question_is_refused(owner: Any, ngo: Organization) -> None:
    survey = SurveyFactory.create()
    q = question_with_options(survey, Question.Kind.SINGLE, ["да", "нет"])
    other = question_with_options(SurveyFactory.create(), Question.Kind.SINGLE, ["x", "y"])
    with pytest.raises(DomainError):
        services.response_save(
            actor=owner,
            survey=survey,
            organization=ngo,
            answers={q.pk: other.choice_options[0].pk},
            submit=True,
        )
    assert not Response.objects.filter(answers__isnull=False).exists()
