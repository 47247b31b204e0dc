"""The 403 pages of the apps say why, in Russian, with the reason their permissions.py gives."""

from typing import Any

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_a_plain_member_starting_a_project_is_told_who_may(client: Any, member: Any) -> None:
    client.force_login(member)
    response = client.get(reverse("projects:create"))
    assert response.status_code == 403
    assert (
        "Проекты создают владельцы и редакторы некоммерческой организации."
        in response.content.decode()
    )


def test_a_person_serving_no_authority_is_told_the_desk_is_for_officials(
    client: Any, member: Any
) -> None:
    client.force_login(member)
    response = client.get(reverse("reception:desk"))
    assert response.status_code == 403
    assert "Рабочее место — для сотрудников органа власти." in response.content.decode()
