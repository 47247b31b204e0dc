"""Asking, routing, taking (one of two experts wins), clarifying with the clock stopped, answering,
rating, escalating overdue questions; who may do each."""

import datetime as dt
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from nkohub.consultations import services
from nkohub.consultations.models import Question, QuestionFile
from nkohub.consultations.tests.factories import QuestionFactory, competence
from nkohub.core.errors import DomainError
from nkohub.core.tests.concurrency import race
from nkohub.notifications.models import Notification

pytestmark = pytest.mark.django_db


def _ask(client: Any, ngo: Any, **extra: Any) -> Any:
    data = {
        "organization": ngo.pk,
        "competence": competence().pk,
        "title": "Как отчитаться в Минюст по форме ОН0001?",
        "text": "Мы АНО, доходов в прошлом году не было. Нужно ли сдавать отчёт и в какой срок?",
        "visibility": "public",
        **extra,
    }
    return client.post(reverse("consultations:ask"), data)


def test_a_member_asks_on_behalf_of_the_organisation_and_the_topics_experts_are_told(
    client: Any, member: Any, ngo: Any, expert: Any, lawyer: Any
) -> None:
    client.force_login(member)
    response = _ask(client, ngo)
    question = Question.objects.get()
    assert response.url == question.get_absolute_url()
    told = set(
        Notification.objects.filter(kind="consultations.question.new").values_list(
            "recipient__email", flat=True
        )
    )
    assert told == {"eva@example.org"}


def test_someone_outside_the_organisation_cannot_ask_on_its_behalf(
    client: Any, outsider: Any, ngo: Any, expert: Any
) -> None:
    client.force_login(outsider)
    _ask(client, ngo)  # the organisation is not among the form's choices: a form error
    assert not Question.objects.exists()


def test_the_due_date_is_five_working_days_of_the_production_calendar() -> None:
    # 31.12.2026 and 1–10.01.2027 are days off: a plain week would say 06.01.2027.
    due = services.due_date(competence(), start=dt.date(2026, 12, 30))
    assert due == dt.date(2027, 1, 15)


def test_an_operator_sets_a_topics_term_and_new_questions_get_it(
    member: Any, ngo: Any, expert: Any
) -> None:
    topic = competence()
    topic.answer_days = 10
    topic.save()
    question = services.question_ask(
        actor=member, organization=ngo, competence=topic, title="Вопрос", text="Текст вопроса"
    )
    assert question.due_on == services.due_date(topic, days=10)


def test_a_file_of_a_wrong_type_is_refused_before_anything_is_stored(
    member: Any, ngo: Any, settings: Any
) -> None:
    exe = SimpleUploadedFile("report.pdf", b"MZ\x90\x00not a pdf", content_type="application/pdf")
    with pytest.raises(DomainError, match="PDF"):
        services.question_ask(
            actor=member,
            organization=ngo,
            competence=competence(),
            title="Вопрос",
            text="Текст",
            files=[exe],
        )
    assert not Question.objects.exists()


def test_files_go_to_private_storage_and_only_those_who_see_the_question_download_them(
    client: Any, member: Any, ngo: Any, outsider: Any, settings: Any
) -> None:
    pdf = SimpleUploadedFile("устав.pdf", b"%PDF-1.4 charter", content_type="application/pdf")
    question = services.question_ask(
        actor=member, organization=ngo, competence=competence(), title="В", text="Т", files=[pdf]
    )
    item = QuestionFile.objects.get()
    assert str(settings.PRIVATE_MEDIA_ROOT) in item.file.path
    url = reverse("consultations:file", args=[question.pk, item.pk])
    client.force_login(outsider)
    assert client.get(url).status_code == 404


def test_an_expert_of_another_topic_does_not_see_the_question(client: Any, lawyer: Any) -> None:
    question = QuestionFactory.create()
    client.force_login(lawyer.user)
    assert client.get(question.get_absolute_url()).status_code == 404


def test_an_expert_takes_a_question_and_the_asker_is_told(client: Any, expert: Any) -> None:
    question = QuestionFactory.create()
    client.force_login(expert.user)
    client.post(reverse("consultations:take", args=[question.pk]))
    question.refresh_from_db()
    assert (question.status, question.expert) == (Question.Status.TAKEN, expert)


