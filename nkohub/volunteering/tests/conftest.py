"""A call of the NGO «Добрые соседи» (its owner alice, editor bob) and a volunteer, dana."""

from typing import Any

import pytest

from nkohub.accounts.tests.factories import UserFactory
from nkohub.organizations.models import Organization
from nkohub.volunteering.models import VolunteerCall
from nkohub.volunteering.tests.factories import VolunteerCallFactory, skill


@pytest.fixture
def call(ngo: Organization, owner: Any) -> VolunteerCall:
    call = VolunteerCallFactory.create(
        organization=ngo,
        created_by=owner,
        title="Доставка продуктовых наборов пожилым людям",
        places=2,
    )
    call.skills.set([skill("driving"), skill("elderly")])
    return call


@pytest.fixture
def volunteer(db: Any) -> Any:
    return UserFactory.create(email="dana@example.org", full_name="Дарья Волонтёрова")
