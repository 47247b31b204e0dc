"""A media outlet with its journalist, beside the shared named people (owner, editor, outsider, operator)."""

from typing import Any

import pytest

from nkohub.news.tests.factories import journalist, media_outlet
from nkohub.organizations.models import Organization


@pytest.fixture
def outlet(db: Any) -> Organization:
    return media_outlet()


@pytest.fixture
def reporter(outlet: Organization) -> Any:
    return journalist(outlet)


@pytest.fixture
def verified_ngo(ngo: Organization) -> Organization:
    ngo.is_verified = True
    ngo.save(update_fields=["is_verified"])
    return ngo
