"""Heavy reads go to the read replica when one is configured: a second connection ("replica", a test
mirror of the primary's test database) must receive the registry search, the exports and the open data,
while writes, reads after a write, sessions and accounts, and every other page stay on the primary."""

from collections.abc import Iterator
from typing import Any

import pytest
from django.db import connection, connections
from django.db.utils import load_backend
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from nkohub.core import db_router
from nkohub.core.db_router import REPLICA, heavy_reads
from nkohub.organizations.models import Organization
from nkohub.organizations.tests.factories import OrganizationFactory

# The replica's own connection sees committed rows only, hence transactions of their own.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def replica(settings: Any, monkeypatch: Any) -> Iterator[Any]:
    """DATABASE_REPLICA_URL's alias as settings.py makes it: a second connection to the primary's test
    database (what TEST MIRROR does), opened as a connection of its own."""
    mirror = {
        **connection.settings_dict,
        "TEST": {**connection.settings_dict["TEST"], "MIRROR": "default"},
    }
    wrapper = load_backend(mirror["ENGINE"]).DatabaseWrapper(mirror, alias=REPLICA)
    connections[REPLICA] = wrapper
    monkeypatch.setattr(db_router, "replica_configured", lambda: True)
    settings.DATABASE_ROUTERS = ["nkohub.core.db_router.ReplicaRouter"]
    try:
        yield wrapper
    finally:
        wrapper.close()
        del connections[REPLICA]


def _tables(queries: CaptureQueriesContext) -> str:
    return "\n".join(query["sql"] for query in queries.captured_queries)


def _get(client: Client, url: str, replica: Any) -> tuple[Any, str, str]:
    with (
        CaptureQueriesContext(replica) as on_replica,
        CaptureQueriesContext(connection) as on_primary,
    ):
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)  # type: ignore[attr-defined]
    return response, _tables(on_replica), _tables(on_primary)


def test_the_registry_search_reads_the_organisations_from_the_replica(
    client: Client, replica: Any
) -> None:
    organization = OrganizationFactory(short_name="АНО «Реплика»", full_name="АНО «Реплика»")
    response, on_replica, on_primary = _get(
        client, reverse("organizations:directory") + "?q=Реплика", replica
    )
    assert response.status_code == 200
    assert organization.short_name in response.content.decode()
    assert "organizations_organization" in on_replica
    assert "organizations_organization" not in on_primary


def test_exports_and_open_data_read_from_the_replica(client: Client, replica: Any) -> None:
    OrganizationFactory()
    response, on_replica, on_primary = _get(client, reverse("organizations:export"), replica)
    assert response.status_code == 200
    assert "organizations_organization" in on_replica
    assert "organizations_organization" not in on_primary
    response, on_replica, _ = _get(client, reverse("opendata:index"), replica)
    assert response.status_code == 200


def test_a_signed_in_person_is_read_from_the_primary_even_on_a_heavy_page(
    client: Client, replica: Any, member: Any
) -> None:
    client.force_login(member)
    response, on_replica, on_primary = _get(client, reverse("organizations:directory"), replica)
    assert response.status_code == 200
    assert "django_session" in on_primary
    assert "accounts_user" in on_primary
    assert "django_session" not in on_replica
    assert "accounts_user" not in on_replica


def test_other_pages_and_every_write_stay_on_the_primary(client: Client, replica: Any) -> None:
    organization: Any = OrganizationFactory()
    _response, on_replica, _ = _get(client, "/", replica)
    assert on_replica == ""
    _response, on_replica, _ = _get(
        client, reverse("organizations:detail", args=[organization.pk]), replica
    )
    assert on_replica == ""
    with CaptureQueriesContext(replica) as on_replica_post:
        client.post(reverse("organizations:directory"), {"q": "x"})
    assert on_replica_post.captured_queries == []


def test_a_read_after_a_write_in_a_heavy_block_goes_to_the_primary(replica: Any) -> None:
    organization: Any = OrganizationFactory()
    with heavy_reads(), CaptureQueriesContext(replica) as on_replica:
        assert Organization.objects.filter(pk=organization.pk).exists()
        assert len(on_replica.captured_queries) == 1
        Organization.objects.filter(pk=organization.pk).update(short_name="АНО «Новое имя»")
        assert Organization.objects.get(pk=organization.pk).short_name == "АНО «Новое имя»"
        assert len(on_replica.captured_queries) == 1
    with CaptureQueriesContext(replica) as outside:
        Organization.objects.count()
    assert outside.captured_queries == []


def test_without_a_replica_the_router_and_middleware_change_nothing(client: Client) -> None:
    assert not db_router.replica_configured()
    with heavy_reads():
        assert db_router.ReplicaRouter().db_for_read(Organization) == "default"
    assert client.get(reverse("organizations:directory")).status_code == 200


def test_the_replica_is_never_migrated() -> None:
    router = db_router.ReplicaRouter()
    assert router.allow_migrate("default", "organizations")
    assert not router.allow_migrate(REPLICA, "organizations")


@pytest.mark.parametrize(
    ("view_name", "namespace", "heavy"),
    [
        ("organizations:directory", "organizations", True),
        ("organizations:detail", "organizations", False),
        ("opendata:file", "opendata", True),
        ("analytics:dashboard", "analytics", True),
        ("analyticsx:page", "analyticsx", False),
        ("core:home", "core", False),
    ],
)
def test_heavy_views_are_matched_by_name_or_namespace(
    view_name: str, namespace: str, heavy: bool
) -> None:
    assert db_router.is_heavy_view(view_name, namespace) is heavy
