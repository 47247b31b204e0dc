"""Answering under real concurrency (threads; SQLite and PostgreSQL): a survey sent twenty times at once
by an organisation's people keeps one response, and closing a survey while people save loses nothing
they saved."""

from typing import Any

import pytest

from nkohub.accounts.tests.factories import UserFactory
from nkohub.core.errors import DomainError
from nkohub.core.tests.concurrency import race
from nkohub.organizations.models import Membership
from nkohub.organizations.tests.factories import MembershipFactory, OrganizationFactory
from nkohub.surveys import services
from nkohub.surveys.models import Question, Response, Survey
from nkohub.surveys.tests.factories import SurveyFactory, question_with_options

pytestmark = pytest.mark.django_db(transaction=True)


def _survey() -> tuple[Survey, Question]:
    survey = SurveyFactory.create()
    question = question_with_options(survey, Question.Kind.SINGLE, ["да", "нет"], required=True)
    return survey, question


def test_an_organisation_sending_twenty_times_at_once_keeps_one_response() -> None:
    survey, question = _survey()
    ngo = OrganizationFactory.create()
    people = [
        MembershipFactory.create(organization=ngo, role=Membership.Role.EDITOR).user
        for _ in range(4)
    ]
    yes = question.choice_options[0].pk
    outcomes = race(
        20,
        lambda i: services.response_save(
            actor=people[i % 4],
            survey=survey,
            organization=ngo,
            answers={question.pk: yes},
            submit=True,
        ),
    )
    assert outcomes.unexpected(DomainError) == {}, outcomes.report()
    assert len(outcomes.results) >= 1
    response = Response.objects.get(survey=survey)
    assert response.is_submitted
    assert response.answers.count() == 1


def test_a_person_sending_twenty_times_at_once_keeps_one_response() -> None:
    survey, question = _survey()
    Survey.objects.filter(pk=survey.pk).update(audience=Survey.Audience.PEOPLE)
    survey.refresh_from_db()
    person = UserFactory.create(password=None)
    outcomes = race(
        20,
        lambda i: services.response_save(
            actor=person,
            survey=survey,
            organization=None,
            answers={question.pk: question.choice_options[i % 2].pk},
            submit=True,
        ),
    )
    assert outcomes.unexpected(DomainError) == {}, outcomes.report()
    assert Response.objects.filter(survey=survey).count() == 1
    assert Response.objects.get().answers.count() == 1


def test_closing_while_people_save_keeps_every_saved_draft() -> None:
    survey, question = _survey()
    operator = UserFactory.create(password=None, is_operator=True)
    ngos = [OrganizationFactory.create() for _ in range(15)]
    people = [
        MembershipFactory.create(organization=ngo, role=Membership.Role.OWNER).user for ngo in ngos
    ]
    yes = question.choice_options[0].pk

    def act(i: int) -> Any:
        if i == 15:
            return services.survey_set_status(
                actor=operator, survey=survey, status=Survey.Status.CLOSED
            )
        return services.response_save(
            actor=people[i],
            survey=survey,
            organization=ngos[i],
            answers={question.pk: yes},
            submit=False,
        )

    outcomes = race(16, act)
    assert outcomes.unexpected(DomainError) == {}, outcomes.report()
    assert 15 in outcomes.results  # the closing went through
    saved = {i for i in outcomes.results if i != 15}
    refused = set(outcomes.of_type(DomainError))
    assert saved | refused == set(range(15))
    kept = Response.objects.filter(survey=survey)
    assert {r.organization_id for r in kept} == {ngos[i].pk for i in saved}
    assert all(r.answers.count() == 1 for r in kept)
    assert Survey.objects.get(pk=survey.pk).status == Survey.Status.CLOSED
