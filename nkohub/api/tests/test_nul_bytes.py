"""A NUL byte anywhere in a request to the API is refused before any query, as an RFC 9457
problem; elsewhere core's 400 page stays."""

import json
from typing import Any

import pytest

from nkohub.api.models import Scope
from nkohub.api.tests.factories import bearer, make_token
from nkohub.news.models import NewsItem

pytestmark = pytest.mark.django_db


def _is_problem_of_400(response: Any) -> None:
    assert (response.status_code, response["Content-Type"]) == (400, "application/problem+json")
    body = json.loads(response.content)
    assert set(body) == {"type", "title", "status", "detail", "instance"}
    assert (body["type"], body["status"]) == ("urn:nkohub:problem:nul-byte", 400)
    assert "\x00" not in body["instance"]


def test_a_nul_in_the_path_is_a_problem(client: Any) -> None:
    _is_problem_of_400(client.get("/api/v1/news/%00"))


def test_a_nul_in_the_query_is_a_problem(client: Any) -> None:
    _is_problem_of_400(client.get("/api/v1/news", {"q": "суб\x00ботник"}))


def test_a_nul_in_a_json_body_is_a_problem_before_anything_is_written(
    client: Any, writer: Any
) -> None:
    """Both the raw byte (not JSON) and its escape (valid JSON that PostgreSQL would refuse)."""
    escaped = '{"title": "Новость\\u0000", "body": "Текст"}'
    raw = b'{"title": "\x00", "body": "x"}'
    for body in (escaped, raw):
        response = client.post("/api/v1/news", body, content_type="application/json", **writer)
        _is_problem_of_400(response)
    assert not NewsItem.objects.exists()


def test_a_nul_in_a_form_body_is_a_problem(client: Any) -> None:
    _is_problem_of_400(client.post("/api/v1/news", {"title": "\x00"}))


def test_an_escaped_backslash_before_u0000_is_text_not_a_nul(
    client: Any, owner: Any, ngo: Any
) -> None:
    news_writer = bearer(make_token(owner, ngo, [Scope.NEWS_WRITE])[1])
    body = '{"title": "\\\\u0000", "body": "Текст"}'  # the title is the six characters \u0000
    response = client.post("/api/v1/news", body, content_type="application/json", **news_writer)
    assert (response.status_code, response.json()["title"]) == (201, "\\u0000")


def test_outside_the_api_the_refusal_is_still_the_page(client: Any) -> None:
    response = client.get("/news/", {"q": "\x00"})
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")


def test_the_token_pages_for_people_keep_the_html_page(client: Any) -> None:
    """/api/tokens/ and the webhook pages are pages of the site, not the JSON API."""
    response = client.get("/api/tokens/", {"q": "\x00"})
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
