"""Quizzes: answers checked on the server, feedback per question, pass mark, attempt limits, and a
submission sent twice (or at the same moment) counted once."""

import uuid
from typing import Any

import pytest
from django.db import connection
from django.urls import reverse

from nkohub.core.errors import DomainError
from nkohub.core.tests.concurrency import race
from nkohub.learning import services
from nkohub.learning.models import Attempt, Course, Enrolment, Lesson, Quiz
from nkohub.learning.models.quizzes import normalise_answer
from nkohub.learning.tests.factories import right_answers, wrong_answers

pytestmark = pytest.mark.django_db


def _submit(
    client: Any, course: Course, lesson: Lesson, answers: dict[str, object], token: Any = None
) -> Any:
    return client.post(
        reverse("learning:quiz_submit", args=[course.slug, lesson.pk]),
        {**answers, "token": str(token or uuid.uuid4())},
    )


@pytest.fixture
def learner(client: Any, outsider: Any, course: Course) -> Enrolment:
    enrolment = services.enrolment_create(actor=outsider, course=course)
    client.force_login(outsider)
    return enrolment


def test_wrong_answers_fail_with_feedback_per_question(
    client: Any, learner: Enrolment, course: Course, lessons: list[Lesson]
) -> None:
    quiz = lessons[2]
    response = _submit(client, course, quiz, wrong_answers(quiz))
    attempt = Attempt.objects.get()
    assert (attempt.score, attempt.passed) == (0, False)
    page = client.get(response["Location"]).content.decode()
    assert "Пока не сдан: 0% верно, нужно 60%." in page
    assert "Оператор конкурсов — Фонд президентских грантов." in page
    assert page.count("неверно") == 3


def test_right_answers_pass_and_complete_the_lesson(
    client: Any, learner: Enrolment, course: Course, lessons: list[Lesson]
) -> None:
    quiz = lessons[2]
    response = _submit(client, course, quiz, right_answers(quiz))
    attempt = Attempt.objects.get()
    assert (attempt.score, attempt.passed) == (100, True)
    assert learner.progress.get(lesson=quiz).completed_at is not None
    page = client.get(response["Location"]).content.decode()
    assert "Тест сдан: 100% верно (нужно 60%)." in page


def test_a_short_answer_ignores_case_yo_and_punctuation() -> None:
    assert normalise_answer("  Тринадцать. ") == normalise_answer("тринадцать")
    assert normalise_answer("ЁЛКА") == "елка"


def test_a_multiple_choice_needs_every_right_answer_and_no_wrong_one(
    client: Any, learner: Enrolment, course: Course, lessons: list[Lesson]
) -> None:
    quiz = lessons[2]
    answers = right_answers(quiz)
    multiple = quiz.quiz.questions.get(kind="multiple")
    answers[f"q{multiple.pk}"] = [c.pk for c in multiple.choices.all()]  # the wrong one too
    _submit(client, course, quiz, answers)
    attempt = Attempt.objects.get()
    assert attempt.score == 67
    assert attempt.answers.get(question=multiple).is_correct is False


def test_a_choice_of_another_question_counts_for_nothing(
    learner: Enrolment, lessons: list[Lesson]
) -> None:
    quiz = lessons[2].quiz
    questions = list(quiz.questions.order_by("position"))
    right_of_first = questions[0].choices.get(is_correct=True).pk
    submitted = services.attempt_submit(
        actor=learner.user,
        enrolment=learner,
        quiz=quiz,
        token=uuid.uuid4(),
        responses={questions[1].pk: [right_of_first]},
    )
    assert submitted.attempt.score == 0


def test_the_same_submission_sent_twice_counts_once(
    client: Any, learner: Enrolment, course: Course, lessons: list[Lesson]
) -> None:
    quiz = lessons[2]
    token = uuid.uuid4()
    _submit(client, course, quiz, wrong_answers(quiz), token)
    _submit(client, course, quiz, wrong_answers(quiz), token)
    assert Attempt.objects.count() == 1


def test_attempts_run_out_at_the_limit(
    client: Any, learner: Enrolment, course: Course, lessons: list[Lesson]
) -> None:
    quiz = lessons[2]
    Quiz.objects.filter(lesson=quiz).update(max_attempts=2)
    _submit(client, course, quiz, wrong_answers(quiz))
    _submit(client, course, quiz, wrong_answers(quiz))
    response = _submit(client, course, quiz, right_answers(quiz))
    assert Attempt.objects.count() == 2
    page = client.get(response["Location"]).content.decode()
    assert "Вы использовали все попытки этого теста." in page


