"""The resource bank's tests use a file SQLite database, so that threads in the concurrency tests share it
(an in-memory database in shared-cache mode fails writers at once instead of queueing them)."""

from typing import Any

import pytest

from nkohub.organizations.models import Membership, Organization
from nkohub.organizations.tests.factories import MembershipFactory, OrganizationFactory
from nkohub.resources.models import ResourceOffer
from nkohub.resources.tests.factories import OfferFactory


@pytest.fixture(scope="session")
def django_db_modify_db_settings(
    django_db_modify_db_settings_parallel_suffix: None, tmp_path_factory: Any
) -> None:
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        database.setdefault("TEST", {})["NAME"] = str(
            tmp_path_factory.mktemp("resources-db") / "test.sqlite3"
        )


@pytest.fixture
def offer(ngo: Organization, owner: Any) -> ResourceOffer:
    """A published hall of `ngo` (owner: alice), open every day 08:00–22:00."""
    return OfferFactory.create(organization=ngo, created_by=owner, municipality=ngo.municipality)


@pytest.fixture
def requester_org(db: Any) -> Organization:
    return OrganizationFactory.create(
        full_name="Благотворительный фонд «Калужский край»", short_name="Фонд «Калужский край»"
    )


@pytest.fixture
def requester(requester_org: Organization) -> Any:
    """Rita, owner of the requesting organisation."""
    return MembershipFactory.create(
        organization=requester_org, role=Membership.Role.OWNER, user__email="rita@example.org"
    ).user
