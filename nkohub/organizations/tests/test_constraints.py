"""The database itself keeps the registry's invariants, whatever the Python code does."""

import random
from typing import Any

import pytest
from django.db import IntegrityError, transaction

from nkohub.core.identifiers import make_inn_legal, make_inn_person, make_ogrn
from nkohub.organizations.models import Organization
from nkohub.organizations.tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db
rng = random.Random(7)


def _wrong_last_digit(value: str) -> str:
    return value[:-1] + str((int(value[-1]) + 1) % 10)


def _insert(**fields: object) -> None:
    with transaction.atomic():
        Organization.objects.bulk_create([Organization(full_name="Проверка", **fields)])


def test_valid_identifiers_are_accepted() -> None:
    _insert(inn=make_inn_legal(rng), ogrn=make_ogrn(rng))
    _insert(inn=make_inn_person(rng))
    assert Organization.objects.count() == 2


@pytest.mark.parametrize(
    "fields",
    [
        {"inn": _wrong_last_digit(make_inn_legal(rng))},
        {"inn": _wrong_last_digit(make_inn_person(rng))},
        {"inn": "40ABCDEFGH"},
        {"inn": "40123"},
        {"ogrn": _wrong_last_digit(make_ogrn(rng))},
        {"ogrn": "11240ABC00000"},
        {"ogrn": "1234567"},
    ],
)
def test_database_refuses_an_identifier_with_a_wrong_check_digit(fields: dict[str, str]) -> None:
    with pytest.raises(IntegrityError):
        _insert(**fields)


def test_an_update_cannot_slip_a_bad_ogrn_past_the_database() -> None:
    organization: Any = OrganizationFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Organization.objects.filter(pk=organization.pk).update(
            ogrn=_wrong_last_digit(organization.ogrn)
        )


def test_an_inn_belongs_to_at_most_one_organisation() -> None:
    first = OrganizationFactory()
    with pytest.raises(IntegrityError):
        _insert(inn=first.inn)


def test_an_ogrn_belongs_to_at_most_one_organisation() -> None:
    first = OrganizationFactory()
    with pytest.raises(IntegrityError):
        _insert(ogrn=first.ogrn)


def test_organisations_without_identifiers_may_coexist() -> None:
    _insert()
    _insert()
    assert Organization.objects.filter(inn__isnull=True).count() == 2