def test_taking_twice_changes_nothing(expert: Any) -> None:
    question = QuestionFactory.create()
    first = services.question_take(actor=expert.user, question=question, expert=expert)
    again = services.question_take(actor=expert.user, question=question, expert=expert)
    assert again.taken_at == first.taken_at


def test_a_second_expert_cannot_take_a_taken_question(client: Any, expert: Any, rival: Any) -> None:
    question = QuestionFactory.create()
    services.question_take(actor=expert.user, question=question, expert=expert)
    client.force_login(rival.user)
    # the question left the rival's queue: they no longer see it
    assert client.post(reverse("consultations:take", args=[question.pk])).status_code == 404


@pytest.mark.django_db(transaction=True)
def test_two_experts_taking_at_once_one_wins(expert: Any, rival: Any) -> None:
    question = QuestionFactory.create()
    experts = [expert, rival] * 5
    outcomes = race(
        len(experts),
        lambda i: (
            services.question_take(
                actor=experts[i].user, question=question, expert=experts[i]
            ).expert_id
        ),
    )
    assert outcomes.unexpected(DomainError) == {}, outcomes.report()
    winners = set(outcomes.results.values())
    assert len(winners) == 1, outcomes.report()


def _taken(expert: Any, **kwargs: Any) -> Question:
    question = QuestionFactory.create(**kwargs)
    return services.question_take(actor=expert.user, question=question, expert=expert)


def test_a_clarification_stops_the_clock_and_the_reply_restarts_it_with_the_days_left(
    expert: Any, member: Any, ngo: Any
) -> None:
    today = timezone.localdate()
    question = _taken(expert, organization=ngo, due_on=services.due_date(competence(), days=3))
    services.question_ask_clarification(
        actor=expert.user, question=question, text="Был ли у вас в прошлом году доход?"
    )
    question.refresh_from_db()
    assert (question.status, question.days_left) == (Question.Status.CLARIFICATION, 3)
    services.question_reply(actor=member, question=question, text="Нет, только гранты.")
    question.refresh_from_db()
    assert question.due_on == services.due_date(competence(), start=today, days=3)


def test_only_the_expert_who_took_it_answers(client: Any, expert: Any, rival: Any) -> None:
    question = _taken(expert)
    client.force_login(rival.user)
    response = client.post(reverse("consultations:answer", args=[question.pk]), {"answer": "Да"})
    assert response.status_code == 404


def test_the_expert_answers_and_the_asker_rates_it(
    client: Any, expert: Any, member: Any, ngo: Any
) -> None:
    question = _taken(expert, organization=ngo)
    client.force_login(expert.user)
    client.post(
        reverse("consultations:answer", args=[question.pk]),
        {"answer": "Да, форму ОН0001 сдают до 15 апреля."},
    )
    client.force_login(member)
    client.post(reverse("consultations:rate", args=[question.pk]), {"rating": 5})
    question.refresh_from_db()
    assert (question.status, question.rating) == (Question.Status.CLOSED, 5)


def test_an_outsider_cannot_rate(client: Any, expert: Any, outsider: Any) -> None:
    question = _taken(expert)
    services.question_answer(actor=expert.user, question=question, answer="Ответ")
    client.force_login(outsider)
    response = client.post(reverse("consultations:rate", args=[question.pk]), {"rating": 1})
    assert response.status_code == 404


def test_an_expert_cannot_reply_for_the_asker(client: Any, expert: Any) -> None:
    question = _taken(expert)
    services.question_ask_clarification(actor=expert.user, question=question, text="Уточните")
    client.force_login(expert.user)
    response = client.post(reverse("consultations:reply", args=[question.pk]), {"text": "Сам"})
    assert response.status_code == 403


def test_overdue_questions_are_escalated_to_the_operators_once(operator: Any) -> None:
    QuestionFactory.create(due_on=timezone.localdate() - dt.timedelta(days=1))
    QuestionFactory.create()  # not due yet
    assert services.questions_escalate_overdue() == 1
    assert services.questions_escalate_overdue() == 0
    told = Notification.objects.filter(kind="consultations.question.overdue", recipient=operator)
    assert told.count() == 1


