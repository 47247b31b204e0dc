from typing import Any

import pytest
from django.urls import reverse

from nkohub.core.models import AuditEntry
from nkohub.organizations.models import Organization

pytestmark = pytest.mark.django_db


def form_data(organization: Organization, **changes: Any) -> dict[str, Any]:
    data = {
        "kind": organization.kind,
        "full_name": organization.full_name,
        "short_name": organization.short_name,
        "inn": organization.inn,
        "ogrn": organization.ogrn,
        "status": organization.status,
        "municipality": organization.municipality_id or "",
        "legal_form": organization.legal_form_id or "",
        "description": "Помогаем соседям.",
        "social_links_text": "https://vk.com/dobrye",
    }
    data.update(changes)
    return data


def test_an_owner_edits_the_profile(client: Any, owner: Any, ngo: Organization) -> None:
    client.force_login(owner)
    response = client.post(
        reverse("organizations:edit", args=[ngo.pk]), form_data(ngo, public_phone="+7 4842 000000")
    )
    assert response.status_code == 302
    ngo.refresh_from_db()
    assert ngo.public_phone == "+7 4842 000000"
    assert ngo.social_links == ["https://vk.com/dobrye"]
    assert "помогать" in ngo.search_text
    assert AuditEntry.objects.filter(action="organizations.organization.update").exists()


def test_an_editor_edits_but_cannot_change_the_inn(
    client: Any, editor: Any, ngo: Organization
) -> None:
    client.force_login(editor)
    old_inn = ngo.inn
    client.post(reverse("organizations:edit", args=[ngo.pk]), form_data(ngo, inn="4027000005"))
    ngo.refresh_from_db()
    assert ngo.inn == old_inn
    assert ngo.description == "Помогаем соседям."


def test_a_member_without_the_right_gets_403(client: Any, member: Any, ngo: Organization) -> None:
    client.force_login(member)
    assert (
        client.post(reverse("organizations:edit", args=[ngo.pk]), form_data(ngo)).status_code == 403
    )


def test_an_outsider_gets_404(client: Any, outsider: Any, ngo: Organization) -> None:
    client.force_login(outsider)
    assert client.get(reverse("organizations:edit", args=[ngo.pk])).status_code == 404


def test_an_editor_of_one_organisation_cannot_touch_another(
    client: Any, editor: Any, other_ngo: Organization
) -> None:
    client.force_login(editor)
    response = client.post(
        reverse("organizations:edit", args=[other_ngo.pk]),
        form_data(other_ngo, description="Взлом"),
    )
    assert response.status_code == 404
    other_ngo.refresh_from_db()
    assert other_ngo.description != "Взлом"


def test_an_operator_changes_the_inn_and_a_bad_one_is_refused(
    client: Any, operator: Any, ngo: Organization
) -> None:
    client.force_login(operator)
    response = client.post(
        reverse("organizations:edit", args=[ngo.pk]), form_data(ngo, inn="4027000007")
    )
    assert response.status_code == 200
    assert "В ИНН 4027000007 неверная контрольная цифра." in response.content.decode()


def test_a_taken_inn_is_refused_with_a_message(
    client: Any, operator: Any, ngo: Organization, other_ngo: Organization
) -> None:
    client.force_login(operator)
    response = client.post(
        reverse("organizations:edit", args=[ngo.pk]), form_data(ngo, inn=other_ngo.inn)
    )
    assert response.status_code == 200
    assert response.context["form"].errors["inn"] == ["Организация с таким ИНН уже существует."]
    assert "Организация с таким ИНН уже существует." in response.content.decode()
    ngo.refresh_from_db()
    assert ngo.inn != other_ngo.inn


def test_only_an_operator_marks_an_organisation_verified(
    client: Any, owner: Any, operator: Any, ngo: Organization
) -> None:
    client.force_login(owner)
    assert (
        client.post(reverse("organizations:verify", args=[ngo.pk]), {"verified": "1"}).status_code
        == 404
    )
    client.force_login(operator)
    client.post(reverse("organizations:verify", args=[ngo.pk]), {"verified": "1"})
    ngo.refresh_from_db()
    assert ngo.is_verified
    assert ngo.verified_by == operator


def test_an_edit_in_the_admin_keeps_the_search_in_step(client: Any, db: Any) -> None:
    from nkohub.accounts.tests.factories import UserFactory

    admin_user: Any = UserFactory(is_staff=True, is_superuser=True)
    organization = Organization.objects.create(full_name="Старое имя")
    client.force_login(admin_user)
    client.post(
        reverse("admin:organizations_organization_change", args=[organization.pk]),
        {
            "kind": "ngo",
            "full_name": "Фонд «Ромашка»",
            "register": "nonprofit",
            "status": "active",
            "source": "manual",
            "social_links": "[]",
            "is_published": "on",
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
        },
    )
    organization.refresh_from_db()
    assert organization.full_name == "Фонд «Ромашка»"
    assert "ромашка" in organization.search_text
