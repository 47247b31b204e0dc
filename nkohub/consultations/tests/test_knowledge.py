"""The knowledge base: an operator publishes a public answer as an article; Russian search with
«Возможно, вы имели в виду»; suggestions while a question is typed; constant queries."""

from typing import Any

import pytest
from django.urls import reverse

from nkohub.consultations import services
from nkohub.consultations.models import Article, Question
from nkohub.consultations.tests.factories import QuestionFactory, article, competence

pytestmark = pytest.mark.django_db


def _answered(expert: Any, **kwargs: Any) -> Question:
    question = QuestionFactory.create(**kwargs)
    services.question_take(actor=expert.user, question=question, expert=expert)
    return services.question_answer(
        actor=expert.user, question=question, answer="Отчёт ОН0001 сдают до 15 апреля."
    )


def test_an_operator_makes_an_article_of_a_public_answer_and_publishes_it(
    client: Any, operator: Any, expert: Any
) -> None:
    question = _answered(expert, title="Когда сдавать отчёт в Минюст?")
    client.force_login(operator)
    response = client.post(reverse("consultations:publish", args=[question.pk]))
    article_ = Article.objects.get()
    assert response.url == reverse("consultations:article_edit", args=[article_.pk])
    client.post(
        reverse("consultations:article_edit", args=[article_.pk]),
        {
            "title": "Сроки отчётности НКО перед Минюстом",
            "competence": competence().pk,
            "question_text": question.text,
            "body": question.answer,
            "publish": "on",
        },
    )
    article_.refresh_from_db()
    assert article_.status == Article.Status.PUBLISHED


def test_a_private_question_cannot_be_published(client: Any, operator: Any, expert: Any) -> None:
    question = _answered(expert, visibility=Question.Visibility.PRIVATE)
    client.force_login(operator)
    response = client.post(reverse("consultations:publish", args=[question.pk]))
    assert response.status_code == 403


def test_only_operators_publish(client: Any, expert: Any, ngo: Any, member: Any) -> None:
    question = _answered(expert, organization=ngo)
    client.force_login(member)
    response = client.post(reverse("consultations:publish", args=[question.pk]))
    assert response.status_code == 403


def test_only_operators_edit_articles(client: Any, member: Any) -> None:
    found = article(title="Статья")
    client.force_login(member)
    assert client.get(reverse("consultations:article_edit", args=[found.pk])).status_code == 403


def test_a_draft_article_is_not_public(client: Any) -> None:
    draft = article(title="Черновик", published=False)
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_the_search_finds_other_word_forms(client: Any) -> None:
    article(title="Отчётность НКО перед Министерством юстиции", body="Форма ОН0001 и ОН0002.")
    article(title="Как привлечь частных жертвователей")
    page = client.get(reverse("consultations:index"), {"q": "отчёты министерство"})
    titles = [a.title for a in page.context["page"].object_list]
    assert titles == ["Отчётность НКО перед Министерством юстиции"]


def test_a_typo_gets_did_you_mean(client: Any) -> None:
    article(title="Отчётность НКО перед Министерством юстиции")
    page = client.get(reverse("consultations:index"), {"q": "министерствм"})
    assert page.context["suggestion"] == "министерство"


def test_a_question_being_typed_gets_similar_answers(client: Any, member: Any) -> None:
    article(
        title="Отчётность НКО перед Министерством юстиции",
        body="Ежегодно до 15 апреля организация сдаёт отчёт в Минюст.",
    )
    article(title="Как привлечь частных жертвователей", body="Краудфандинг и рассылки.")
    client.force_login(member)
    response = client.get(
        reverse("consultations:suggestions"),
        {"title": "Когда сдавать отчёт в министерство юстиции?", "text": ""},
    )
    assert [a.title for a in response.context["similar"]] == [
        "Отчётность НКО перед Министерством юстиции"
    ]


def test_unrelated_text_gets_no_suggestions(client: Any) -> None:
    article(title="Отчётность НКО перед Министерством юстиции")
    response = client.get(
        reverse("consultations:suggestions"), {"title": "Где купить краску для забора"}
    )
    assert response.context["similar"] == []


@pytest.mark.parametrize("size", [3, 30])
def test_the_knowledge_base_is_constant_in_queries(
    client: Any, django_assert_num_queries: Any, size: int
) -> None:
    for n in range(size):
        article(title=f"Отчётность НКО, вопрос {n}")
    with django_assert_num_queries(5):
        client.get(reverse("consultations:index"), {"q": "отчётность"})
