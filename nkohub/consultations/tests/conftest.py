"""Named people of consultations: an expert in accounting, another expert of the same topic, an expert
of another topic; the asker is `member` of `ngo` (the shared conftest)."""

from typing import Any

import pytest

from nkohub.consultations.models import Expert
from nkohub.consultations.tests.factories import ExpertFactory, competence


@pytest.fixture
def expert(db: Any) -> Expert:
    return ExpertFactory.create(
        user__email="eva@example.org", user__full_name="Ева Экспертова", competences=[competence()]
    )


@pytest.fixture
def rival(db: Any) -> Expert:
    return ExpertFactory.create(user__email="rita@example.org", competences=[competence()])


@pytest.fixture
def lawyer(db: Any) -> Expert:
    return ExpertFactory.create(user__email="leo@example.org", competences=[competence("law")])
