"""The report's «interviews and problem zones» with the surveys app's own data: the needs survey made
from its template, answered by three organisations and closed, gives the ranking the report shows."""

import datetime
from typing import Any

import pytest
from django.utils import timezone

from nkohub.analytics import report
from nkohub.organizations.models import Membership
from nkohub.organizations.tests.factories import MembershipFactory, OrganizationFactory
from nkohub.surveys import reference, services
from nkohub.surveys.models import Question, Survey

pytestmark = pytest.mark.django_db


def _answer(survey: Survey, places: dict[str, int]) -> None:
    ranking = survey.questions.get(kind=Question.Kind.RANKING)
    options = {o.zone.code: o.pk for o in ranking.options.select_related("zone")}  # type: ignore[union-attr]
    evaluation = survey.questions.get(text__startswith="Оценивает")
    ngo = OrganizationFactory.create()
    person = MembershipFactory.create(organization=ngo, role=Membership.Role.OWNER).user
    services.response_save(
        actor=person,
        survey=survey,
        organization=ngo,
        answers={
            ranking.pk: {options[c]: p for c, p in places.items()},
            evaluation.pk: evaluation.choice_options[0].pk,
        },
        submit=True,
    )


def test_the_ranked_problem_zones_of_the_closed_needs_survey_are_in_the_report(
    operator: Any,
) -> None:
    reference.load()
    today = timezone.localdate()
    survey = services.survey_create_from_blueprint(
        actor=operator,
        key="needs",
        opens_on=today - datetime.timedelta(days=10),
        closes_on=today + datetime.timedelta(days=10),
    )
    services.survey_set_status(actor=operator, survey=survey, status=Survey.Status.OPEN)
    _answer(survey, {"money": 1, "media": 2})
    _answer(survey, {"media": 1, "money": 2})
    _answer(survey, {"media": 1})
    services.survey_set_status(actor=operator, survey=survey, status=Survey.Status.CLOSED)
    section = report.surveys_section(
        5, today.replace(month=1, day=1), today.replace(month=12, day=31)
    )
    summaries = next(t for t in section.tables if t.title == "Опросы периода")
    assert summaries.rows[0][0] == survey.title
    assert summaries.rows[0][3] == 3
    ranking = next(t for t in section.tables if t.title == "Проблемные зоны по рангу")
    first, second = ranking.rows[0], ranking.rows[1]
    assert (first[0], first[2]) == (1, 3)  # «media»: named by all three
    assert first[3] == 100
    assert (second[0], second[2]) == (2, 2)
    assert len(ranking.rows) == 16
