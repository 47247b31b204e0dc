"""An upcoming in-person event of `ngo` (owner: alice) with 2 places, and people to register for it."""

from typing import Any

import pytest

from nkohub.accounts.tests.factories import UserFactory
from nkohub.events.models import Event
from nkohub.events.tests.factories import EventFactory
from nkohub.organizations.models import Organization


@pytest.fixture
def event(ngo: Organization) -> Event:
    return EventFactory.create(organizer=ngo, title="Стратегическая сессия НКО Калуги", capacity=2)


@pytest.fixture
def people(db: Any) -> list[Any]:
    """Five members of the platform: anna, boris, vera, gleb, dina."""
    return [
        UserFactory.create(email=f"{name}@example.org", full_name=name.title())
        for name in ("anna", "boris", "vera", "gleb", "dina")
    ]
