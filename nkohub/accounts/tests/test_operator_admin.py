import pytest
from django.urls import reverse

from nkohub.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_an_operator_manages_the_platforms_models_in_the_admin(client, operator) -> None:
    client.force_login(operator)
    organizations = client.get(reverse("admin:organizations_organization_changelist"))
    assert organizations.status_code == 200
    assert "<h1>Выберите организация для изменения</h1>" in organizations.content.decode()
    assert reverse("admin:organizations_organization_add") in organizations.content.decode()
    audit = client.get(reverse("admin:core_auditentry_changelist"))
    assert audit.status_code == 200
    assert "<h1>Выберите запись журнала аудита для просмотра</h1>" in audit.content.decode()


def test_an_operator_does_not_get_djangos_own_permission_models(client, operator) -> None:
    client.force_login(operator)
    assert client.get(reverse("admin:auth_group_changelist")).status_code == 403


def test_staff_without_the_operator_flag_gets_nothing(client) -> None:
    staff = UserFactory.create(is_staff=True)
    client.force_login(staff)
    assert client.get(reverse("admin:organizations_organization_changelist")).status_code == 403


def test_a_deactivated_operator_loses_the_admin(client, operator) -> None:
    operator.is_active = False
    operator.save()
    assert not operator.has_perm("organizations.view_organization")
