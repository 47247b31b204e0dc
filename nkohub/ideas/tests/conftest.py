"""Fixtures of the idea bank: an idea of the NGO's member addressed to the ministry, and supporters."""

from collections.abc import Callable
from typing import Any

import pytest

from nkohub.accounts.tests.factories import UserFactory
from nkohub.ideas.models import Idea
from nkohub.ideas.tests.factories import IdeaFactory
from nkohub.organizations.models import Organization


@pytest.fixture
def idea(member: Any, authority: Organization) -> Idea:
    return IdeaFactory.create(
        author=member, addressee=authority, title="Пандус у поликлиники на Московской"
    )


@pytest.fixture
def people(db: Any) -> Callable[[int], list[Any]]:
    def make(count: int) -> list[Any]:
        return [UserFactory.create(password=None) for _ in range(count)]

    return make
