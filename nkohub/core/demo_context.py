"""Demo data: shared context for each app's demo.py.

`manage.py load_demo` calls `load(ctx)` of every app's demo module in INSTALLED_APPS order.
A loader must be idempotent (get_or_create by natural keys, a seeded random), so a second run
changes nothing. Everything it creates is marked as demo.
"""

import random
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings


@dataclass
class DemoContext:
    """What earlier loaders made, for later ones: people by role, organisations by key."""

    rng: random.Random = field(default_factory=lambda: random.Random(20261123))  # noqa: S311
    users: dict[str, Any] = field(default_factory=dict)
    organizations: dict[str, Any] = field(default_factory=dict)
    logins: list[tuple[str, str, str]] = field(default_factory=list)  # (role, email, description)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def password(self) -> str:
        return settings.DEMO_PASSWORD

    def add_login(self, role: str, email: str, description: str) -> None:
        if all(login[1] != email for login in self.logins):
            self.logins.append((role, email, description))
