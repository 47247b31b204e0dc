"""Answering a quiz: every answer checked on the server, the attempt counted once.

The form carries a token made when it was shown. The same submission sent twice (a double click, a
resent request, two at the same moment) finds the first attempt by its token and returns it; the
learner's enrolment row is locked while an attempt is counted, and an attempt's number is unique per
person and quiz, so concurrent submissions can neither exceed the limit nor count twice."""

import uuid
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from nkohub.accounts.models import User
from nkohub.core.errors import DomainError
from nkohub.learning import permissions
from nkohub.learning.models import Answer, Attempt, Enrolment, Question, Quiz

from .enrolments import _complete

Responses = dict[int, list[int] | str]


@dataclass(frozen=True)
class Submitted:
    attempt: Attempt
    counted: bool  # False when this was the same submission again


def _grade(question: Question, response: list[int] | str | None) -> tuple[bool, set[int], str]:
    if question.kind == Question.Kind.SHORT:
        text = response if isinstance(response, str) else ""
        return question.accepts(text), set(), text[:500]
    offered = {choice.pk: choice for choice in question.choices.all()}
    ids = response if isinstance(response, list) else []
    chosen = {int(pk) for pk in ids if int(pk) in offered}
    if question.kind == Question.Kind.SINGLE and len(chosen) > 1:
        chosen = set()
    right = {pk for pk, choice in offered.items() if choice.is_correct}
    return bool(chosen) and chosen == right, chosen, ""


def attempts_left(quiz: Quiz, used: int) -> int | None:
    return None if quiz.max_attempts is None else max(0, quiz.max_attempts - used)


@transaction.atomic
def attempt_submit(
    *, actor: User, enrolment: Enrolment | None, quiz: Quiz, token: uuid.UUID, responses: Responses
) -> Submitted:
    if not permissions.can_study(actor, enrolment):
        raise DomainError(_("Enrol in the course to answer its quizzes."))
    assert enrolment is not None
    if quiz.lesson.module.course_id != enrolment.course_id or quiz.lesson.archived_at is not None:
        raise DomainError(_("This lesson is not part of the course."))
    # one learner's submissions are counted one at a time (PostgreSQL: a row lock; SQLite: the
    # IMMEDIATE transaction already holds the write lock)
    Enrolment.objects.select_for_update().filter(pk=enrolment.pk).first()
    same = Attempt.objects.filter(token=token).first()
    if same is not None:
        if same.user_id != actor.pk:
            raise DomainError(_("This form has expired; open the quiz again."))
        return Submitted(same, counted=False)
    done = Attempt.objects.filter(quiz=quiz, user=actor)
    if done.filter(passed=True).exists():
        raise DomainError(_("You have already passed this quiz."))
    used = done.count()
    if attempts_left(quiz, used) == 0:
        raise DomainError(_("You have used every attempt at this quiz."))
    questions = list(quiz.questions.prefetch_related("choices"))
    if not questions:
        raise DomainError(_("The quiz has no questions yet."))
    graded = [(question, *_grade(question, responses.get(question.pk))) for question in questions]
    right = sum(1 for _question, correct, _chosen, _text in graded if correct)
    score = round(100 * right / len(questions))
    attempt = Attempt(
        quiz=quiz,
        user=actor,
        token=token,
        number=used + 1,
        score=score,
        passed=score >= quiz.pass_mark,
    )
    try:
        with transaction.atomic():
            attempt.save()
    except IntegrityError as error:
        same = Attempt.objects.filter(token=token).first()
        if same is not None and same.user_id == actor.pk:
            return Submitted(same, counted=False)
        raise DomainError(_("Another answer to this quiz was being saved; try again.")) from error
    answers = Answer.objects.bulk_create(
        Answer(attempt=attempt, question=question, text=text, is_correct=correct)
        for question, correct, _chosen, text in graded
    )
    through = Answer.choices.through
    through.objects.bulk_create(
        through(answer_id=answer.pk, choice_id=choice_id)
        for answer, (_question, _correct, chosen, _text) in zip(answers, graded, strict=True)
        for choice_id in sorted(chosen)
    )
    if attempt.passed:
        _complete(enrolment, quiz.lesson)
    return Submitted(attempt, counted=True)
