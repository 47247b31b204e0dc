import json

import pytest
from django.urls import reverse

from nkohub.accounts.models import Consent, DeletionRecord, User
from nkohub.accounts.services import user_record_signup_consents
from nkohub.accounts.tests.factories import DEFAULT_PASSWORD, UserFactory
from nkohub.core.models import AuditEntry
from nkohub.organizations.models import Membership, Organization

pytestmark = pytest.mark.django_db


def test_download_my_data_gives_json_of_the_account_and_consents(client) -> None:
    user = UserFactory.create(email="anna@example.org", full_name="Анна", phone="+7 484 222-33-44")
    user_record_signup_consents(user=user, ip_address="10.0.0.1", user_agent="Firefox")
    client.force_login(user)
    response = client.get(reverse("accounts:export_data"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["account"]["email"] == "anna@example.org"
    assert data["account"]["phone"] == "+7 484 222-33-44"
    assert {c["document"] for c in data["consents"]} == {"personal_data", "policy"}


def test_download_my_data_includes_memberships(client, owner, ngo) -> None:
    client.force_login(owner)
    content = client.get(reverse("accounts:export_data")).content.decode()
    json.loads(content)
    assert ngo.full_name in content


def test_download_my_data_requires_login(client) -> None:
    response = client.get(reverse("accounts:export_data"))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_delete_account_anonymises_the_person_and_keeps_the_organisation(
    client, owner, ngo
) -> None:
    client.force_login(owner)
    response = client.post(
        reverse("accounts:delete_account"), {"password": DEFAULT_PASSWORD, "confirm": "on"}
    )
    assert response.status_code == 302
    person = User.objects.get(pk=owner.pk)
    assert person.email == f"deleted-{owner.pk}@deleted.invalid"
    assert person.full_name == ""
    assert person.phone == ""
    assert person.about == ""
    assert not person.is_active
    assert not person.has_usable_password()
    assert Organization.objects.filter(pk=ngo.pk).exists()
    assert not Membership.objects.filter(user=person).exists()
    assert "_auth_user_id" not in client.session


def test_delete_account_is_recorded_who_what_when(client, owner) -> None:
    client.force_login(owner)
    client.post(reverse("accounts:delete_account"), {"password": DEFAULT_PASSWORD, "confirm": "on"})
    record = DeletionRecord.objects.get(user_id_ref=owner.pk)
    assert record.performed_at is not None
    assert record.summary["account"] == "anonymised"
    assert len(record.summary) > 1  # the account plus what each app erased
    assert AuditEntry.objects.filter(action="accounts.account.delete").exists()


def test_delete_account_withdraws_consents(client) -> None:
    user = UserFactory.create()
    user_record_signup_consents(user=user, ip_address=None, user_agent="")
    client.force_login(user)
    client.post(reverse("accounts:delete_account"), {"password": DEFAULT_PASSWORD, "confirm": "on"})
    assert not Consent.objects.filter(user=user, withdrawn_at__isnull=True).exists()


def test_delete_account_with_a_wrong_password_is_refused(client) -> None:
    user = UserFactory.create(email="keep@example.org")
    client.force_login(user)
    response = client.post(
        reverse("accounts:delete_account"), {"password": "nope", "confirm": "on"}
    )
    assert response.status_code == 200
    assert "Неверный пароль" in response.content.decode()
    assert User.objects.get(pk=user.pk).email == "keep@example.org"


def test_the_deleted_person_cannot_log_in(client, owner) -> None:
    email = owner.email
    client.force_login(owner)
    client.post(reverse("accounts:delete_account"), {"password": DEFAULT_PASSWORD, "confirm": "on"})
    assert not client.login(email=email, password=DEFAULT_PASSWORD)


def test_policy_and_consent_are_separate_public_pages(client) -> None:
    policy = client.get(reverse("accounts:privacy_policy")).content.decode()
    consent = client.get(reverse("accounts:consent_text")).content.decode()
    assert "Политика обработки персональных данных" in policy
    assert "Согласие на обработку персональных данных" in consent
    assert "отдельным документом" in consent
