"""Partnerships (request → accept by the other side, shown on both profiles), coalitions (invite →
accept, announcements by members only), internships (request by another NGO's staff, places kept)."""

from typing import Any

import pytest
from django.db import connection
from django.urls import reverse

from nkohub.accounts.tests.factories import UserFactory
from nkohub.core.errors import DomainError
from nkohub.core.tests.concurrency import race
from nkohub.organizations.models import Membership, Organization
from nkohub.organizations.tests.factories import MembershipFactory, OrganizationFactory
from nkohub.volunteering import services
from nkohub.volunteering.models import (
    Alliance,
    CoalitionAnnouncement,
    CoalitionMember,
    InternshipRequest,
)
from nkohub.volunteering.tests.factories import (
    AllianceFactory,
    InternshipFactory,
    InternshipRequestFactory,
    coalition,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_owner(other_ngo: Organization) -> Any:
    return MembershipFactory.create(
        organization=other_ngo, role=Membership.Role.OWNER, user__email="erin@example.org"
    ).user


def test_an_owner_proposes_a_partnership(
    client: Any, owner: Any, ngo: Organization, other_ngo: Organization
) -> None:
    client.force_login(owner)
    client.post(
        reverse("volunteering:alliance_propose", args=[other_ngo.pk]),
        {"proposer": ngo.pk, "description": "Вместе развозим продукты."},
    )
    alliance = Alliance.objects.get(proposer=ngo, partner=other_ngo)
    assert alliance.status == Alliance.Status.REQUESTED


def test_a_person_of_no_organisation_cannot_propose(
    client: Any, outsider: Any, other_ngo: Organization
) -> None:
    client.force_login(outsider)
    url = reverse("volunteering:alliance_propose", args=[other_ngo.pk])
    assert client.get(url).status_code == 403


def test_the_same_pair_is_asked_once_whichever_side(
    owner: Any, other_owner: Any, ngo: Organization, other_ngo: Organization
) -> None:
    services.alliance_propose(actor=owner, proposer=ngo, partner=other_ngo, description="a")
    with pytest.raises(DomainError, match="уже есть партнёрство"):
        services.alliance_propose(
            actor=other_owner, proposer=other_ngo, partner=ngo, description="b"
        )


def test_the_proposer_cannot_accept_its_own_request(
    client: Any, owner: Any, ngo: Organization, other_ngo: Organization
) -> None:
    alliance = AllianceFactory.create(proposer=ngo, partner=other_ngo)
    client.force_login(owner)
    url = reverse("volunteering:alliance_answer", args=[alliance.pk])
    assert client.post(url, {"decision": "accept"}).status_code == 403


def test_an_outsider_cannot_see_an_alliance_to_answer(
    client: Any, outsider: Any, ngo: Organization, other_ngo: Organization
) -> None:
    alliance = AllianceFactory.create(proposer=ngo, partner=other_ngo)
    client.force_login(outsider)
    url = reverse("volunteering:alliance_answer", args=[alliance.pk])
    assert client.post(url, {"decision": "accept"}).status_code == 404


def test_an_accepted_partnership_shows_on_both_profiles(
    client: Any, other_owner: Any, ngo: Organization, other_ngo: Organization
) -> None:
    alliance = AllianceFactory.create(proposer=ngo, partner=other_ngo)
    client.force_login(other_owner)
    client.post(reverse("volunteering:alliance_answer", args=[alliance.pk]), {"decision": "accept"})
    client.logout()
    mine = client.get(reverse("organizations:detail", args=[ngo.pk])).content.decode()
    theirs = client.get(reverse("organizations:detail", args=[other_ngo.pk])).content.decode()
    assert ("БФ «Другой»" in mine, "АНО «Добрые соседи»" in theirs) == (True, True)


def test_a_request_not_yet_accepted_is_not_shown(
    client: Any, ngo: Organization, other_ngo: Organization
) -> None:
    AllianceFactory.create(proposer=ngo, partner=other_ngo)
    content = client.get(reverse("organizations:detail", args=[ngo.pk])).content.decode()
    assert "Партнёры" not in content


def test_a_coalition_invites_and_the_invited_joins(
    client: Any, owner: Any, other_owner: Any, ngo: Organization, other_ngo: Organization
) -> None:
    made = services.coalition_create(
        actor=owner, founder=ngo, title="Калужская коалиция помощи пожилым", description="Вместе."
    )
    client.force_login(owner)
    client.post(
        reverse("volunteering:coalition_invite", args=[made.pk]), {"organization": other_ngo.pk}
    )
    invitation = CoalitionMember.objects.get(coalition=made, organization=other_ngo)
    client.force_login(other_owner)
    client.post(
        reverse("volunteering:coalition_answer", args=[made.pk, invitation.pk]),
        {"decision": "accept"},
    )
    invitation.refresh_from_db()
    assert invitation.status == CoalitionMember.Status.MEMBER


def test_only_the_founder_invites(
    client: Any, other_owner: Any, ngo: Organization, other_ngo: Organization
) -> None:
    made = coalition(founder=ngo)
    client.force_login(other_owner)
    url = reverse("volunteering:coalition_invite", args=[made.pk])
    assert client.post(url, {"organization": other_ngo.pk}).status_code == 403


def test_the_inviter_cannot_answer_for_the_invited(
    client: Any, owner: Any, ngo: Organization, other_ngo: Organization
) -> None:
    made = coalition(founder=ngo)
    invitation = CoalitionMember.objects.create(coalition=made, organization=other_ngo)
    client.force_login(owner)
    url = reverse("volunteering:coalition_answer", args=[made.pk, invitation.pk])
    assert client.post(url, {"decision": "accept"}).status_code == 404


def test_members_post_announcements_and_the_page_shows_them(
    client: Any, owner: Any, ngo: Organization
) -> None:
    made = coalition(founder=ngo)
    client.force_login(owner)
    client.post(
        reverse("volunteering:announce", args=[made.pk]),
        {"organization": ngo.pk, "text": "Собираем тёплые вещи до 20 декабря."},
    )
    page = client.get(made.get_absolute_url()).content.decode()
    assert "Собираем тёплые вещи до 20 декабря." in page


def test_a_non_member_cannot_announce(
    client: Any, other_owner: Any, ngo: Organization, other_ngo: Organization
) -> None:
    made = coalition(founder=ngo)
    client.force_login(other_owner)
    url = reverse("volunteering:announce", args=[made.pk])
    response = client.post(url, {"organization": other_ngo.pk, "text": "Реклама"})
    assert (response.status_code, CoalitionAnnouncement.objects.count()) == (403, 0)


@pytest.mark.parametrize("count", [2, 12])
def test_the_coalitions_list_costs_the_same_queries(
    client: Any, django_assert_num_queries: Any, count: int
) -> None:
    for _ in range(count):
        coalition()
    client.get(reverse("volunteering:coalitions"))
    with django_assert_num_queries(2):
        client.get(reverse("volunteering:coalitions"))


@pytest.mark.parametrize("count", [2, 12])
def test_the_internships_list_costs_the_same_queries(
    client: Any, django_assert_num_queries: Any, count: int
) -> None:
    InternshipFactory.create_batch(count)
    client.get(reverse("volunteering:internships"))
    with django_assert_num_queries(2):
        client.get(reverse("volunteering:internships"))


def test_staff_of_another_ngo_request_an_internship(
    client: Any, other_owner: Any, ngo: Organization, other_ngo: Organization
) -> None:
    internship = InternshipFactory.create(host=ngo)
    client.force_login(other_owner)
    client.post(
        reverse("volunteering:internship_request", args=[internship.pk]),
        {"organization": other_ngo.pk, "message": "Хотим перенять опыт."},
    )
    assert InternshipRequest.objects.get(internship=internship).organization == other_ngo


def test_a_person_of_no_ngo_cannot_request(client: Any, outsider: Any) -> None:
    internship = InternshipFactory.create()
    client.force_login(outsider)
    url = reverse("volunteering:internship_request", args=[internship.pk])
    assert client.post(url, {"message": "Возьмите"}).status_code == 403


def test_an_outsider_cannot_decide_a_request(client: Any, outsider: Any, ngo: Organization) -> None:
    request = InternshipRequestFactory.create(internship=InternshipFactory.create(host=ngo))
    client.force_login(outsider)
    url = reverse("volunteering:internship_decide", args=[request.internship.pk, request.pk])
    assert client.post(url, {"decision": "accept"}).status_code == 404


def test_the_host_accepts_within_the_places(owner: Any, ngo: Organization) -> None:
    internship = InternshipFactory.create(host=ngo, places=1)
    first, second = InternshipRequestFactory.create_batch(2, internship=internship)
    services.internship_decide(actor=owner, request=first, accept=True)
    with pytest.raises(DomainError, match="Все места на этой стажировке заняты"):
        services.internship_decide(actor=owner, request=second, accept=True)


@pytest.mark.django_db(transaction=True)
def test_eight_decisions_at_once_fill_two_places_only() -> None:
    name = str(connection.settings_dict["NAME"])
    assert connection.vendor != "sqlite" or "memory" not in name, "needs a file database"
    internship = InternshipFactory.create(places=2, host=OrganizationFactory.create())
    operator = UserFactory.create(is_operator=True, password=None)
    requests = [InternshipRequestFactory.create(internship=internship) for _ in range(8)]
    outcomes = race(
        8, lambda i: services.internship_decide(actor=operator, request=requests[i], accept=True).pk
    )
    assert outcomes.unexpected(DomainError) == {}, outcomes.report()
    internship.refresh_from_db()
    assert (len(outcomes.results), internship.places_taken) == (2, 2)
