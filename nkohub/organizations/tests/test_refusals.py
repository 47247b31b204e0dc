"""Who is refused what in the registry, and that the 403 page says why (permissions.py decides)."""

from typing import Any

import pytest
from django.urls import reverse

from nkohub.organizations.models import Claim, Organization
from nkohub.organizations.tests.factories import MembershipFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


def test_an_editor_inviting_is_refused_with_the_reason(
    client: Any, editor: Any, ngo: Organization
) -> None:
    client.force_login(editor)
    response = client.post(
        reverse("organizations:members", args=[ngo.pk]),
        {"email": "new@example.org", "role": "member"},
    )
    assert response.status_code == 403
    assert "Участниками управляет только владелец организации." in response.content.decode()


def test_a_member_opening_the_edit_page_is_refused_with_the_reason(
    client: Any, member: Any, ngo: Organization
) -> None:
    client.force_login(member)
    response = client.get(reverse("organizations:edit", args=[ngo.pk]))
    assert response.status_code == 403
    assert (
        "Изменять профиль могут только владелец и редакторы организации."
        in response.content.decode()
    )


def test_an_outsider_editing_gets_404(client: Any, outsider: Any, ngo: Organization) -> None:
    client.force_login(outsider)
    assert client.get(reverse("organizations:edit", args=[ngo.pk])).status_code == 404


def test_withdrawing_a_reviewed_claim_is_refused_with_the_reason(
    client: Any, outsider: Any, ngo: Organization
) -> None:
    claim = Claim.objects.create(
        kind=Claim.Kind.CLAIM,
        organization=ngo,
        user=outsider,
        stated_role="head",
        status=Claim.Status.REJECTED,
        rejection_reason="Документ не подтверждает полномочия.",
    )
    client.force_login(outsider)
    response = client.post(reverse("organizations:claim_withdraw", args=[claim.pk]))
    assert response.status_code == 403
    assert (
        "Отозвать можно только свою заявку, которая ещё ждёт проверки." in response.content.decode()
    )
    claim.refresh_from_db()
    assert claim.status == Claim.Status.REJECTED


def test_an_operator_who_is_no_member_cannot_leave(
    client: Any, operator: Any, ngo: Organization
) -> None:
    client.force_login(operator)
    response = client.post(reverse("organizations:leave", args=[ngo.pk]))
    assert response.status_code == 403
    assert "Вы не состоите в этой организации." in response.content.decode()


def test_only_operators_see_the_claims_and_imports(client: Any, owner: Any) -> None:
    client.force_login(owner)
    assert client.get(reverse("organizations:claims")).status_code == 404
    assert client.get(reverse("organizations:imports")).status_code == 404


def test_only_operators_verify(client: Any, owner: Any, ngo: Organization) -> None:
    client.force_login(owner)
    response = client.post(reverse("organizations:verify", args=[ngo.pk]), {"verified": "1"})
    assert response.status_code == 404
    ngo.refresh_from_db()
    assert ngo.is_verified is False


def test_the_cabinet_offers_members_to_owners_and_edit_to_editors(
    client: Any, editor: Any, ngo: Organization
) -> None:
    other = OrganizationFactory.create(full_name="Фонд «Другой»")
    MembershipFactory.create(user=editor, organization=other, role="owner")
    client.force_login(editor)
    content = client.get(reverse("core:cabinet")).content.decode()
    members_of_ngo = reverse("organizations:members", args=[ngo.pk])
    members_of_other = reverse("organizations:members", args=[other.pk])
    assert members_of_other in content
    assert members_of_ngo not in content
    assert reverse("organizations:edit", args=[ngo.pk]) in content
    assert reverse("organizations:edit", args=[other.pk]) in content


def test_the_cabinet_offers_nothing_to_change_to_a_plain_member(
    client: Any, member: Any, ngo: Organization
) -> None:
    client.force_login(member)
    content = client.get(reverse("core:cabinet")).content.decode()
    assert reverse("organizations:detail", args=[ngo.pk]) in content
    assert reverse("organizations:edit", args=[ngo.pk]) not in content
    assert reverse("organizations:members", args=[ngo.pk]) not in content
