"""A question's life: asked with files, taken by one expert, clarified, answered, rated, escalated."""

from datetime import date, timedelta
from typing import TYPE_CHECKING

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from nkohub.consultations.models import Competence, Expert, Message, Question, QuestionFile
from nkohub.core.attachments import validate_attachments
from nkohub.core.audit import audit_log
from nkohub.core.errors import DomainError
from nkohub.core.storage import original_filename
from nkohub.core.working_days import working_days_between
from nkohub.notifications.services import notify
from nkohub.organizations.models import Organization

from ._shared import _askers, _experts_of, _full_clean, _lock, _operators, due_date

if TYPE_CHECKING:
    from nkohub.accounts.models import User


RESEND_WINDOW = timedelta(minutes=10)


def _check_files(files: list[UploadedFile]) -> None:
    from django.core.exceptions import ValidationError

    try:
        validate_attachments(files)
    except ValidationError as error:
        raise DomainError(" ".join(error.messages), field="attachments") from error


@transaction.atomic
def question_ask(
    *,
    actor: "User",
    organization: Organization,
    competence: Competence,
    title: str,
    text: str,
    visibility: str = Question.Visibility.PRIVATE,
    files: list[UploadedFile] | None = None,
) -> Question:
    """Ask on behalf of the organisation; the topic's experts are told; the due date is stored.
    The same question sent again by the same person within `RESEND_WINDOW` (a double click, a retried
    request) is the question already asked."""
    files = files or []
    _check_files(files)  # type and size before anything is stored
    again = Question.objects.filter(
        asked_by=actor,
        organization=organization,
        competence=competence,
        title=title.strip(),
        text=text.strip(),
        created_at__gte=timezone.now() - RESEND_WINDOW,
    ).first()
    if again is not None:
        return again
    if not competence.is_active:
        raise DomainError(_("Questions on this topic are not accepted now."), field="competence")
    question = Question(
        organization=organization,
        asked_by=actor,
        competence=competence,
        title=title.strip(),
        text=text.strip(),
        visibility=visibility,
        due_on=due_date(competence),
    )
    _full_clean(question)
    question.save()
    for upload in files:
        QuestionFile.objects.create(
            question=question,
            file=upload,
            original_name=original_filename(upload.name),
            size=upload.size or 0,
            uploaded_by=actor,
        )
    audit_log(
        actor=actor,
        action="consultations.question.ask",
        obj=question,
        changes={"competence": competence.name, "due_on": question.due_on.isoformat()},
    )
    notify(
        recipients=_experts_of(competence),
        kind="consultations.question.new",
        title=_("New question on «%(topic)s»: %(title)s")
        % {"topic": competence.name, "title": question.title},
        body=question.text[:300],
        obj=question,
        url=question.get_absolute_url(),
        actor=actor,
    )
    return question


@transaction.atomic
def question_take(*, actor: "User", question: Question, expert: Expert) -> Question:
    """The expert takes the question. Of two experts taking it at once one wins: the change is a
    conditional update of a question still waiting, and the other is told it is taken."""
    taken = Question.objects.filter(pk=question.pk, status=Question.Status.NEW).update(
        status=Question.Status.TAKEN,
        expert=expert,
        taken_at=timezone.now(),
        updated_at=timezone.now(),
    )
    question = _lock(question)
    if not taken:
        if question.status == Question.Status.WITHDRAWN:
            raise DomainError(_("The organisation has withdrawn this question."))
        if question.expert_id == expert.pk:
            return question  # a double click or a retried request: already theirs
        raise DomainError(_("Another expert has already taken this question."))
    audit_log(
        actor=actor,
        action="consultations.question.take",
        obj=question,
        changes={"status": ["new", "taken"], "expert": str(expert)},
    )
    notify(
        recipients=_askers(question),
        kind="consultations.question.taken",
        title=_("An expert took your question «%(title)s»") % {"title": question.title},
        body=_("%(expert)s will answer by %(date)s.")
        % {"expert": expert.user.display_name, "date": f"{question.due_on:%d.%m.%Y}"},
        obj=question,
        url=question.get_absolute_url(),
        actor=actor,
    )
    return question


def _require(question: Question, status: str) -> None:
    if not question.can_become(status):
        raise DomainError(_("The question is not in a state that allows this."))


@transaction.atomic
def question_ask_clarification(*, actor: "User", question: Question, text: str) -> Question:
    """The expert asks the asker; the clock stops with the working days left kept."""
    question = _lock(question)
    _require(question, Question.Status.CLARIFICATION)
    message = Message(question=question, kind=Message.Kind.CLARIFICATION, author=actor, text=text)
    _full_clean(message)
    message.save()
    today = timezone.localdate()
    question.days_left = working_days_between(today, question.due_on)
    question.status = Question.Status.CLARIFICATION
    question.save(update_fields=["status", "days_left", "updated_at"])
    audit_log(
        actor=actor,
        action="consultations.question.clarification",
        obj=question,
        changes={"status": ["taken", "clarification"], "days_left": question.days_left},
    )
    notify(
        recipients=_askers(question),
        kind="consultations.question.clarification",
        title=_("The expert asks about your question «%(title)s»") % {"title": question.title},
        body=text[:300],
        obj=question,
        url=question.get_absolute_url(),
        actor=actor,
    )
    return question


