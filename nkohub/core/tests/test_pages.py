import pytest
from django.test import override_settings
from django.urls import reverse

from nkohub.core.audit import audit_log
from nkohub.core.markdown import render_markdown

pytestmark = pytest.mark.django_db


def test_home_page_is_in_russian(client) -> None:
    response = client.get(reverse("core:home"))
    assert response.status_code == 200
    content = response.content.decode()
    assert '<html lang="ru">' in content
    assert "Единое пространство" in content
    assert "Перейти к содержанию" in content


def test_pages_carry_a_content_security_policy_without_inline_code(client) -> None:
    response = client.get(reverse("core:home"))
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    content = response.content.decode()
    assert "<script>" not in content
    assert "style=" not in content


def test_htmx_comes_from_our_own_static_files(client) -> None:
    content = client.get(reverse("core:home")).content.decode()
    assert '<script src="/static/htmx/htmx.min.js" defer></script>' in content
    assert "unpkg" not in content
    assert "cdn" not in content.lower()


def test_navigation_shows_only_sections_that_exist(client) -> None:
    content = client.get(reverse("core:home")).content.decode()
    assert 'href="/organizations/"' in content
    assert 'href="/learning/"' in content
    assert 'href="/events/"' in content
    assert 'href="/news/"' in content
    assert 'href="/analytics/"' in content


@override_settings(DEBUG=False)
def test_missing_page_answers_404_in_russian(client) -> None:
    response = client.get("/нет-такой-страницы/")
    assert response.status_code == 404
    assert "Страница не найдена" in response.content.decode()


def test_cabinet_requires_login(client) -> None:
    response = client.get(reverse("core:cabinet"))
    assert response.status_code == 302


def test_cabinet_greets_the_person(client, owner) -> None:
    client.force_login(owner)
    response = client.get(reverse("core:cabinet"))
    assert response.status_code == 200
    assert f"Здравствуйте, {owner.full_name}!" in response.content.decode()


def test_audit_log_is_for_operators_only(client, owner, operator) -> None:
    audit_log(actor=owner, action="test.thing.done", obj=None, changes={"a": [1, 2]})
    client.force_login(owner)
    assert client.get(reverse("core:audit_log")).status_code == 403
    client.force_login(operator)
    response = client.get(reverse("core:audit_log"))
    assert response.status_code == 200
    assert "test.thing.done" in response.content.decode()


def test_audit_log_page_has_constant_queries(
    client, operator, owner, django_assert_num_queries
) -> None:
    client.force_login(operator)
    for i in range(5):
        audit_log(actor=owner, action=f"test.{i}", obj=owner)
    client.get(reverse("core:audit_log"))  # warm up session and content types
    with django_assert_num_queries(4) as small:
        client.get(reverse("core:audit_log"))
    for i in range(40):
        audit_log(actor=owner, action=f"test.more.{i}", obj=owner)
    with django_assert_num_queries(len(small.captured_queries)):
        client.get(reverse("core:audit_log"))


def test_healthz_answers(client, settings) -> None:
    redis = settings.CACHES["default"]["BACKEND"].endswith("ResilientRedisCache")
    assert client.get(reverse("core:healthz")).json() == {
        "status": "ok",
        "database": "ok",
        "cache": "ok" if redis else "local",
        "queue": "in-process",  # the tests run tasks at once (conftest.py)
        "queue_depth": {},
        "scheduler": {"state": "never", "last_heartbeat": None, "seconds_ago": None},
    }


def test_markdown_escapes_html_and_drops_dangerous_links() -> None:
    html = render_markdown(
        "**жирный** <script>alert(1)</script> [ссылка](javascript:alert(1)) [сайт](https://example.org)"
    )
    assert "<strong>жирный</strong>" in html
    assert "<script>" not in html
    assert 'href="javascript' not in html
    assert 'href="https://example.org"' in html
    assert "noopener" in html
