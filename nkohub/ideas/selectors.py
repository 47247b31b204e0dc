"""Reads of the idea bank: the public list with its filters and search, an idea's page, the ideas
addressed to an authority, what a person supports."""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, Q, QuerySet

from nkohub.ideas.models import Idea, IdeaComment, IdeaEvent
from nkohub.organizations import search
from nkohub.organizations.models import Organization

SEARCH_FIELDS = ("title", "problem", "proposal")
LIST_JOINS = ("municipality", "sphere", "addressee")
SORTS = {"supports": ("-supports_count", "-id"), "new": ("-created_at", "-id")}


@dataclass(frozen=True)
class IdeaFilters:
    q: str = ""
    status: str = ""
    municipality: int | None = None
    sphere: int | None = None
    addressee: int | None = None
    sort: str = "supports"


def ideas_list(filters: IdeaFilters) -> QuerySet[Idea]:
    ideas = Idea.objects.all()
    if filters.q:
        ideas = ideas.filter(search.word_forms_condition(SEARCH_FIELDS, filters.q))
    if filters.status:
        ideas = ideas.filter(status=filters.status)
    if filters.municipality:
        ideas = ideas.filter(municipality_id=filters.municipality)
    if filters.sphere:
        ideas = ideas.filter(sphere_id=filters.sphere)
    if filters.addressee:
        ideas = ideas.filter(addressee_id=filters.addressee)
    return ideas.select_related(*LIST_JOINS).order_by(*SORTS.get(filters.sort, SORTS["supports"]))


def ideas_suggestion(q: str) -> str:
    """«Возможно, вы имели в виду …» from the words of the ideas themselves."""
    vocabulary = search.vocabulary_for("ideas.ideas", Idea.objects.all(), SEARCH_FIELDS)
    return search.suggestion(q, vocabulary)


def supported_among(user: Any, ideas: Iterable[Idea]) -> set[int]:
    """Which of these ideas (a page of them) the person supports: one query."""
    ids = [idea.pk for idea in ideas]
    if not ids or not user.is_authenticated:
        return set()
    return set(user.idea_supports.filter(idea_id__in=ids).values_list("idea_id", flat=True))


def is_supported(user: Any, idea: Idea) -> bool:
    return bool(user.is_authenticated and user.idea_supports.filter(idea=idea).exists())


def idea_detail(pk: int) -> Idea | None:
    return (
        Idea.objects.select_related(
            "author", "municipality", "sphere", "addressee", "appeal__authority"
        )
        .prefetch_related(
            Prefetch(
                "events",
                queryset=IdeaEvent.objects.select_related("actor").order_by("created_at", "id"),
            )
        )
        .filter(pk=pk)
        .first()
    )


def comments_of(idea: Idea, *, with_hidden: bool) -> QuerySet[IdeaComment]:
    """The visible comments; operators also see the hidden ones (marked, with the reason)."""
    comments = idea.comments.select_related("author", "hidden_by")
    return comments if with_hidden else comments.filter(hidden_at__isnull=True)


def comment_of(idea: Idea, pk: int) -> IdeaComment | None:
    return idea.comments.select_related("author", "idea").filter(pk=pk).first()


def addressed_to(authority: Organization, *, status: str = "") -> QuerySet[Idea]:
    """Ideas addressed to an authority, those waiting for an answer first, then the most supported."""
    ideas = Idea.objects.filter(addressee=authority)
    if status:
        ideas = ideas.filter(status=status)
    return ideas.select_related(*LIST_JOINS, "appeal").order_by("-supports_count", "-id")


def authorities_with_ideas() -> QuerySet[Organization]:
    """The addressees the list's filter offers: authorities some idea is addressed to."""
    return (
        Organization.objects.filter(
            Q(addressed_ideas__isnull=False), kind=Organization.Kind.AUTHORITY
        )
        .distinct()
        .order_by("full_name")
    )


def ideas_of_author(user: Any) -> QuerySet[Idea]:
    if not user.is_authenticated:
        return Idea.objects.none()
    return Idea.objects.filter(author=user).select_related(*LIST_JOINS).order_by("-created_at")


def cabinet_summary(user: Any) -> dict[str, Any]:
    """«Мой кабинет»: how many ideas the person proposed and supports; officials get their list."""
    from nkohub.reception.permissions import authorities_user_serves

    return {
        "proposed": Idea.objects.filter(author=user).count(),
        "supported": user.idea_supports.count(),
        "serves": authorities_user_serves(user).exists(),
    }
