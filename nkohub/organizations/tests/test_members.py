from typing import Any

import pytest
from django.core import mail
from django.urls import reverse

from nkohub.accounts.tests.factories import UserFactory
from nkohub.organizations.models import Invitation, Membership, Organization

pytestmark = pytest.mark.django_db


def test_an_owner_invites_by_email_and_the_person_accepts(
    client: Any, owner: Any, ngo: Organization, django_capture_on_commit_callbacks: Any
) -> None:
    client.force_login(owner)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("organizations:members", args=[ngo.pk]),
            {"email": "Nina@Example.org", "role": "editor"},
        )
    invitation = Invitation.objects.get()
    assert invitation.email == "nina@example.org"
    assert len(mail.outbox) == 1
    assert invitation.token in mail.outbox[0].body
    nina: Any = UserFactory(email="nina@example.org")
    client.force_login(nina)
    response = client.post(reverse("organizations:invitation_accept", args=[invitation.token]))
    assert response.status_code == 302
    assert Membership.objects.get(user=nina, organization=ngo).role == "editor"


def test_an_invitation_is_accepted_only_with_its_email(
    client: Any, owner: Any, outsider: Any, ngo: Organization
) -> None:
    client.force_login(owner)
    client.post(
        reverse("organizations:members", args=[ngo.pk]),
        {"email": "nina@example.org", "role": "owner"},
    )
    invitation = Invitation.objects.get()
    client.force_login(outsider)
    client.post(reverse("organizations:invitation_accept", args=[invitation.token]))
    assert not Membership.objects.filter(user=outsider, organization=ngo).exists()


def test_a_cancelled_invitation_cannot_be_accepted(
    client: Any, owner: Any, ngo: Organization
) -> None:
    client.force_login(owner)
    client.post(
        reverse("organizations:members", args=[ngo.pk]),
        {"email": "nina@example.org", "role": "member"},
    )
    invitation = Invitation.objects.get()
    client.post(reverse("organizations:invitation_cancel", args=[ngo.pk, invitation.pk]))
    nina: Any = UserFactory(email="nina@example.org")
    client.force_login(nina)
    client.post(reverse("organizations:invitation_accept", args=[invitation.token]))
    assert not Membership.objects.filter(user=nina).exists()


def test_an_editor_cannot_invite(client: Any, editor: Any, ngo: Organization) -> None:
    client.force_login(editor)
    response = client.post(
        reverse("organizations:members", args=[ngo.pk]), {"email": "x@example.org", "role": "owner"}
    )
    assert response.status_code == 403
    assert not Invitation.objects.exists()


def test_an_outsider_does_not_see_the_members(
    client: Any, outsider: Any, ngo: Organization
) -> None:
    client.force_login(outsider)
    assert client.get(reverse("organizations:members", args=[ngo.pk])).status_code == 404


def test_an_owner_changes_a_role(client: Any, owner: Any, editor: Any, ngo: Organization) -> None:
    client.force_login(owner)
    membership = Membership.objects.get(user=editor)
    client.post(
        reverse("organizations:member_role", args=[ngo.pk, membership.pk]), {"role": "member"}
    )
    membership.refresh_from_db()
    assert membership.role == "member"


def test_an_editor_cannot_change_roles(
    client: Any, owner: Any, editor: Any, ngo: Organization
) -> None:
    client.force_login(editor)
    membership = Membership.objects.get(user=owner)
    assert (
        client.post(
            reverse("organizations:member_role", args=[ngo.pk, membership.pk]), {"role": "member"}
        ).status_code
        == 403
    )
    membership.refresh_from_db()
    assert membership.role == "owner"


def test_an_owner_of_one_organisation_cannot_manage_another(
    client: Any, owner: Any, other_ngo: Organization
) -> None:
    from nkohub.organizations.tests.factories import MembershipFactory

    stranger: Any = MembershipFactory(organization=other_ngo, role="member")
    client.force_login(owner)
    url = reverse("organizations:member_remove", args=[other_ngo.pk, stranger.pk])
    assert client.post(url).status_code == 404
    assert Membership.objects.filter(pk=stranger.pk).exists()


def test_an_owner_removes_a_member(client: Any, owner: Any, member: Any, ngo: Organization) -> None:
    client.force_login(owner)
    membership = Membership.objects.get(user=member)
    client.post(reverse("organizations:member_remove", args=[ngo.pk, membership.pk]))
    assert not Membership.objects.filter(pk=membership.pk).exists()


def test_the_last_owner_cannot_leave(client: Any, owner: Any, ngo: Organization) -> None:
    client.force_login(owner)
    response = client.post(reverse("organizations:leave", args=[ngo.pk]), follow=True)
    assert "Последний владелец" in response.content.decode()
    assert Membership.objects.filter(user=owner, organization=ngo).exists()


def test_the_last_owner_cannot_be_demoted(client: Any, owner: Any, ngo: Organization) -> None:
    client.force_login(owner)
    membership = Membership.objects.get(user=owner)
    client.post(
        reverse("organizations:member_role", args=[ngo.pk, membership.pk]), {"role": "editor"}
    )
    membership.refresh_from_db()
    assert membership.role == "owner"


def test_an_owner_leaves_once_there_is_another_owner(
    client: Any, owner: Any, editor: Any, ngo: Organization
) -> None:
    Membership.objects.filter(user=editor).update(role="owner")
    client.force_login(owner)
    client.post(reverse("organizations:leave", args=[ngo.pk]))
    assert not Membership.objects.filter(user=owner, organization=ngo).exists()


def test_a_member_leaves(client: Any, member: Any, ngo: Organization) -> None:
    client.force_login(member)
    client.post(reverse("organizations:leave", args=[ngo.pk]))
    assert not Membership.objects.filter(user=member).exists()