def test_after_passing_no_more_attempts_are_taken(
    client: Any, learner: Enrolment, course: Course, lessons: list[Lesson]
) -> None:
    quiz = lessons[2]
    _submit(client, course, quiz, right_answers(quiz))
    _submit(client, course, quiz, wrong_answers(quiz))
    assert list(Attempt.objects.values_list("passed", flat=True)) == [True]


def test_someone_not_enrolled_cannot_answer(
    client: Any, member: Any, course: Course, lessons: list[Lesson]
) -> None:
    client.force_login(member)
    response = _submit(client, course, lessons[2], right_answers(lessons[2]))
    assert response.status_code == 403
    assert not Attempt.objects.exists()


def test_a_guest_cannot_answer(client: Any, course: Course, lessons: list[Lesson]) -> None:
    response = _submit(client, course, lessons[2], right_answers(lessons[2]))
    assert response.status_code == 302
    assert not Attempt.objects.exists()


def test_another_persons_token_is_not_reused(
    outsider: Any, member: Any, course: Course, lessons: list[Lesson]
) -> None:
    quiz = lessons[2].quiz
    token = uuid.uuid4()
    mine = services.enrolment_create(actor=outsider, course=course)
    theirs = services.enrolment_create(actor=member, course=course)
    services.attempt_submit(actor=outsider, enrolment=mine, quiz=quiz, token=token, responses={})
    with pytest.raises(DomainError):
        services.attempt_submit(
            actor=member, enrolment=theirs, quiz=quiz, token=token, responses={}
        )


@pytest.mark.django_db(transaction=True)
def test_one_submission_sent_eight_times_at_once_counts_once(outsider: Any, course: Course) -> None:
    name = str(connection.settings_dict["NAME"])
    assert connection.vendor != "sqlite" or "memory" not in name, "needs a file database"
    lesson = Lesson.objects.get(module__course=course, kind=Lesson.Kind.QUIZ)
    enrolment = services.enrolment_create(actor=outsider, course=course)
    token = uuid.uuid4()
    outcomes = race(
        8,
        lambda i: (
            services.attempt_submit(
                actor=outsider,
                enrolment=Enrolment.objects.get(pk=enrolment.pk),
                quiz=Quiz.objects.select_related("lesson__module").get(lesson=lesson),
                token=token,
                responses={},
            ).attempt.pk
        ),
    )
    assert outcomes.raised == {}, outcomes.report()
    assert len(set(outcomes.results.values())) == 1
    assert Attempt.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_different_submissions_at_once_never_exceed_the_limit(
    outsider: Any, course: Course
) -> None:
    lesson = Lesson.objects.get(module__course=course, kind=Lesson.Kind.QUIZ)
    Quiz.objects.filter(lesson=lesson).update(max_attempts=2)
    enrolment = services.enrolment_create(actor=outsider, course=course)
    outcomes = race(
        6,
        lambda i: (
            services.attempt_submit(
                actor=outsider,
                enrolment=Enrolment.objects.get(pk=enrolment.pk),
                quiz=Quiz.objects.select_related("lesson__module").get(lesson=lesson),
                token=uuid.uuid4(),
                responses={},
            ).attempt.pk
        ),
    )
    assert outcomes.unexpected(DomainError) == {}, outcomes.report()
    assert Attempt.objects.count() == 2
    assert sorted(Attempt.objects.values_list("number", flat=True)) == [1, 2]


def test_the_quiz_page_costs_the_same_queries_with_more_attempts(
    client: Any,
    learner: Enrolment,
    course: Course,
    lessons: list[Lesson],
    django_assert_num_queries: Any,
) -> None:
    from django.test.utils import CaptureQueriesContext

    quiz = lessons[2]
    _submit(client, course, quiz, wrong_answers(quiz))
    url = reverse("learning:lesson", args=[course.slug, quiz.pk])
    first = Attempt.objects.get().pk
    client.get(url, {"attempt": first})  # the first visit records the place in the course
    with CaptureQueriesContext(connection) as small:
        shown = client.get(url, {"attempt": first})
    assert shown.status_code == 200, shown
    queries = len(small)  # now: a later request empties the connection's log
    for _ in range(5):
        _submit(client, course, quiz, wrong_answers(quiz))
    with django_assert_num_queries(queries):
        client.get(url, {"attempt": first})
