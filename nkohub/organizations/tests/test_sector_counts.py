"""The sector in numbers: the registry's NGOs counted by sphere, legal form, municipality, year of
registration and verification, as the directory counts them (published, of the kind)."""

import datetime
from typing import Any

import pytest

from nkohub.organizations import selectors
from nkohub.organizations.tests.factories import (
    LegalFormFactory,
    OrganizationFactory,
    SphereFactory,
)
from nkohub.territories.tests.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def registry() -> Any:
    culture = SphereFactory.create(code="culture", name="Культура")
    sport = SphereFactory.create(code="sport", name="Спорт")
    fund = LegalFormFactory.create(name="Фонд")
    ano = LegalFormFactory.create(name="Автономная некоммерческая организация")
    town = MunicipalityFactory.create(name="Обнинск")
    first = OrganizationFactory.create(
        legal_form=fund,
        municipality=town,
        is_verified=True,
        registration_date=datetime.date(2015, 3, 1),
    )
    first.spheres.add(culture, sport)
    second = OrganizationFactory.create(
        legal_form=ano, municipality=town, state_registration_date=datetime.date(2015, 6, 1)
    )
    second.spheres.add(culture)
    OrganizationFactory.create(
        legal_form=ano, municipality=None, registration_date=datetime.date(2020, 1, 1)
    )
    OrganizationFactory.create(is_published=False, legal_form=fund)  # not in the registry's count
    OrganizationFactory.create(kind="business", legal_form=fund)  # not an NGO
    return None


def _pairs(rows: list[selectors.CountRow]) -> list[tuple[str, int]]:
    return [(row.label, row.count) for row in rows]


def test_an_organisation_counts_in_each_of_its_spheres(registry: None) -> None:
    assert _pairs(selectors.count_by_sphere()) == [("Культура", 2), ("Спорт", 1)]


def test_legal_forms_biggest_first(registry: None) -> None:
    assert _pairs(selectors.count_by_legal_form()) == [
        ("Автономная некоммерческая организация", 2),
        ("Фонд", 1),
    ]


def test_an_organisation_without_a_municipality_is_counted_as_unknown(registry: None) -> None:
    assert _pairs(selectors.count_by_municipality()) == [("Обнинск", 2), ("не указан", 1)]


def test_the_year_is_the_registration_or_else_the_state_registration(registry: None) -> None:
    assert selectors.count_by_registration_year() == [(2015, 2), (2020, 1)]


def test_verified_and_not_add_up_to_the_registry_count(registry: None) -> None:
    verified, not_verified = selectors.count_verified()
    assert (verified, not_verified) == (1, 2)
    assert verified + not_verified == selectors.registry_count()


def test_the_breakdown_agrees_with_the_single_counts(registry: None) -> None:
    breakdown = selectors.sector_breakdown()
    assert _pairs(breakdown.by_legal_form) == _pairs(selectors.count_by_legal_form())
    assert _pairs(breakdown.by_municipality) == _pairs(selectors.count_by_municipality())
    assert breakdown.by_year == selectors.count_by_registration_year()
    assert (breakdown.verified, breakdown.not_verified) == selectors.count_verified()
