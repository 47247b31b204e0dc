"""`organization_from_fund_card`: the registry's side of importing a Fund project card."""

from typing import Any

import pytest

from nkohub.core.errors import DomainError
from nkohub.core.models import AuditEntry
from nkohub.organizations.models import Organization
from nkohub.organizations.services import organization_from_fund_card
from nkohub.organizations.tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db

# Identifiers with valid check digits (the Fund's card of «ЛУКОМОРЬЕ», Belgorod region).
INN, OGRN = "3100017116", "1233100005555"
NAME = (
    "МЕСТНАЯ ОБЩЕСТВЕННАЯ ОРГАНИЗАЦИЯ ТЕРРИТОРИАЛЬНОЕ ОБЩЕСТВЕННОЕ САМОУПРАВЛЕНИЕ "
    '"ЛУКОМОРЬЕ" СЕЛА СМОРОДИНО'
)


def test_a_missing_organisation_is_created_with_the_legal_form_of_its_name(
    operator: Any, reference_data: None
) -> None:
    result = organization_from_fund_card(
        actor=operator, full_name=NAME, inn=INN, ogrn=OGRN, card_number="26-2-007316"
    )
    assert result.action == "created"
    organization = Organization.objects.get(ogrn=OGRN)
    assert organization.full_name == NAME
    assert organization.legal_form is not None
    assert organization.legal_form.name == "Общественная организация"  # not «ТОС» further on
    assert organization.source == Organization.Source.FUND_CARD
    assert organization.source_id == "26-2-007316"
    assert organization.search_text  # the registry's search finds it
    assert AuditEntry.objects.filter(
        action="organizations.organization.create_from_fund_card"
    ).exists()


def test_the_organisation_is_found_by_ogrn_and_its_missing_inn_filled_in() -> None:
    known: Any = OrganizationFactory(ogrn=OGRN, inn=None, full_name="Лукоморье")
    result = organization_from_fund_card(actor=None, full_name=NAME, inn=INN, ogrn=OGRN)
    assert (result.organization, result.action) == (known, "updated")
    known.refresh_from_db()
    assert known.inn == INN
    assert known.full_name == "Лукоморье"  # the registry's name is kept


def test_a_card_whose_inn_differs_from_the_registry_keeps_the_registry_and_says_so() -> None:
    known: Any = OrganizationFactory(ogrn=OGRN)
    result = organization_from_fund_card(actor=None, full_name=NAME, inn=INN, ogrn=OGRN)
    assert result.action == "found"
    assert "не совпадает с реестром" in result.notes[0]
    known.refresh_from_db()
    assert known.inn != INN


def test_ogrn_and_inn_of_two_organisations_are_refused() -> None:
    OrganizationFactory(ogrn=OGRN, inn=None)
    OrganizationFactory(inn=INN, ogrn=None)
    with pytest.raises(DomainError, match="разным организациям"):
        organization_from_fund_card(actor=None, full_name=NAME, inn=INN, ogrn=OGRN)


def test_an_identifier_with_a_wrong_check_digit_is_refused_as_everywhere() -> None:
    with pytest.raises(DomainError):
        organization_from_fund_card(actor=None, full_name=NAME, inn="3100017117", ogrn=None)
    assert not Organization.objects.exists()


def test_without_a_name_nothing_is_created() -> None:
    with pytest.raises(DomainError, match="название"):
        organization_from_fund_card(actor=None, full_name=" ", inn=INN, ogrn=OGRN)


def test_a_person_who_is_not_an_operator_is_refused(owner: Any) -> None:
    with pytest.raises(DomainError, match="оператор"):
        organization_from_fund_card(actor=owner, full_name=NAME, inn=INN, ogrn=OGRN)
    assert not Organization.objects.filter(ogrn=OGRN).exists()
