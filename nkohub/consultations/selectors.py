"""Reads of consultations: the asker's questions, the expert's desk, the operators' lists, the knowledge
base with its search and suggestions, slots."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from nkohub.consultations import search as kb_search
from nkohub.consultations.models import Article, Competence, Expert, Message, Question, Slot
from nkohub.organizations import search
from nkohub.organizations.models import Organization

LIST_JOINS = ("competence", "organization", "asked_by", "expert__user")


def competences(*, active_only: bool = True) -> QuerySet[Competence]:
    found = Competence.objects.all()
    return found.filter(is_active=True) if active_only else found


def member_organizations(user: Any) -> QuerySet[Organization]:
    """Organisations on whose behalf the person may ask and book: those they belong to."""
    if not user.is_authenticated:
        return Organization.objects.none()
    return Organization.objects.filter(memberships__user=user).distinct().order_by("full_name")


# --- questions ----------------------------------------------------------------------------------
def questions_of(user: Any) -> QuerySet[Question]:
    """Questions of the organisations the person belongs to, newest first."""
    return (
        Question.objects.filter(organization__memberships__user=user)
        .select_related(*LIST_JOINS)
        .order_by("-created_at", "-id")
    )


def question_by_pk(pk: int) -> Question | None:
    return (
        Question.objects.select_related(*LIST_JOINS)
        .prefetch_related(
            Prefetch("messages", queryset=Message.objects.select_related("author")),
            "files",
        )
        .filter(pk=pk)
        .first()
    )


@dataclass(frozen=True)
class Desk:
    queue: QuerySet[Question]
    taken: QuerySet[Question]
    counts: dict[str, int]


def expert_desk(expert: Expert, *, today: date | None = None) -> Desk:
    """The expert's queue (new questions of their topics, the most urgent first), their questions in
    work and how many of those are overdue."""
    today = today or timezone.localdate()
    topic_ids = [competence.pk for competence in expert.competences.all()]
    queue = (
        Question.objects.filter(status=Question.Status.NEW, competence_id__in=topic_ids)
        .select_related(*LIST_JOINS)
        .order_by("due_on", "created_at", "id")
    )
    taken = (
        Question.objects.filter(expert=expert, status__in=Question.OPEN_STATUSES)
        .select_related(*LIST_JOINS)
        .order_by("due_on", "id")
    )
    counts = Question.objects.filter(expert=expert).aggregate(
        open=Count("pk", filter=Q(status__in=Question.OPEN_STATUSES)),
        overdue=Count("pk", filter=Q(status__in=Question.CLOCK_STATUSES, due_on__lt=today)),
        answered=Count("pk", filter=Q(status__in=[Question.Status.ANSWERED, "closed"])),
    )
    counts["queue"] = queue.count()
    return Desk(queue=queue, taken=taken, counts=counts)


def overdue_questions(*, today: date | None = None) -> QuerySet[Question]:
    today = today or timezone.localdate()
    return (
        Question.objects.filter(status__in=Question.CLOCK_STATUSES, due_on__lt=today)
        .select_related(*LIST_JOINS)
        .order_by("due_on", "id")
    )


def publishable_questions() -> QuerySet[Question]:
    """Public answered questions not yet in the knowledge base: the operators' inbox for articles."""
    return (
        Question.objects.filter(
            visibility=Question.Visibility.PUBLIC,
            status__in=[Question.Status.ANSWERED, Question.Status.CLOSED],
        )
        .filter(~Exists(Article.objects.filter(question=OuterRef("pk"))))
        .select_related(*LIST_JOINS)
        .order_by("-answered_at", "-id")
    )


# --- the knowledge base ---------------------------------------------------------------------------
def published_articles() -> QuerySet[Article]:
    return Article.objects.filter(status=Article.Status.PUBLISHED).select_related("competence")


def knowledge_base(*, q: str = "", competence: int | None = None) -> QuerySet[Article]:
    articles = published_articles()
    if competence:
        articles = articles.filter(competence_id=competence)
    if q.strip():
        return kb_search.matching(articles, q)
    return articles.order_by("-published_at", "-id")


def knowledge_base_suggestion(q: str) -> str:
    """«Возможно, вы имели в виду …» from the words of the published articles."""
    vocabulary = search.vocabulary_for(
        "consultations.articles", published_articles(), ("title", "question_text", "body")
    )
    return search.suggestion(q, vocabulary)


def similar_articles(text: str) -> list[Article]:
    """ "Is there already an answer?": published articles sharing the most words with the text."""
    return list(kb_search.similar(published_articles(), text))


def article_by_pk(pk: int) -> Article | None:
    return (
        Article.objects.select_related("competence", "question__expert__user").filter(pk=pk).first()
    )


def draft_articles() -> QuerySet[Article]:
    return (
        Article.objects.filter(status=Article.Status.DRAFT)
        .select_related("competence")
        .order_by("-updated_at", "-id")
    )


# --- slots ------------------------------------------------------------------------------------------
def open_slots(*, competence: int | None = None) -> QuerySet[Slot]:
    slots = Slot.objects.filter(status=Slot.Status.OPEN, starts_at__gt=timezone.now())
    if competence:
        slots = slots.filter(Q(competence_id=competence) | Q(expert__competences=competence))
    return slots.select_related("expert__user", "competence").distinct().order_by("starts_at", "id")


def slots_of_expert(expert: Expert) -> QuerySet[Slot]:
    return (
        Slot.objects.filter(expert=expert, status__in=Slot.HOLDING_STATUSES)
        .filter(ends_at__gt=timezone.now())
        .select_related("competence", "booked_by", "organization")
        .order_by("starts_at", "id")
    )


def bookings_of(user: Any) -> QuerySet[Slot]:
    return (
        Slot.objects.filter(booked_by=user, status=Slot.Status.BOOKED, ends_at__gt=timezone.now())
        .select_related("expert__user", "competence", "organization")
        .order_by("starts_at", "id")
    )


def slot_by_pk(pk: int) -> Slot | None:
    return Slot.objects.select_related("expert__user", "competence").filter(pk=pk).first()


# --- the cabinet -------------------------------------------------------------------------------------
def cabinet_summary(user: Any) -> dict[str, Any]:
    counts = Question.objects.filter(organization__memberships__user=user).aggregate(
        open=Count("pk", distinct=True, filter=Q(status__in=Question.OPEN_STATUSES)),
        waiting=Count(
            "pk", distinct=True, filter=Q(status__in=[Question.Status.CLARIFICATION, "answered"])
        ),
    )
    is_expert = Expert.objects.filter(user=user, is_active=True).exists()
    return {"counts": counts, "is_expert": is_expert}
