import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from nkohub.accounts.models import Consent, User
from nkohub.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "Калуга-2026-надёжный"


def signup_data(**overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "full_name": "Анна Кузнецова",
        "email": "anna@example.org",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "consent_personal_data": "on",
        "accept_policy": "on",
    }
    data.update(overrides)
    return data


def test_signup_creates_an_inactive_login_and_sends_a_confirmation(client) -> None:
    response = client.post(reverse("account_signup"), signup_data())
    assert response.status_code == 302
    user = User.objects.get(email="anna@example.org")
    assert user.full_name == "Анна Кузнецова"
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mail.outbox) == 1
    assert "anna@example.org" in mail.outbox[0].to


def test_signup_records_both_consents_with_version_and_time(client, settings) -> None:
    client.post(
        reverse("account_signup"), signup_data(), REMOTE_ADDR="10.1.2.3", HTTP_USER_AGENT="Firefox"
    )
    consents = Consent.objects.filter(user__email="anna@example.org")
    assert {c.kind for c in consents} == {Consent.Kind.PERSONAL_DATA, Consent.Kind.POLICY}
    personal = consents.get(kind=Consent.Kind.PERSONAL_DATA)
    assert personal.version == settings.PERSONAL_DATA_CONSENT_VERSION
    assert personal.ip_address == "10.1.2.3"
    assert personal.user_agent == "Firefox"
    assert personal.given_at is not None


def test_signup_without_the_consent_tick_is_refused_and_keeps_what_was_typed(client) -> None:
    data = signup_data()
    del data["consent_personal_data"]
    response = client.post(reverse("account_signup"), data)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Без согласия на обработку персональных данных" in content
    assert 'value="anna@example.org"' in content
    assert 'value="Анна Кузнецова"' in content
    assert not User.objects.filter(email="anna@example.org").exists()


def test_the_consent_is_a_separate_tick_from_the_policy(client) -> None:
    data = signup_data()
    del data["accept_policy"]
    response = client.post(reverse("account_signup"), data)
    assert response.status_code == 200
    assert not User.objects.filter(email="anna@example.org").exists()
    assert (
        "Подтвердите, что ознакомились с политикой обработки персональных данных."
        in response.content.decode()
    )


def test_a_second_signup_with_the_same_email_is_refused_clearly(client) -> None:
    UserFactory.create(email="anna@example.org")
    response = client.post(reverse("account_signup"), signup_data())
    assert response.status_code == 200
    assert "уже зарегистрирован" in response.content.decode()
    assert User.objects.filter(email="anna@example.org").count() == 1


def test_an_unconfirmed_account_cannot_log_in_until_confirmed(client) -> None:
    client.post(reverse("account_signup"), signup_data())
    client.logout()
    response = client.post(
        reverse("account_login"), {"login": "anna@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session

    link = re.search(r"https?://[^\s]+/accounts/confirm-email/[^\s]+", str(mail.outbox[0].body))
    assert link is not None
    path = link.group(0).split("://", 1)[1].split("/", 1)[1]
    confirm = client.post("/" + path)
    assert confirm.status_code == 302
    response = client.post(
        reverse("account_login"), {"login": "anna@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("core:cabinet")
    assert client.session["_auth_user_id"] == str(User.objects.get(email="anna@example.org").pk)


def test_repeated_failed_logins_are_throttled(client) -> None:
    user = UserFactory.create(email="victim@example.org")
    for _ in range(5):
        client.post(reverse("account_login"), {"login": user.email, "password": "wrong-password"})
    response = client.post(
        reverse("account_login"), {"login": user.email, "password": "wrong-password"}
    )
    assert response.status_code == 200
    assert not response.wsgi_request.user.is_authenticated
    assert "Слишком много неудачных попыток входа" in response.content.decode()


def test_signup_page_is_in_russian_and_links_the_two_documents(client) -> None:
    content = client.get(reverse("account_signup")).content.decode()
    assert reverse("accounts:consent_text") in content
    assert reverse("accounts:privacy_policy") in content
    assert "Согласие на обработку персональных данных" in content
