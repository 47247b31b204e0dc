"""Writes from outside: an organisation's offers and profile through the apps' own services and
permissions, only with the token of that organisation and the scope for it."""

from typing import Any

import pytest

from nkohub.api.models import Scope
from nkohub.api.tests.factories import bearer, make_token
from nkohub.core.models import AuditEntry
from nkohub.organizations.models import Organization
from nkohub.resources.models import Category, ResourceOffer
from nkohub.resources.tests.factories import OfferFactory
from nkohub.territories.tests.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db


def _offer_body(**extra: Any) -> dict[str, Any]:
    return {
        "category": "equipment",
        "title": "Проектор и экран",
        "description": "Проектор Epson и экран 2×2 м для семинаров.",
        "municipality": MunicipalityFactory.create().pk,
        "publish": True,
        **extra,
    }


def _post(client: Any, path: str, body: dict[str, Any], headers: dict[str, str]) -> Any:
    return client.post(path, data=body, content_type="application/json", **headers)


def _patch(client: Any, path: str, body: dict[str, Any], headers: dict[str, str]) -> Any:
    return client.patch(path, data=body, content_type="application/json", **headers)


def test_an_organisation_publishes_an_offer_with_its_token(
    client: Any, ngo: Any, writer: Any
) -> None:
    response = _post(client, "/api/v1/offers", _offer_body(), writer)
    offer = ResourceOffer.objects.get(pk=response.json()["id"])
    assert (response.status_code, offer.organization_id, offer.status) == (201, ngo.pk, "published")


def test_the_offer_is_in_the_audit_log_under_its_person(
    client: Any, owner: Any, writer: Any
) -> None:
    offer_id = _post(client, "/api/v1/offers", _offer_body(), writer).json()["id"]
    entry = AuditEntry.objects.get(action="resources.offer.create", object_id=str(offer_id))
    assert entry.actor_id == owner.pk


def test_a_write_without_a_token_is_a_problem_of_401(client: Any) -> None:
    response = _post(client, "/api/v1/offers", _offer_body(), {})
    assert (response.status_code, response["WWW-Authenticate"]) == (401, "Bearer")


def test_a_token_without_the_scope_is_refused(client: Any, owner: Any, ngo: Any) -> None:
    _, key = make_token(owner, ngo, [Scope.READ])
    response = _post(client, "/api/v1/offers", _offer_body(), bearer(key))
    assert response.status_code == 403


def test_another_organisations_token_cannot_change_the_offer(
    client: Any, ngo: Any, other_ngo: Any, writer: Any
) -> None:
    theirs = OfferFactory.create(organization=other_ngo, category=Category.MATERIALS)
    response = _patch(client, f"/api/v1/offers/{theirs.pk}", {"title": "Моё теперь"}, writer)
    assert (response.status_code, ResourceOffer.objects.get(pk=theirs.pk).title) == (
        403,
        theirs.title,
    )


def test_the_owner_changes_the_offer(client: Any, ngo: Any, writer: Any) -> None:
    ours = OfferFactory.create(organization=ngo, category=Category.MATERIALS)
    _patch(client, f"/api/v1/offers/{ours.pk}", {"title": "Краски и кисти"}, writer)
    assert ResourceOffer.objects.get(pk=ours.pk).title == "Краски и кисти"


def test_a_service_refusal_of_a_field_is_a_problem_of_422(client: Any, writer: Any) -> None:
    body = _offer_body(available_from="2027-05-10", available_until="2027-05-01")
    response = _post(client, "/api/v1/offers", body, writer)
    assert (response.status_code, response.json()["errors"][0]["loc"]) == (
        422,
        ["body", "available_until"],
    )


def test_a_status_the_offer_cannot_move_to_is_a_problem_of_409(
    client: Any, ngo: Any, writer: Any
) -> None:
    ours = OfferFactory.create(organization=ngo, status=ResourceOffer.Status.PUBLISHED)
    response = _post(client, f"/api/v1/offers/{ours.pk}/status", {"status": "draft"}, writer)
    assert response.status_code == 409


def test_the_organisation_updates_its_profile(client: Any, ngo: Any, writer: Any) -> None:
    _patch(
        client, f"/api/v1/organizations/{ngo.pk}", {"website": "https://dobrye-sosedi.ru"}, writer
    )
    assert Organization.objects.get(pk=ngo.pk).website == "https://dobrye-sosedi.ru"


def test_another_organisations_token_cannot_update_the_profile(
    client: Any, other_ngo: Any, writer: Any
) -> None:
    response = _patch(
        client, f"/api/v1/organizations/{other_ngo.pk}", {"website": "https://x.ru"}, writer
    )
    assert (response.status_code, Organization.objects.get(pk=other_ngo.pk).website) == (403, "")
