"""What the writes of the resource bank share: limits, validation, the search text, refreshing suggestions."""

from django.db import connection

from nkohub.core.errors import DomainError, full_clean_or_raise
from nkohub.notifications.background import enqueue_on_commit
from nkohub.resources import text
from nkohub.resources.models import (
    ResourceOffer,
    ResourceRequest,
)

# The services' one way to validate: the first problem as a DomainError on its field.
_full_clean = full_clean_or_raise

MAX_PHOTOS = 10
MAX_BOOKING_HOURS = 24


class BookingConflict(DomainError):
    """The slot overlaps a booking that holds it."""


def _refresh_search(obj: ResourceOffer | ResourceRequest, *parts: str) -> None:
    """Lemmas for SQLite and a tsvector for PostgreSQL, written with the object."""
    joined = " ".join(parts)
    obj.search_lemmas = text.lemma_text(joined)
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchVector
        from django.db.models import Value

        type(obj).objects.filter(pk=obj.pk).update(
            search_vector=SearchVector(Value(parts[0]), weight="A", config="russian")
            + SearchVector(Value(" ".join(parts[1:])), weight="B", config="russian")
        )


def refresh_search_of(obj: ResourceOffer | ResourceRequest) -> None:
    """Recompute the search lemmas and vector of an offer or a request written without a service (demo, bench)."""
    if isinstance(obj, ResourceOffer):
        _refresh_search(obj, obj.title, obj.description)
    else:
        _refresh_search(obj, obj.title, obj.purpose)
    type(obj).objects.filter(pk=obj.pk).update(search_lemmas=obj.search_lemmas)


def _enqueue_refresh(*, offer_id: int | None = None, request_id: int | None = None) -> None:
    from nkohub.resources import tasks

    if offer_id is not None:
        enqueue_on_commit(tasks.refresh_offer_matches, offer_id)
    if request_id is not None:
        enqueue_on_commit(tasks.refresh_request_matches, request_id)
