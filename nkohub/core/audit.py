"""The audit log: every service write calls `audit_log` inside its transaction."""

from typing import TYPE_CHECKING, Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from nkohub.core.models import AuditEntry

if TYPE_CHECKING:
    from nkohub.accounts.models import User


def _jsonable(value: Any) -> Any:
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [_jsonable(v) for v in value]
    return str(value)


def audit_log(
    *,
    actor: "User | None",
    action: str,
    obj: models.Model | None = None,
    changes: dict[str, Any] | None = None,
) -> AuditEntry:
    """Record that `actor` did `action` to `obj`. `changes` maps a field to [old, new] or a note."""
    entry = AuditEntry(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        changes=_jsonable(changes or {}),
    )
    if obj is not None:
        entry.content_type = ContentType.objects.get_for_model(obj, for_concrete_model=True)
        entry.object_id = str(obj.pk)
        entry.object_repr = str(obj)[:300]
    entry.save()
    return entry


def diff_fields(
    before: models.Model, after: models.Model, fields: list[str]
) -> dict[str, list[Any]]:
    """The fields whose values differ between two states of an object, as {field: [old, new]}."""
    changes: dict[str, list[Any]] = {}
    for name in fields:
        old, new = getattr(before, name), getattr(after, name)
        if old != new:
            changes[name] = [_jsonable(old), _jsonable(new)]
    return changes
