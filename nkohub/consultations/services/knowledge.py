"""The knowledge base: an operator turns a public answered question into an article and publishes it."""

from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from nkohub.consultations.models import Article, Competence, Question
from nkohub.consultations.search import article_search_text
from nkohub.core.audit import audit_log
from nkohub.core.errors import DomainError

from ._shared import _full_clean

if TYPE_CHECKING:
    from nkohub.accounts.models import User

ANSWERED = (Question.Status.ANSWERED, Question.Status.CLOSED)


@transaction.atomic
def article_from_question(*, actor: "User", question: Question) -> Article:
    """A draft article from a public answered question (the same one again when it already has one)."""
    existing = Article.objects.filter(question=question).first()
    if existing is not None:
        return existing
    if question.visibility != Question.Visibility.PUBLIC:
        raise DomainError(_("The asker kept this question private: it cannot be published."))
    if question.status not in ANSWERED:
        raise DomainError(_("Only an answered question can go to the knowledge base."))
    article = Article(
        question=question,
        competence=question.competence,
        title=question.title,
        question_text=question.text,
        body=question.answer,
        edited_by=actor,
    )
    _save(article)
    audit_log(actor=actor, action="consultations.article.create", obj=article)
    return article


def _save(article: Article) -> None:
    article.search_text = article_search_text(article.title, article.question_text, article.body)
    _full_clean(article)
    article.save()


@transaction.atomic
def article_update(
    *,
    actor: "User",
    article: Article,
    title: str,
    competence: Competence,
    question_text: str,
    body: str,
    publish: bool,
) -> Article:
    old_status = article.status
    article.title, article.competence = title.strip(), competence
    article.question_text, article.body = question_text.strip(), body.strip()
    article.edited_by = actor
    if publish and not article.is_published:
        article.status, article.published_at = Article.Status.PUBLISHED, timezone.now()
    elif not publish:
        article.status = Article.Status.DRAFT
    _save(article)
    audit_log(
        actor=actor,
        action="consultations.article.update",
        obj=article,
        changes={"status": [old_status, article.status]} if old_status != article.status else {},
    )
    return article
