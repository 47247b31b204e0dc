from typing import Any

import pytest

from nkohub.grants.tests.factories import FunderFactory
from nkohub.territories.tests.factories import RegionFactory


@pytest.fixture
def funder(db: Any) -> Any:
    return FunderFactory.create()


@pytest.fixture
def region(db: Any) -> Any:
    return RegionFactory.create(code="40", name="Калужская область")


@pytest.fixture
def comparison_region(db: Any) -> Any:
    return RegionFactory.create(code="31", name="Белгородская область")
