from typing import Any

import pytest
from django.urls import reverse

from nkohub.organizations.models import Organization
from nkohub.organizations.profile_sections import (
    ProfileSection,
    register_profile_section,
    unregister_profile_section,
)
from nkohub.organizations.tests.conftest import make_org

pytestmark = pytest.mark.django_db


def test_the_profile_is_public_with_contacts_and_spheres(
    client: Any, corpus: dict[str, Organization]
) -> None:
    organization = corpus["charity"]
    Organization.objects.filter(pk=organization.pk).update(
        public_email="info@milo.example.ru", website="https://milo.example.ru"
    )
    content = client.get(reverse("organizations:detail", args=[organization.pk])).content.decode()
    assert organization.full_name in content
    assert "info@milo.example.ru" in content
    assert "Социальное обслуживание" in content
    assert "Калуга" in content


def test_an_unpublished_organisation_is_hidden_from_outsiders(
    client: Any, outsider: Any, db: Any
) -> None:
    organization = make_org(is_published=False)
    client.force_login(outsider)
    assert client.get(reverse("organizations:detail", args=[organization.pk])).status_code == 404


def test_an_unpublished_organisation_is_visible_to_an_operator(
    client: Any, operator: Any, db: Any
) -> None:
    organization = make_org(is_published=False)
    client.force_login(operator)
    response = client.get(reverse("organizations:detail", args=[organization.pk]))
    assert response.status_code == 200
    content = response.content.decode()
    assert f"<h1>{organization.full_name}</h1>" in content
    assert "Организация ждёт проверки оператором и пока не показывается в реестре." in content


def test_other_modules_add_sections_to_the_profile(client: Any, ngo: Organization) -> None:
    register_profile_section(
        ProfileSection(
            key="test-offers",
            order=10,
            template="organizations/tests/_section.html",
            context=lambda organization, user: {"count": 3} if organization.pk == ngo.pk else None,
        )
    )
    try:
        content = client.get(reverse("organizations:detail", args=[ngo.pk])).content.decode()
    finally:
        unregister_profile_section("test-offers")
    assert 'id="section-test-offers"' in content
    assert "Предложений: 3" in content


def test_a_section_may_hide_itself(client: Any, ngo: Organization, other_ngo: Organization) -> None:
    register_profile_section(
        ProfileSection("test-offers", 10, "organizations/tests/_section.html", lambda o, u: None)
    )
    try:
        content = client.get(reverse("organizations:detail", args=[other_ngo.pk])).content.decode()
    finally:
        unregister_profile_section("test-offers")
    assert "section-test-offers" not in content


def test_a_visitor_sees_how_to_claim_the_organisation(client: Any, ngo: Organization) -> None:
    content = client.get(reverse("organizations:detail", args=[ngo.pk])).content.decode()
    assert reverse("organizations:claim", args=[ngo.pk]) in content
