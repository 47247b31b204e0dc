"""Public reads: the apps' own selectors behind each list, the same filters as the pages, cursor
and page pagination, ETags, and the problem shape of every error."""

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from nkohub.grants.tests.factories import CompetitionFactory
from nkohub.organizations.models import Organization
from nkohub.organizations.tests.factories import OrganizationFactory
from nkohub.projects.tests.factories import FairEntryFactory
from nkohub.resources.models import Category, ResourceOffer
from nkohub.resources.tests.factories import OfferFactory

pytestmark = pytest.mark.django_db


def test_the_registry_lists_published_organisations_only(client: Any, ngo: Any) -> None:
    OrganizationFactory.create(is_published=False, full_name="Скрытая организация")
    names = [o["full_name"] for o in client.get("/api/v1/organizations").json()["items"]]
    assert names == [ngo.full_name]


def test_the_registry_filters_by_kind_as_the_directory_does(
    client: Any, ngo: Any, authority: Any
) -> None:
    items = client.get("/api/v1/organizations", {"kind": "authority"}).json()["items"]
    assert [o["id"] for o in items] == [authority.pk]


def test_the_cursor_walks_every_organisation_once(client: Any) -> None:
    made = {o.pk for o in OrganizationFactory.create_batch(5)}
    seen: list[int] = []
    cursor = None
    while True:
        params: dict[str, Any] = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        page = client.get("/api/v1/organizations", params).json()
        seen += [o["id"] for o in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert sorted(seen) == sorted(made)


def test_a_cursor_the_api_did_not_give_is_a_problem_of_400(client: Any) -> None:
    response = client.get("/api/v1/organizations", {"cursor": "bm9wZQ"})
    assert (response.status_code, response.json()["status"]) == (400, 400)


def test_an_invalid_parameter_is_a_problem_of_422_naming_it(client: Any) -> None:
    response = client.get("/api/v1/organizations", {"limit": 1000})
    assert [e["loc"][-1] for e in response.json()["errors"]] == ["limit"]


def test_an_unpublished_organisation_is_a_problem_of_404(client: Any) -> None:
    hidden = OrganizationFactory.create(is_published=False)
    response = client.get(f"/api/v1/organizations/{hidden.pk}")
    assert (response.status_code, response["Content-Type"]) == (404, "application/problem+json")


def test_an_address_with_a_newline_is_a_problem_of_404_too(client: Any) -> None:
    """The catch-all for unknown addresses matches across a %0A (schemathesis found the HTML 404)."""
    response = client.post("/api/v1/offers/a%0Ab/status", {}, content_type="application/json")
    assert (response.status_code, response["Content-Type"]) == (404, "application/problem+json")


def test_an_object_answers_304_to_its_etag(client: Any, ngo: Any) -> None:
    first = client.get(f"/api/v1/organizations/{ngo.pk}")
    again = client.get(f"/api/v1/organizations/{ngo.pk}", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


def test_a_changed_object_has_a_new_etag(client: Any, ngo: Any) -> None:
    first = client.get(f"/api/v1/organizations/{ngo.pk}")["ETag"]
    Organization.objects.filter(pk=ngo.pk).update(description="Помогаем соседям")
    assert client.get(f"/api/v1/organizations/{ngo.pk}")["ETag"] != first


def test_offers_filter_by_category_as_the_catalogue_does(client: Any) -> None:
    van = OfferFactory.create(category=Category.TRANSPORT, title="Микроавтобус")
    OfferFactory.create(category=Category.PREMISES)
    items = client.get("/api/v1/offers", {"category": "transport"}).json()["items"]
    assert [o["id"] for o in items] == [van.pk]


def test_a_draft_offer_is_not_public(client: Any) -> None:
    draft = OfferFactory.create(status=ResourceOffer.Status.DRAFT)
    assert client.get(f"/api/v1/offers/{draft.pk}").status_code == 404


def test_the_fair_lists_accepted_projects(client: Any) -> None:
    entry = FairEntryFactory.create()
    items = client.get("/api/v1/projects").json()["items"]
    assert [p["id"] for p in items] == [entry.project_id]


def test_competitions_filter_by_when(client: Any) -> None:
    today = timezone.localdate()
    open_now = CompetitionFactory.create(
        applications_open_on=today - dt.timedelta(days=3),
        applications_close_on=today + dt.timedelta(days=30),
    )
    CompetitionFactory.create(
        applications_open_on=today + dt.timedelta(days=10),
        applications_close_on=today + dt.timedelta(days=40),
    )
    items = client.get("/api/v1/competitions", {"when": "open"}).json()["items"]
    assert [c["id"] for c in items] == [open_now.pk]


def test_the_reception_records_refuse_a_period_ending_before_it_starts(client: Any) -> None:
    response = client.get(
        "/api/v1/reception/authorities", {"start": "2026-05-01", "end": "2026-01-01"}
    )
    assert response.status_code == 400


@pytest.mark.parametrize("count", [2, 12])
def test_the_registry_costs_the_same_queries_at_any_size(
    client: Any, count: int, django_assert_num_queries: Any
) -> None:
    OrganizationFactory.create_batch(count)
    with django_assert_num_queries(2):  # the page's rows, their spheres
        client.get("/api/v1/organizations", {"limit": 20})


@pytest.mark.parametrize("count", [2, 12])
def test_the_offers_cost_the_same_queries_at_any_size(
    client: Any, count: int, django_assert_num_queries: Any
) -> None:
    OfferFactory.create_batch(count, category=Category.MATERIALS)
    with django_assert_num_queries(1):
        client.get("/api/v1/offers", {"limit": 20})


@pytest.mark.parametrize("count", [1, 6])
def test_the_fair_costs_the_same_queries_at_any_size(
    client: Any, count: int, django_assert_num_queries: Any
) -> None:
    FairEntryFactory.create_batch(count)
    with django_assert_num_queries(5):  # count, rows, spheres, municipalities, needs
        client.get("/api/v1/projects")
