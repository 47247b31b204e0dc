"""What the views of consultations share: fetching with rights checked, running one service."""

from typing import Any

from django.http import Http404

from nkohub.consultations import permissions, selectors
from nkohub.consultations.models import Article, Expert, Question, Slot


def _question(user: Any, pk: int) -> Question:
    """The question for its page: 404 to anyone who may not see it."""
    question = selectors.question_by_pk(pk)
    if question is None or not permissions.can_view_question(user, question):
        raise Http404
    return question


def _expert(user: Any) -> Expert:
    """The signed-in expert, or 404 (the desk is not a page for anyone else)."""
    expert = permissions.expert_of(user)
    if expert is None:
        raise Http404
    return expert


def _article(user: Any, pk: int) -> Article:
    article = selectors.article_by_pk(pk)
    if article is None or not permissions.can_view_article(user, article):
        raise Http404
    return article


def _slot(pk: int) -> Slot:
    slot = selectors.slot_by_pk(pk)
    if slot is None:
        raise Http404
    return slot
