"""A NUL byte anywhere in a request is refused at the door with the Russian 400 page."""

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

pytestmark = pytest.mark.django_db

REFUSED = "Запрос не может быть обработан"


def test_a_nul_byte_in_the_audit_search_is_a_400_not_a_500(client: Client, operator: Any) -> None:
    client.force_login(operator)
    response = client.get("/audit/?q=%00")
    assert response.status_code == 400
    assert REFUSED in response.content.decode()


def test_a_nul_byte_in_a_parameter_name_is_refused(client: Client) -> None:
    assert client.get("/organizations/?%00kind=ngo").status_code == 400


def test_a_nul_byte_in_the_path_is_refused(client: Client) -> None:
    assert client.get("/organizations/%00/").status_code == 400


def test_a_nul_byte_in_a_posted_form_is_refused(client: Client, outsider: Any) -> None:
    client.force_login(outsider)
    response = client.post(
        "/accounts/profile/", {"full_name": "Анна\x00", "phone": "", "about": ""}
    )
    assert response.status_code == 400
    outsider.refresh_from_db()
    assert "\x00" not in outsider.full_name


def test_binary_content_of_an_upload_is_not_looked_at(client: Client, outsider: Any) -> None:
    client.force_login(outsider)
    upload = SimpleUploadedFile(
        "logo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00", content_type="image/png"
    )
    response = client.post(
        "/accounts/profile/", {"full_name": "Анна", "phone": "", "about": "", "document": upload}
    )
    assert response.status_code == 302


def test_an_ordinary_search_still_works(client: Client) -> None:
    response = client.get("/organizations/?q=%D0%BA%D0%B0%D0%BB%D1%83%D0%B3%D0%B0")
    assert response.status_code == 200
    content = response.content.decode()
    assert 'value="калуга"' in content
    assert "Найдено 0 организаций" in content


def test_a_json_body_is_left_to_its_view(client: Client) -> None:
    response = client.post("/healthz/", data='{"q": "\\u0000"}', content_type="application/json")
    assert response.status_code == 405
