"""Fixtures of the resource bank: a bookable hall of `ngo` and a second organisation that requests it.

The concurrency tests need a file SQLite database shared by threads; the root conftest.py provides it."""

from typing import Any

import pytest

from nkohub.organizations.models import Membership, Organization
from nkohub.organizations.tests.factories import MembershipFactory, OrganizationFactory
from nkohub.resources.models import Booking, ResourceOffer
from nkohub.resources.tests.factories import BookingFactory, OfferFactory


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


@pytest.fixture
def booking(offer: ResourceOffer, requester: Any, requester_org: Organization) -> Booking:
    """Rita's pending booking of the offer for her organisation."""
    return BookingFactory.create(offer=offer, organization=requester_org, requested_by=requester)
