"""Who may do what in consultations. The only place these rights are decided.

- A member of an organisation asks on its behalf; the organisation's members see its questions, and
  the asker replies to clarifications, rates the answer and may withdraw a question nobody took.
- An expert (a person an operator made one) sees the questions of their competences waiting in the
  queue and takes one; then only the expert who took it asks for clarification and answers.
- Operators see every question and the overdue ones, and turn public answered questions into
  knowledge-base articles. The published articles are public.
- An expert publishes slots; any signed-in member books a free one for an organisation they belong to.
"""

from typing import Any

from django.utils.translation import gettext_lazy as _

from nkohub.consultations.models import Article, Expert, Question, Slot
from nkohub.core.permissions import ALLOWED, Decision, is_operator, refused, require
from nkohub.organizations.models import Organization
from nkohub.organizations.permissions import is_member

__all__ = ["refused", "require"]


def _signed_in(user: Any) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def expert_of(user: Any) -> Expert | None:
    """The person's active expert profile (read once per request)."""
    if not _signed_in(user):
        return None
    if not hasattr(user, "_consultations_expert"):
        user._consultations_expert = (
            Expert.objects.filter(user=user, is_active=True).prefetch_related("competences").first()
        )
    expert: Expert | None = user._consultations_expert
    return expert


def _competence_ids(expert: Expert) -> set[int]:
    return {competence.pk for competence in expert.competences.all()}


# --- questions --------------------------------------------------------------------------------
def can_ask(user: Any, organization: Organization | None = None) -> Decision:
    if not _signed_in(user):
        return refused(_("Log in to ask the experts."))
    if organization is not None and not is_member(user, organization):
        return refused(_("You can ask only on behalf of an organisation you belong to."))
    return ALLOWED


def can_view_question(user: Any, question: Question) -> bool:
    if not _signed_in(user):
        return False
    if is_operator(user) or is_member(user, question.organization):
        return True
    expert = expert_of(user)
    if expert is None:
        return False
    if question.expert_id == expert.pk:
        return True
    return question.status == Question.Status.NEW and question.competence_id in _competence_ids(
        expert
    )


def is_asker_side(user: Any, question: Question) -> bool:
    return _signed_in(user) and is_member(user, question.organization)


def can_take(user: Any, question: Question) -> Decision:
    expert = expert_of(user)
    if expert is None:
        return refused(_("Only experts take questions."))
    if question.competence_id not in _competence_ids(expert):
        return refused(_("This question is outside your competences."))
    if question.status != Question.Status.NEW and question.expert_id != expert.pk:
        return refused(_("Another expert has already taken this question."))
    return ALLOWED


def is_assigned_expert(user: Any, question: Question) -> bool:
    expert = expert_of(user)
    return expert is not None and question.expert_id == expert.pk


def can_answer(user: Any, question: Question) -> Decision:
    if not is_assigned_expert(user, question):
        return refused(_("Only the expert who took the question answers it."))
    if question.status != Question.Status.TAKEN:
        return refused(_("The question is not waiting for an answer."))
    return ALLOWED


def can_reply(user: Any, question: Question) -> Decision:
    if not is_asker_side(user, question):
        return refused(_("Only the organisation that asked replies to the expert."))
    if question.status != Question.Status.CLARIFICATION:
        return refused(_("The expert has not asked you anything about this question."))
    return ALLOWED


def can_rate(user: Any, question: Question) -> Decision:
    if not is_asker_side(user, question):
        return refused(_("Only the organisation that asked rates the answer."))
    if question.status != Question.Status.ANSWERED:
        return refused(_("There is no answer to rate yet."))
    return ALLOWED


def can_withdraw(user: Any, question: Question) -> Decision:
    if not is_asker_side(user, question):
        return refused(_("Only the organisation that asked withdraws the question."))
    if question.status != Question.Status.NEW:
        return refused(_("An expert has already taken the question."))
    return ALLOWED


def can_view_file(user: Any, question: Question) -> bool:
    return can_view_question(user, question)


def can_use_desk(user: Any) -> bool:
    return expert_of(user) is not None


def can_edit_expert(user: Any, expert: Expert) -> bool:
    return is_operator(user) or (_signed_in(user) and expert.user_id == user.pk)


# --- operators: overdue questions, the knowledge base -------------------------------------------
def can_oversee(user: Any) -> bool:
    return is_operator(user)


def can_edit_article(user: Any, article: Article | None = None) -> bool:
    return is_operator(user)


def can_publish_question(user: Any, question: Question) -> Decision:
    if not is_operator(user):
        return refused(_("Only operators edit the knowledge base."))
    if question.visibility != Question.Visibility.PUBLIC:
        return refused(_("The asker kept this question private: it cannot be published."))
    if question.status not in (Question.Status.ANSWERED, Question.Status.CLOSED):
        return refused(_("Only an answered question can go to the knowledge base."))
    return ALLOWED


def can_view_article(user: Any, article: Article) -> bool:
    return article.is_published or can_edit_article(user, article)


# --- slots --------------------------------------------------------------------------------------
def can_publish_slots(user: Any) -> bool:
    return expert_of(user) is not None


def can_book(user: Any, slot: Slot, organization: Organization | None = None) -> Decision:
    if not _signed_in(user):
        return refused(_("Log in to book a consultation."))
    if slot.expert.user_id == user.pk:
        return refused(_("This is your own slot."))
    if organization is not None and not is_member(user, organization):
        return refused(_("You can book only for an organisation you belong to."))
    return ALLOWED


def can_cancel_booking(user: Any, slot: Slot) -> bool:
    if not _signed_in(user) or slot.status != Slot.Status.BOOKED:
        return False
    return slot.booked_by_id == user.pk or slot.expert.user_id == user.pk


def can_withdraw_slot(user: Any, slot: Slot) -> bool:
    return _signed_in(user) and slot.expert.user_id == user.pk
