"""Reads of webinar recordings: the public list, a recording's page, what an author edits."""

import datetime as dt
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from nkohub.events.models import Event
from nkohub.learning.models import Recording, Topic
from nkohub.organizations import search

SEARCH_FIELDS = ("title", "description", "speakers")


def recordings(*, topic: Topic | None = None, q: str = "") -> QuerySet[Recording]:
    found = (
        Recording.objects.filter(status=Recording.Status.PUBLISHED)
        .select_related("topic")
        .order_by("-held_on", "-pk")
    )
    if topic is not None:
        found = found.filter(topic=topic)
    if q.strip():
        found = found.filter(search.word_forms_condition(SEARCH_FIELDS, q))
    return found


def recordings_suggestion(query: str) -> str:
    vocabulary = search.vocabulary_for(
        "learning.recordings",
        Recording.objects.filter(status=Recording.Status.PUBLISHED),
        SEARCH_FIELDS,
    )
    return search.suggestion(query, vocabulary)


def recording_by_pk(pk: int) -> Recording | None:
    return Recording.objects.select_related("topic", "slides", "event").filter(pk=pk).first()


def recordings_attachable() -> QuerySet[Recording]:
    return Recording.objects.filter(status=Recording.Status.PUBLISHED).order_by("-held_on", "title")


def recordings_edited_by(user: Any, *, everything: bool) -> QuerySet[Recording]:
    found = Recording.objects.order_by("status", "-held_on")
    return found if everything else found.filter(created_by=user)


def recordable_events() -> QuerySet[Event]:
    """The events a recording may belong to: public, not cancelled, already over; newest first,
    those of the last two years (older ones stay linked, they are only not offered)."""
    now = timezone.now()
    return (
        Event.objects.filter(
            audience=Event.Audience.PUBLIC,
            ends_at__lte=now,
            ends_at__gte=now - dt.timedelta(days=730),
        )
        .exclude(status=Event.Status.CANCELLED)
        .order_by("-starts_at")
    )
