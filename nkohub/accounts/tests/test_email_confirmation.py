"""The confirmation e-mail is signed with the configured site, and confirming it signs the person in."""

import re
from typing import Any

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.test import Client
from django.urls import reverse

from nkohub.accounts.models import User
from nkohub.accounts.tests.test_signup import signup_data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _smolensk_site(settings: Any) -> None:
    settings.SITE_NAME = "НКО-Кластер Смоленской области"
    settings.SITE_URL = "https://nko67.example.org"


def _confirmation_path() -> str:
    body = str(mail.outbox[-1].body)
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+", body)
    assert link is not None, body
    return "/" + link.group(0).split("://", 1)[1].split("/", 1)[1]


def test_the_confirmation_email_is_signed_with_the_configured_site_never_example_com(
    client: Client,
) -> None:
    client.post(reverse("account_signup"), signup_data())
    message = mail.outbox[-1]
    text = f"{message.subject}\n{message.body}"
    assert "example.com" not in text
    assert "НКО-Кластер Смоленской области" in message.body
    assert "https://nko67.example.org" in message.body
    assert message.subject.startswith("[")


def test_the_confirmation_email_is_in_russian(client: Client) -> None:
    client.post(reverse("account_signup"), signup_data())
    body = str(mail.outbox[-1].body)
    assert "Здравствуйте!" in body
    assert "Чтобы подтвердить адрес и войти" in body
    assert "Команда НКО-Кластер Смоленской области" in body


def test_confirming_the_email_in_the_same_browser_signs_the_person_in(client: Client) -> None:
    client.post(reverse("account_signup"), signup_data())
    response = client.post(_confirmation_path())
    user = User.objects.get(email="anna@example.org")
    assert response.status_code == 302
    assert response["Location"] == reverse("core:cabinet")
    assert client.session["_auth_user_id"] == str(user.pk)
    cabinet = client.get(reverse("core:cabinet"))
    assert cabinet.status_code == 200
    assert "Здравствуйте, Анна Кузнецова!" in cabinet.content.decode()


def test_a_confirmation_link_opened_in_another_browser_confirms_but_asks_to_sign_in(
    client: Client,
) -> None:
    """allauth signs in on confirmation only where the sign-up happened: a link forwarded to someone
    else must not open the account to them."""
    client.post(reverse("account_signup"), signup_data())
    other = Client()
    response = other.post(_confirmation_path())
    assert response.status_code == 302
    assert "_auth_user_id" not in other.session
    assert EmailAddress.objects.get(email="anna@example.org").verified
