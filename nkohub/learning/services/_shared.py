"""What the writes of learning share: validation that speaks the person's language, positions."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Max, QuerySet

from nkohub.core.errors import DomainError

COURSE_FIELDS = ("title", "slug", "topic", "summary", "description", "audience", "format", "hours")
LESSON_FIELDS = ("title", "kind", "body", "embed_url", "recording", "minutes", "position")


def _full_clean(obj: Any, **kwargs: Any) -> None:
    try:
        obj.full_clean(**kwargs)
    except ValidationError as error:
        field, messages = next(iter(error.message_dict.items()))
        raise DomainError(
            " ".join(messages), field=None if field == "__all__" else field
        ) from error


def _next_position(queryset: QuerySet[Any]) -> int:
    return int(queryset.aggregate(top=Max("position"))["top"] or 0) + 1
