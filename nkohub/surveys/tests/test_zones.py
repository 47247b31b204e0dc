"""Problem zones: the ranking's formula on a small case worked by hand, the matrix page, and the
operator's mapping of a zone (refused to anyone else)."""

from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse

from nkohub.organizations.models import Membership
from nkohub.organizations.tests.factories import MembershipFactory, OrganizationFactory
from nkohub.surveys import selectors, services
from nkohub.surveys.models import Actor, ProblemZone, Question, Survey, Tool

pytestmark = pytest.mark.django_db


def _answer(survey: Survey, places: dict[str, int], submit: bool = True) -> None:
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
        submit=submit,
    )


def test_the_ranking_weighs_places_and_counts_who_named(
    needs_survey: Survey, operator: Any
) -> None:
    # five places: 1st weighs 5/5, 2nd 4/5 … 5th 1/5
    _answer(needs_survey, {"money": 1, "media": 2, "premises": 3})
    _answer(needs_survey, {"media": 1, "transport": 2, "money": 3})
    _answer(needs_survey, {"premises": 1})
    _answer(needs_survey, {"transport": 1}, submit=False)  # a draft does not count
    ranking = selectors.problem_zone_ranking(needs_survey)
    top = [(r.zone.code, r.named, r.score, r.share) for r in ranking[:4]]
    assert top == [
        ("media", 2, Decimal("1.80"), Decimal("0.6667")),  # 4/5 + 5/5
        ("money", 2, Decimal("1.60"), Decimal("0.6667")),  # 5/5 + 3/5
        ("premises", 2, Decimal("1.60"), Decimal("0.6667")),  # a tie: the zones' own order
        ("transport", 1, Decimal("0.80"), Decimal("0.3333")),
    ]
    assert ranking[4].named == 0
    assert len(ranking) == 16
    assert selectors.problem_zone_ranking() == []  # no closed needs survey yet
    services.survey_set_status(actor=operator, survey=needs_survey, status=Survey.Status.CLOSED)
    assert selectors.problem_zone_ranking()[0].zone.code == "media"


def test_the_matrix_page_shows_every_zone_with_its_actors_and_tools(
    client: Any, zones: None, django_assert_max_num_queries: Any
) -> None:
    with django_assert_max_num_queries(12):
        page = client.get(reverse("surveys:zones")).content.decode()
    assert page.count('<th scope="row">') == 16
    assert "Банк ресурсов" in page
    assert "Региональная и местная власть" in page


def test_an_operator_maps_a_zone(client: Any, zones: None, operator: Any) -> None:
    zone = ProblemZone.objects.get(code="transport")
    media = Actor.objects.get(code="media")
    fair = Tool.objects.get(code="fair")
    client.force_login(operator)
    client.post(
        reverse("surveys:zone_edit", args=[zone.pk]), {"actors": [media.pk], "tools": [fair.pk]}
    )
    assert list(zone.actors.all()) == [media]
    assert list(zone.tools.all()) == [fair]


@pytest.mark.parametrize("who", ["owner", "outsider"])
def test_only_operators_map_zones(client: Any, zones: None, who: str, request: Any) -> None:
    zone = ProblemZone.objects.get(code="transport")
    before = list(zone.actors.values_list("pk", flat=True))
    client.force_login(request.getfixturevalue(who))
    url = reverse("surveys:zone_edit", args=[zone.pk])
    assert client.post(url, {"actors": []}).status_code == 403
    assert list(zone.actors.values_list("pk", flat=True)) == before


def test_a_zone_asked_about_in_two_questions_is_named_once_and_weighs_in_both(
    zones: None, owner: Any, ngo: Any
) -> None:
    from nkohub.surveys.tests.factories import SurveyFactory

    survey = SurveyFactory.create(purpose=Survey.Purpose.NEEDS)
    money = ProblemZone.objects.get(code="money")
    ranking = Question.objects.create(
        survey=survey, kind=Question.Kind.RANKING, text="Ранг", position=1
    )
    media = ProblemZone.objects.get(code="media")
    first = ranking.options.create(label="Деньги", zone=money, position=1)
    second = ranking.options.create(label="СМИ", zone=media, position=2)
    again = Question.objects.create(
        survey=survey, kind=Question.Kind.MULTIPLE, text="Ещё", position=2
    )
    chosen = again.options.create(label="Деньги", zone=money, position=1)
    again.options.create(label="Другое", position=2)
    services.response_save(
        actor=owner,
        survey=survey,
        organization=ngo,
        answers={ranking.pk: {first.pk: 2, second.pk: 1}, again.pk: [chosen.pk]},
        submit=True,
    )
    (top, *_rest) = selectors.problem_zone_ranking(survey)
    assert (top.zone, top.named, top.score) == (money, 1, Decimal("1.50"))  # 1/2 + 1