def test_a_question_waiting_for_a_clarification_is_not_overdue(operator: Any, expert: Any) -> None:
    question = _taken(expert, due_on=timezone.localdate() + dt.timedelta(days=1))
    services.question_ask_clarification(actor=expert.user, question=question, text="Уточните")
    Question.objects.filter(pk=question.pk).update(
        due_on=timezone.localdate() - dt.timedelta(days=3)
    )
    assert services.questions_escalate_overdue() == 0


def test_the_scheduled_job_is_registered() -> None:
    from nkohub.notifications.scheduling import get_periodic_job

    assert get_periodic_job("consultations.escalate_overdue").daily_at == dt.time(9, 0)


def test_the_asker_withdraws_a_question_nobody_took(client: Any, member: Any, ngo: Any) -> None:
    question = QuestionFactory.create(organization=ngo)
    client.force_login(member)
    client.post(reverse("consultations:withdraw", args=[question.pk]))
    question.refresh_from_db()
    assert question.status == Question.Status.WITHDRAWN


def test_the_form_sends_files_with_the_question(client: Any, member: Any, ngo: Any) -> None:
    client.force_login(member)
    pdf = SimpleUploadedFile("смета.pdf", b"%PDF-1.4 budget", content_type="application/pdf")
    _ask(client, ngo, attachments=pdf)
    assert list(QuestionFile.objects.values_list("original_name", flat=True)) == ["смета.pdf"]


def test_a_file_too_large_is_shown_next_to_the_field(client: Any, member: Any, ngo: Any) -> None:
    client.force_login(member)
    big = SimpleUploadedFile("big.txt", b"a" * (10 * 1024 * 1024 + 1), content_type="text/plain")
    response = _ask(client, ngo, attachments=big)
    assert "big.txt" in str(response.context["form"].errors["attachments"])


@pytest.mark.parametrize("size", [2, 12])
def test_the_expert_desk_is_constant_in_queries(
    client: Any, django_assert_num_queries: Any, expert: Any, size: int
) -> None:
    for n in range(size):
        QuestionFactory.create()
        if n % 2:
            _taken(expert)
    client.force_login(expert.user)
    with django_assert_num_queries(10):
        client.get(reverse("consultations:desk"))


@pytest.mark.parametrize("size", [2, 12])
def test_my_questions_are_constant_in_queries(
    client: Any, django_assert_num_queries: Any, member: Any, ngo: Any, size: int
) -> None:
    for _n in range(size):
        QuestionFactory.create(organization=ngo)
    client.force_login(member)
    with django_assert_num_queries(4):
        client.get(reverse("consultations:mine"))


def test_only_the_expert_who_took_it_asks_for_a_clarification(
    client: Any, expert: Any, rival: Any
) -> None:
    question = _taken(expert)
    client.force_login(rival.user)
    response = client.post(reverse("consultations:clarify", args=[question.pk]), {"text": "?"})
    assert response.status_code == 404


def test_an_outsider_cannot_withdraw_a_question(client: Any, outsider: Any) -> None:
    question = QuestionFactory.create()
    client.force_login(outsider)
    assert client.post(reverse("consultations:withdraw", args=[question.pk])).status_code == 404


def test_no_one_but_an_expert_has_the_competences_page(
    client: Any, expert: Any, member: Any
) -> None:
    client.force_login(member)
    assert client.get(reverse("consultations:profile")).status_code == 404


def test_an_expert_declares_competences(client: Any, expert: Any) -> None:
    client.force_login(expert.user)
    client.post(
        reverse("consultations:profile"),
        {"competences": [competence("law").pk, competence("taxes").pk], "is_active": "on"},
    )
    assert sorted(c.slug for c in expert.competences.all()) == ["law", "taxes"]


def test_sending_the_same_question_twice_asks_it_once(client: Any, member: Any, ngo: Any) -> None:
    client.force_login(member)
    _ask(client, ngo)
    _ask(client, ngo)
    assert Question.objects.count() == 1


def test_a_withdrawn_question_cannot_be_taken(expert: Any, member: Any, ngo: Any) -> None:
    question = QuestionFactory.create(organization=ngo)
    services.question_withdraw(actor=member, question=question)
    with pytest.raises(DomainError, match="отозвала"):
        services.question_take(actor=expert.user, question=question, expert=expert)
