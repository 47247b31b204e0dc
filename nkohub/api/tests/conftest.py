from typing import Any

import pytest

from nkohub.api.models import Scope
from nkohub.api.tests.factories import bearer, make_token


@pytest.fixture
def writer_key(owner: Any, ngo: Any) -> str:
    """The NGO owner's token for offers and the profile."""
    return make_token(owner, ngo, [Scope.READ, Scope.OFFERS_WRITE, Scope.PROFILE_WRITE])[1]


@pytest.fixture
def writer(writer_key: str) -> dict[str, str]:
    return bearer(writer_key)
