"""Answering a survey for an organisation: drafts kept and resumed, required and conditional questions,
typed values kept on errors, one response per organisation, and who may answer."""

from typing import Any

import pytest
from django.urls import reverse

from nkohub.organizations.models import Organization
from nkohub.surveys.models import Question, Response, Survey

pytestmark = pytest.mark.django_db


def _q(survey: Survey, key: str) -> Question:
    texts = {
        "zones": "Выберите пять проблем",
        "evaluation": "Оценивает ли организация",
        "pfg": "Подавала ли организация",
        "pfg_count": "Сколько заявок",
        "wishes": "Что ещё",
        "cooperation": "Как вы оцениваете",
    }
    return survey.questions.get(text__startswith=texts[key])


def _option(question: Question, label: str) -> int:
    return question.options.get(label=label).pk


def _ranking(survey: Survey, *titles: str) -> dict[str, str]:
    q = _q(survey, "zones")
    return {f"q{q.pk}_o{_option(q, t)}": str(place) for place, t in enumerate(titles, start=1)}


def _url(survey: Survey, ngo: Organization) -> str:
    return reverse("surveys:answer_for", args=[survey.pk, ngo.pk])


def test_an_owner_saves_a_draft_and_an_editor_finds_it_and_sends_it(
    client: Any, needs_survey: Survey, ngo: Organization, owner: Any, editor: Any
) -> None:
    client.force_login(owner)
    wishes = _q(needs_survey, "wishes")
    data = {
        "action": "save",
        **_ranking(needs_survey, "Помещения", "Транспорт"),
        f"q{wishes.pk}": "Больше встреч с бизнесом",
    }
    assert client.post(_url(needs_survey, ngo), data).status_code == 302
    response = Response.objects.get(survey=needs_survey, organization=ngo)
    assert response.status == Response.Status.DRAFT
    assert response.answers.count() == 3

    client.force_login(editor)
    page = client.get(_url(needs_survey, ngo)).content.decode()
    assert "Больше встреч с бизнесом" in page
    evaluation = _q(needs_survey, "evaluation")
    data |= {"action": "submit", f"q{evaluation.pk}": str(_option(evaluation, "Нет"))}
    assert client.post(_url(needs_survey, ngo), data).status_code == 302
    response.refresh_from_db()
    assert response.status == Response.Status.SUBMITTED
    assert response.respondent == editor
    assert set(response.answers.filter(rank__isnull=False).values_list("rank", flat=True)) == {1, 2}


def test_sending_without_a_required_answer_keeps_what_was_typed(
    client: Any, needs_survey: Survey, ngo: Organization, owner: Any
) -> None:
    client.force_login(owner)
    wishes = _q(needs_survey, "wishes")
    page = client.post(
        _url(needs_survey, ngo),
        {"action": "submit", f"q{wishes.pk}": "Нужен юрист по НКО"},
    )
    assert page.status_code == 400
    html = page.content.decode()
    assert "Нужен юрист по НКО" in html
    assert "Answer this question." in html or "Ответьте на этот вопрос." in html
    assert not Response.objects.filter(survey=needs_survey).exists()


def test_a_ranking_with_repeated_places_is_refused(
    client: Any, needs_survey: Survey, ngo: Organization, owner: Any
) -> None:
    client.force_login(owner)
    q = _q(needs_survey, "zones")
    data = {
        "action": "save",
        f"q{q.pk}_o{_option(q, 'Помещения')}": "1",
        f"q{q.pk}_o{_option(q, 'Транспорт')}": "1",
    }
    assert client.post(_url(needs_survey, ngo), data).status_code == 400
    assert not Response.objects.exists()


def test_a_conditional_question_counts_only_when_its_option_is_chosen(
    client: Any, needs_survey: Survey, ngo: Organization, owner: Any
) -> None:
    client.force_login(owner)
    pfg, count = _q(needs_survey, "pfg"), _q(needs_survey, "pfg_count")
    evaluation = _q(needs_survey, "evaluation")
    base = {
        "action": "submit",
        **_ranking(needs_survey, "Недостаток финансирования"),
        f"q{evaluation.pk}": _option(evaluation, "Нет"),
        f"q{count.pk}": "4",
    }
    client.post(_url(needs_survey, ngo), base | {f"q{pfg.pk}": _option(pfg, "Нет")})
    response = Response.objects.get()
    assert response.is_submitted
    assert not response.answers.filter(question=count).exists()


def test_a_sent_response_cannot_be_sent_again(
    client: Any, needs_survey: Survey, ngo: Organization, owner: Any
) -> None:
    client.force_login(owner)
    evaluation = _q(needs_survey, "evaluation")
    data = {
        "action": "submit",
        **_ranking(needs_survey, "Транспорт"),
        f"q{evaluation.pk}": _option(evaluation, "Нет"),
    }
    client.post(_url(needs_survey, ngo), data)
    again = client.post(_url(needs_survey, ngo), data | _ranking(needs_survey, "Помещения"))
    assert again.status_code == 200  # the "already answered" page
    assert Response.objects.count() == 1
    assert str(Response.objects.get().answers.filter(rank=1).get().option) == "Транспорт"


@pytest.mark.parametrize("who", ["member", "outsider"])
def test_only_owners_and_editors_answer_for_an_organisation(
    client: Any, needs_survey: Survey, ngo: Organization, who: str, request: Any
) -> None:
    client.force_login(request.getfixturevalue(who))
    assert client.get(_url(needs_survey, ngo)).status_code == 403
    assert client.post(_url(needs_survey, ngo), {"action": "save"}).status_code == 403
    assert not Response.objects.exists()


def test_a_guest_is_sent_to_log_in(client: Any, needs_survey: Survey, ngo: Organization) -> None:
    assert client.get(_url(needs_survey, ngo)).status_code == 302


def test_an_organisation_not_addressed_cannot_answer(
    client: Any, needs_survey: Survey, ngo: Organization, other_ngo: Organization, owner: Any
) -> None:
    needs_survey.addressed_organizations.set([other_ngo])
    client.force_login(owner)
    assert client.get(_url(needs_survey, ngo)).status_code == 403


def test_a_draft_survey_is_hidden_from_respondents(
    client: Any, needs_survey: Survey, ngo: Organization, owner: Any
) -> None:
    Survey.objects.filter(pk=needs_survey.pk).update(status=Survey.Status.DRAFT)
    client.force_login(owner)
    assert client.get(_url(needs_survey, ngo)).status_code == 404
    assert client.get(needs_survey.get_absolute_url()).status_code == 404


def test_the_single_organisation_of_a_person_is_chosen_for_them(
    client: Any, needs_survey: Survey, ngo: Organization, owner: Any
) -> None:
    client.force_login(owner)
    answer = client.get(reverse("surveys:answer", args=[needs_survey.pk]))
    assert answer["Location"] == _url(needs_survey, ngo)


def test_a_person_of_several_organisations_chooses_on_the_survey_page(
    client: Any, needs_survey: Survey, ngo: Organization, other_ngo: Organization, owner: Any
) -> None:
    from nkohub.organizations.models import Membership
    from nkohub.organizations.tests.factories import MembershipFactory

    MembershipFactory.create(organization=other_ngo, user=owner, role=Membership.Role.EDITOR)
    client.force_login(owner)
    answer = client.get(reverse("surveys:answer", args=[needs_survey.pk]))
    assert answer["Location"] == needs_survey.get_absolute_url()
    page = client.get(needs_survey.get_absolute_url()).content.decode()
    assert _url(needs_survey, ngo) in page
    assert _url(needs_survey, other_ngo) in page
