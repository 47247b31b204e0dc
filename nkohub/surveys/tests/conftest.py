"""Fixtures of the surveys: the reference zones, and the needs survey made from its template."""

from typing import Any

import pytest

from nkohub.surveys import reference, services
from nkohub.surveys.models import Survey
from nkohub.surveys.tests.factories import SurveyFactory


@pytest.fixture
def zones(db: Any) -> None:
    reference.load()


@pytest.fixture
def needs_survey(zones: None, operator: Any) -> Survey:
    survey = services.survey_create_from_blueprint(
        actor=operator,
        key="needs",
        opens_on=SurveyFactory.build().opens_on,
        closes_on=SurveyFactory.build().closes_on,
    )
    return services.survey_set_status(actor=operator, survey=survey, status=Survey.Status.OPEN)
