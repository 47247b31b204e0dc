"""The register of the Ministry of Justice an organisation is in: shown, filtered, set by operators."""

from typing import Any

import pytest
from django.urls import reverse

from nkohub.organizations.models import REGISTERS, Organization
from nkohub.organizations.selectors import DirectoryQuery, directory_facets
from nkohub.organizations.tests.conftest import make_org

pytestmark = pytest.mark.django_db
URL = reverse("organizations:directory")


@pytest.fixture
def parish(corpus: dict[str, Organization], kaluga: Any) -> Organization:
    return make_org(
        full_name="Местная православная религиозная организация Приход храма Георгия Победоносца",
        short_name="Приход храма Георгия",
        register=Organization.Register.RELIGIOUS,
        municipality=kaluga,
    )


def test_the_database_check_lists_every_register() -> None:
    assert sorted(REGISTERS) == sorted(Organization.Register.values)


def test_the_register_facet_appears_once_there_are_two_registers(
    corpus: dict[str, Organization],
) -> None:
    assert directory_facets(DirectoryQuery())["register"] == []
    make_org(full_name="Хуторское казачье общество «Кондровское»", register="cossack")
    values = {v.label: v.count for v in directory_facets(DirectoryQuery())["register"]}
    assert values == {"некоммерческие организации": 4, "казачьи общества": 1}


def test_the_register_filter_narrows_the_directory(
    client: Any, parish: Organization, corpus: dict[str, Organization]
) -> None:
    response = client.get(URL, {"register": "religious"})
    assert [o.pk for o in response.context["page"].object_list] == [parish.pk]
    content = response.content.decode()
    assert "Реестр Минюста" in content
    # the other filters and the downloads keep the register chosen
    assert '<a href="?register=religious&amp;kind=ngo">' in content
    assert '/organizations/export/?register=religious&amp;format=csv"' in content


def test_a_broken_register_value_is_ignored(client: Any, parish: Organization) -> None:
    response = client.get(URL, {"register": "martians"})
    assert response.status_code == 200
    assert response.context["page"].paginator.count == 5


def test_the_profile_shows_the_register(client: Any, parish: Organization) -> None:
    content = client.get(reverse("organizations:detail", args=[parish.pk])).content.decode()
    assert "Реестр Минюста" in content
    assert "религиозные организации" in content


def test_the_profile_shows_the_state_registration(client: Any, ngo: Organization) -> None:
    Organization.objects.filter(pk=ngo.pk).update(
        state_registration_number="4014010345", state_registration_date="1999-01-20"
    )
    content = client.get(reverse("organizations:detail", args=[ngo.pk])).content.decode()
    assert "№ 4014010345 от 20.01.1999" in content


def _edit(client: Any, organization: Organization, **changes: Any) -> Any:
    data = {
        "kind": organization.kind, "full_name": organization.full_name, "inn": organization.inn,
        "ogrn": organization.ogrn, "status": organization.status, "description": "",
    }  # fmt: skip
    data.update(changes)
    return client.post(reverse("organizations:edit", args=[organization.pk]), data)


def test_an_operator_moves_an_organisation_to_another_register(
    client: Any, operator: Any, ngo: Organization
) -> None:
    client.force_login(operator)
    assert _edit(client, ngo, register="cossack").status_code == 302
    ngo.refresh_from_db()
    assert ngo.register == Organization.Register.COSSACK


def test_an_owner_cannot_change_the_register(client: Any, owner: Any, ngo: Organization) -> None:
    client.force_login(owner)
    assert _edit(client, ngo, register="religious").status_code == 302
    ngo.refresh_from_db()
    assert ngo.register == Organization.Register.NONPROFIT


def test_an_outsider_cannot_change_it_at_all(client: Any, outsider: Any, ngo: Organization) -> None:
    client.force_login(outsider)
    assert _edit(client, ngo, register="religious").status_code == 404
    ngo.refresh_from_db()
    assert ngo.register == Organization.Register.NONPROFIT


def test_an_edit_without_the_field_keeps_the_register(
    client: Any, operator: Any, parish: Organization
) -> None:
    client.force_login(operator)
    assert _edit(client, parish).status_code == 302
    parish.refresh_from_db()
    assert parish.register == Organization.Register.RELIGIOUS


def test_the_directory_page_keeps_its_query_budget_with_the_register_facet(
    client: Any, reference_data: None, django_assert_max_num_queries: Any
) -> None:
    for n in range(25):
        make_org(full_name=f"Фонд развития {n}", register="religious" if n % 2 else "nonprofit")
    with django_assert_max_num_queries(12):
        client.get(URL, {"register": "religious"})


def test_the_demo_registry_puts_parishes_and_cossacks_in_their_registers(
    reference_data: None, territory_reference: None
) -> None:
    from nkohub.core.demo_context import DemoContext
    from nkohub.organizations.demo import _load_registry

    _load_registry(DemoContext())
    religious = Organization.objects.filter(legal_form__name="Религиозная организация")
    assert religious.exists()
    assert set(religious.values_list("register", flat=True)) == {"religious"}
    assert set(
        Organization.objects.filter(legal_form__name="Казачье общество").values_list(
            "register", flat=True
        )
    ) == {"cossack"}
