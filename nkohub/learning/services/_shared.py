"""What the writes of learning share: validation that speaks the person's language, positions."""

from typing import Any

from django.db.models import Max, QuerySet
from django.utils import timezone
from django.utils.functional import Promise

from nkohub.core.audit import audit_log
from nkohub.core.errors import DomainError, full_clean_or_raise

# The services' one way to validate: the first problem as a DomainError on its field.
_full_clean = full_clean_or_raise

COURSE_FIELDS = ("title", "slug", "topic", "summary", "description", "audience", "format", "hours")
LESSON_FIELDS = ("title", "kind", "body", "embed_url", "recording", "minutes", "position")


def _next_position(queryset: QuerySet[Any]) -> int:
    return int(queryset.aggregate(top=Max("position"))["top"] or 0) + 1


def _move_status(obj: Any, status: str, *, actor: Any, action: str, refusal: str | Promise) -> None:
    """Draft ⇄ published for a material or a recording: the transition checked against the model's
    TRANSITIONS, the first publication dated, the change audited."""
    if status not in type(obj).TRANSITIONS.get(obj.status, ()):
        raise DomainError(refusal)
    old = obj.status
    if status == "published":
        obj.published_at = obj.published_at or timezone.now()
    obj.status = status
    obj.save(update_fields=["status", "published_at", "updated_at"])
    audit_log(actor=actor, action=action, obj=obj, changes={"status": [old, status]})