@transaction.atomic
def question_reply(*, actor: "User", question: Question, text: str) -> Question:
    """The asker replies; the clock restarts with the working days it had left (at least one)."""
    question = _lock(question)
    if question.status != Question.Status.CLARIFICATION:
        raise DomainError(_("The expert has not asked you anything about this question."))
    message = Message(question=question, kind=Message.Kind.REPLY, author=actor, text=text)
    _full_clean(message)
    message.save()
    old_due = question.due_on
    question.due_on = due_date(question.competence, days=max(question.days_left or 0, 1))
    question.days_left = None
    question.status = Question.Status.TAKEN
    question.save(update_fields=["status", "due_on", "days_left", "updated_at"])
    audit_log(
        actor=actor,
        action="consultations.question.reply",
        obj=question,
        changes={
            "status": ["clarification", "taken"],
            "due_on": [old_due.isoformat(), question.due_on.isoformat()],
        },
    )
    notify(
        recipients=[question.expert.user] if question.expert else [],
        kind="consultations.question.reply",
        title=_("The asker replied: «%(title)s»") % {"title": question.title},
        body=text[:300],
        obj=question,
        url=question.get_absolute_url(),
        actor=actor,
    )
    return question


@transaction.atomic
def question_answer(*, actor: "User", question: Question, answer: str) -> Question:
    question = _lock(question)
    _require(question, Question.Status.ANSWERED)
    question.answer = answer.strip()
    question.status = Question.Status.ANSWERED
    question.answered_at = timezone.now()
    _full_clean(question)
    if not question.answer:
        raise DomainError(_("Write the answer."), field="answer")
    question.save(update_fields=["answer", "status", "answered_at", "updated_at"])
    audit_log(
        actor=actor,
        action="consultations.question.answer",
        obj=question,
        changes={"status": ["taken", "answered"]},
    )
    notify(
        recipients=_askers(question),
        kind="consultations.question.answered",
        title=_("Your question «%(title)s» is answered") % {"title": question.title},
        body=question.answer[:300],
        obj=question,
        url=question.get_absolute_url(),
        actor=actor,
    )
    return question


@transaction.atomic
def question_rate(*, actor: "User", question: Question, rating: int, comment: str = "") -> Question:
    question = _lock(question)
    _require(question, Question.Status.CLOSED)
    question.rating, question.rating_comment = rating, comment.strip()
    question.status = Question.Status.CLOSED
    _full_clean(question)
    question.save(update_fields=["rating", "rating_comment", "status", "updated_at"])
    audit_log(
        actor=actor,
        action="consultations.question.rate",
        obj=question,
        changes={"rating": rating, "status": ["answered", "closed"]},
    )
    notify(
        recipients=[question.expert.user] if question.expert else [],
        kind="consultations.question.rated",
        title=_("Your answer to «%(title)s» was rated %(rating)s of 5")
        % {"title": question.title, "rating": rating},
        body=question.rating_comment,
        obj=question,
        url=question.get_absolute_url(),
        actor=actor,
    )
    return question


@transaction.atomic
def question_withdraw(*, actor: "User", question: Question) -> Question:
    question = _lock(question)
    _require(question, Question.Status.WITHDRAWN)
    question.status = Question.Status.WITHDRAWN
    question.save(update_fields=["status", "updated_at"])
    audit_log(
        actor=actor,
        action="consultations.question.withdraw",
        obj=question,
        changes={"status": ["new", "withdrawn"]},
    )
    return question


def questions_escalate_overdue(*, today: date | None = None) -> int:
    """Tell the operators, once each, of questions past their due date and not answered; the
    scheduled job and `manage.py escalate_overdue_questions` run it. Idempotent."""
    today = today or timezone.localdate()
    escalated = 0
    overdue = Question.objects.filter(
        status__in=Question.CLOCK_STATUSES, due_on__lt=today, escalated_at__isnull=True
    ).values_list("pk", flat=True)
    for pk in list(overdue):
        escalated += _escalate(pk, today)
    return escalated


@transaction.atomic
def _escalate(pk: int, today: date) -> int:
    question = (
        Question.objects.select_for_update(of=("self",)).select_related("competence").get(pk=pk)
    )
    if question.escalated_at is not None or not question.is_overdue(today):
        return 0
    question.escalated_at = timezone.now()
    question.save(update_fields=["escalated_at", "updated_at"])
    audit_log(
        actor=None,
        action="consultations.question.escalate",
        obj=question,
        changes={"due_on": question.due_on.isoformat()},
    )
    notify(
        recipients=_operators(),
        kind="consultations.question.overdue",
        title=_("A question to experts is overdue: «%(title)s»") % {"title": question.title},
        body=_("Topic: %(topic)s. The answer was due on %(date)s.")
        % {"topic": question.competence.name, "date": f"{question.due_on:%d.%m.%Y}"},
        obj=question,
        url=question.get_absolute_url(),
    )
    return 1
