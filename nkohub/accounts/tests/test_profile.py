import pytest
from django.urls import reverse

from nkohub.accounts.models import User
from nkohub.accounts.tests.factories import UserFactory
from nkohub.core.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_profile_saves_name_phone_about_and_audits(client) -> None:
    user = UserFactory.create(full_name="Старое Имя")
    client.force_login(user)
    response = client.post(
        reverse("accounts:profile"),
        {"full_name": "Новое Имя", "phone": "+7 (4842) 22-33-44", "about": "Юрист"},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.full_name, user.phone, user.about) == ("Новое Имя", "+7 (4842) 22-33-44", "Юрист")
    entry = AuditEntry.objects.get(action="accounts.profile.update")
    assert entry.changes["full_name"] == ["Старое Имя", "Новое Имя"]


def test_a_bad_phone_is_refused_and_the_typed_values_are_kept(client) -> None:
    user = UserFactory.create(full_name="Имя")
    client.force_login(user)
    response = client.post(
        reverse("accounts:profile"), {"full_name": "Другое", "phone": "12", "about": "текст"}
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "Введите номер телефона из 10–15 цифр, например +7 484 222-33-44." in content
    assert 'value="Другое"' in content
    assert User.objects.get(pk=user.pk).full_name == "Имя"


def test_profile_requires_login(client) -> None:
    response = client.post(reverse("accounts:profile"), {"full_name": "X"})
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]
