"""Operators of the resource centre may manage every model of the platform's own apps in the admin.

The operator flag stays the one source of this right (DESIGN.md): no group to keep in step with it.
Django's own models (users' permissions, groups, sessions) stay with superusers.
"""

from typing import Any

from django.contrib.auth.backends import BaseBackend

OPERATOR_APP_LABELS = frozenset(
    {
        "accounts",
        "core",
        "territories",
        "organizations",
        "notifications",
        "resources",
        "reception",
        "projects",
        "grants",
        "learning",
        "consultations",
        "account",
    }
)


def _is_active_operator(user: Any) -> bool:
    return bool(user.is_active and getattr(user, "is_operator", False))


class OperatorPermissionBackend(BaseBackend):
    def has_perm(self, user_obj: Any, perm: str, obj: Any = None) -> bool:
        app_label = perm.split(".", 1)[0]
        return _is_active_operator(user_obj) and app_label in OPERATOR_APP_LABELS

    def has_module_perms(self, user_obj: Any, app_label: str) -> bool:
        return _is_active_operator(user_obj) and app_label in OPERATOR_APP_LABELS
