"""Reads of the library: the public catalogue with its filters and Russian search, a material's page
with the published courses that use it, the lists an author and a lesson need.

Search is the registry's (`nkohub.organizations.search`): each material stores the lemmas and roots of
its title, description, tags, file name and text (`search_text`, framed by spaces). PostgreSQL matches
it by full text in the `russian` configuration (a GIN index over the same expression, migration 0004);
SQLite by the terms with LIKE. Every word of the query must match, in any of its forms."""

from typing import Any

from django.db import connection
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from nkohub.learning.models import Course, Lesson, Material, MaterialTag, Topic
from nkohub.organizations import search

SUGGESTION_FIELDS = ("title", "description", "preview_text")


def _published() -> QuerySet[Material]:
    return Material.objects.filter(status=Material.Status.PUBLISHED)


def _matching(materials: QuerySet[Material], q: str) -> QuerySet[Material]:
    parsed = search.parse_query(q)
    if not parsed:
        return materials
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchVector

        return materials.annotate(
            search_vector=SearchVector("search_text", config="russian")
        ).filter(
            search_vector=SearchQuery(
                search.tsquery_for(parsed), search_type="raw", config="russian"
            )
        )
    for word in parsed:
        any_form = Q()
        for term in word.alternatives:
            any_form |= Q(search_text__contains=f" {term}")
        materials = materials.filter(any_form)
    return materials


def library(
    *,
    topic: Topic | None = None,
    tag: MaterialTag | None = None,
    kind: str = "",
    q: str = "",
) -> QuerySet[Material]:
    """Published materials, newest first, with their topics and tags (two queries for a page)."""
    materials = (
        _published()
        .prefetch_related(
            Prefetch("topics", Topic.objects.order_by("position", "name")),
            Prefetch("tags", MaterialTag.objects.order_by("name")),
        )
        .defer("content_text", "search_text")
        .order_by("-published_at", "-pk")
    )
    if topic is not None:
        materials = materials.filter(topics=topic)
    if tag is not None:
        materials = materials.filter(tags=tag)
    if kind:
        materials = materials.filter(kind=kind)
    if q.strip():
        materials = _matching(materials, q)
    return materials


def library_suggestion(query: str) -> str:
    """«Возможно, вы имели в виду …»: from the words published materials show."""
    vocabulary = search.vocabulary_for("learning.materials", _published(), SUGGESTION_FIELDS)
    return search.suggestion(query, vocabulary)


def tags() -> QuerySet[MaterialTag]:
    """Tags of published materials, for the catalogue's filter."""
    return MaterialTag.objects.filter(Exists(_published().filter(tags=OuterRef("pk")))).order_by(
        "name"
    )


def material_by_pk(pk: int) -> Material | None:
    return (
        Material.objects.select_related("created_by")
        .prefetch_related(
            Prefetch("topics", Topic.objects.order_by("position", "name")),
            Prefetch("tags", MaterialTag.objects.order_by("name")),
        )
        .defer("content_text", "search_text")
        .filter(pk=pk)
        .first()
    )


def courses_using(material: Material) -> QuerySet[Course]:
    """Published courses with a lesson (not taken out) that attaches the material, by title."""
    lessons = Lesson.objects.filter(
        module__course=OuterRef("pk"), materials=material, archived_at__isnull=True
    )
    return (
        Course.objects.filter(status=Course.Status.PUBLISHED)
        .filter(Exists(lessons))
        .select_related("topic")
        .order_by("title")
    )


def materials_of_lesson(lesson: Lesson) -> list[Material]:
    """What a lesson's learners see: its published materials."""
    return list(
        lesson.materials.filter(status=Material.Status.PUBLISHED)
        .defer("content_text", "search_text")
        .order_by("title")
    )


def materials_attached(lesson: Lesson) -> list[Material]:
    """What a lesson's authors see: all its materials, drafts included."""
    return list(lesson.materials.defer("content_text", "search_text").order_by("title"))


def materials_attachable() -> QuerySet[Material]:
    return _published().defer("content_text", "search_text").order_by("title")


def materials_edited_by(user: Any, *, everything: bool) -> QuerySet[Material]:
    materials = Material.objects.defer("content_text", "search_text").order_by(
        "status", "-created_at"
    )
    return materials if everything else materials.filter(created_by=user)
