"""A person's survey answers in "download my data", and what "delete my account" does to them."""

from typing import Any

import pytest

from nkohub.accounts.tests.factories import UserFactory
from nkohub.organizations.models import Organization
from nkohub.surveys import personal_data, services
from nkohub.surveys.models import Question, Response, Survey
from nkohub.surveys.tests.factories import SurveyFactory, question_with_options

pytestmark = pytest.mark.django_db


def test_export_and_erase(owner: Any, ngo: Organization) -> None:
    for_org = SurveyFactory.create()
    q = question_with_options(for_org, Question.Kind.SINGLE, ["да", "нет"])
    services.response_save(
        actor=owner,
        survey=for_org,
        organization=ngo,
        answers={q.pk: q.choice_options[0].pk},
        submit=True,
    )
    own = SurveyFactory.create(audience=Survey.Audience.PEOPLE)
    text = Question.objects.create(survey=own, kind=Question.Kind.TEXT, text="Пожелания")
    services.response_save(
        actor=owner, survey=own, organization=None, answers={text.pk: "Больше курсов"}, submit=False
    )
    exported = personal_data.export(owner)["survey_responses"]
    assert {r["survey"] for r in exported} == {for_org.title, own.title}
    assert any(a["text"] == "Больше курсов" for r in exported for a in r["answers"])
    other = UserFactory.create()
    assert personal_data.export(other) == {"survey_responses": []}

    assert personal_data.erase(owner) == {
        "own_responses": 1,
        "organization_responses_anonymised": 1,
    }
    kept = Response.objects.get()
    assert kept.organization == ngo
    assert kept.respondent is None
    assert kept.is_submitted
