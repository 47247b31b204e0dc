"""What the views of consultations share: fetching with rights checked, running one service."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest

from nkohub.consultations import permissions, selectors
from nkohub.consultations.models import Article, Expert, Question, Slot
from nkohub.core.errors import DomainError, add_domain_error


def _submit(
    request: HttpRequest, form: Any, write: Callable[[dict[str, Any]], Any], success: str
) -> Any:
    """On a valid POST run `write` (one service call): its result, or None when the form is not sent,
    not valid, or the service refused (the reason is then shown on the form)."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        result = write(dict(form.cleaned_data))
    except DomainError as error:
        add_domain_error(form, error, fields=getattr(form, "error_fields", None))
        return None
    messages.success(request, success)
    return result


def _perform(request: HttpRequest, write: Callable[[], Any], success: str) -> bool:
    try:
        write()
    except DomainError as error:
        messages.error(request, error.message)
        return False
    messages.success(request, success)
    return True


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
