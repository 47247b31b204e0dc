"""Platform-wide rights: the operator flag. Each app decides its own rights in its permissions.py."""

from typing import Any


def is_operator(user: Any) -> bool:
    return bool(
        user and user.is_authenticated and user.is_active and getattr(user, "is_operator", False)
    )


def can_view_audit(user: Any) -> bool:
    return is_operator(user)
