"""The public pages: the list of open surveys (paginated, empty state, constant queries), a survey's
page, and the cabinet block «Опросы» for people with surveys to answer."""

from typing import Any

import pytest
from django.urls import reverse

from nkohub.organizations.models import Organization
from nkohub.surveys.models import Question, Survey
from nkohub.surveys.tests.factories import SurveyFactory, question_with_options

pytestmark = pytest.mark.django_db


def test_the_list_says_when_nothing_is_open(client: Any) -> None:
    page = client.get(reverse("surveys:index"))
    assert page.status_code == 200
    assert "empty-state" in page.content.decode()


def test_the_list_costs_the_same_with_more_surveys(
    client: Any, owner: Any, django_assert_max_num_queries: Any
) -> None:
    SurveyFactory.create_batch(2)
    client.force_login(owner)
    url = reverse("surveys:index")
    client.get(url)
    with django_assert_max_num_queries(30) as few:
        client.get(url)
    SurveyFactory.create_batch(30)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(url)
    assert 'rel="next"' in page.content.decode()


def test_the_cabinet_lists_surveys_to_answer_for_the_organisation(
    client: Any, owner: Any, ngo: Organization
) -> None:
    survey = SurveyFactory.create(title="Потребности НКО")
    question_with_options(survey, Question.Kind.SINGLE, ["да", "нет"])
    SurveyFactory.create(title="Черновик", status=Survey.Status.DRAFT)
    client.force_login(owner)
    page = client.get(reverse("core:cabinet")).content.decode()
    assert "Потребности НКО" in page
    assert reverse("surveys:answer_for", args=[survey.pk, ngo.pk]) in page
    assert "Черновик" not in page


def test_a_member_without_rights_sees_no_survey_block(client: Any, member: Any) -> None:
    SurveyFactory.create(title="Потребности НКО")
    client.force_login(member)
    assert "Потребности НКО" not in client.get(reverse("core:cabinet")).content.decode()


def test_a_survey_page_offers_to_answer(client: Any, owner: Any, ngo: Organization) -> None:
    survey = SurveyFactory.create()
    client.force_login(owner)
    page = client.get(survey.get_absolute_url()).content.decode()
    assert reverse("surveys:answer_for", args=[survey.pk, ngo.pk]) in page
