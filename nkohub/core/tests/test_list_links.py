"""Every list page's own links — facets, filters, pagination, exports — on the demo data: each one is a
well-formed query string that answers and changes what the page shows. Hand-built query strings such
as `href="?{% querystring … %}"` (the tag already starts with `?`) made every facet of the directory
a link to `??kind=…`, which Django reads as a parameter named `?kind`: the filter silently did nothing."""

from typing import Any
from urllib.parse import parse_qsl, urljoin, urlsplit

import pytest
from django.core.management import call_command

from nkohub.core.tests.html_links import links_of

pytestmark = pytest.mark.django_db

PUBLIC_LIST_PAGES = [
    "/organizations/",
    "/resources/",
    "/resources/requests/",
    "/fair/",
    "/grants/",
    "/reception/",
    "/reception/authorities/",
    "/learning/library/",
    "/learning/recordings/",
    "/events/",
    "/events/?past=on",
    "/news/",
    "/ideas/",
    "/surveys/",
    "/surveys/zones/",
]
OPERATOR_LIST_PAGES = [
    "/organizations/claims/",
    "/fair/moderation/",
    "/news/moderation/",
    "/surveys/manage/",
]


def query_links(client: Any, page: str) -> list[str]:
    """The page's links that stay on the page and only change its query string."""
    response = client.get(page)
    assert response.status_code == 200, page
    found = []
    for _text, href in links_of(response.content.decode()):
        target = urlsplit(urljoin(page, href))
        if target.path == urlsplit(page).path and target.query:
            found.append(href)
    return found


@pytest.fixture
def demo(db: Any) -> None:
    call_command("load_demo", "--quiet-logins")


def _check_query_links(client: Any, page: str) -> list[str]:
    problems = []
    for href in query_links(client, page):
        if "??" in href or href.startswith("?&"):
            problems.append(f"{page}: malformed link {href!r}")
            continue
        query = urlsplit(urljoin(page, href)).query
        for key, _value in parse_qsl(query, keep_blank_values=True):
            if not key or not (key[0].isalnum() or key[0] == "_"):
                problems.append(f"{page}: link {href!r} sends a parameter named {key!r}")
        response = client.get(urljoin(page, href))
        if response.status_code != 200:
            problems.append(f"{page}: link {href!r} answers {response.status_code}")
    return problems


def test_the_query_links_of_every_public_list_page_are_well_formed_and_answer(
    client: Any, demo: None
) -> None:
    problems = [
        problem for page in PUBLIC_LIST_PAGES for problem in _check_query_links(client, page)
    ]
    assert not problems, "\n".join(problems)


def test_the_query_links_of_the_operators_list_pages_are_well_formed_and_answer(
    client: Any, demo: None, operator: Any
) -> None:
    client.force_login(operator)
    problems = [
        problem for page in OPERATOR_LIST_PAGES for problem in _check_query_links(client, page)
    ]
    assert not problems, "\n".join(problems)


def test_the_directory_has_facet_and_next_page_links_on_the_demo_data(
    client: Any, demo: None
) -> None:
    hrefs = query_links(client, "/organizations/")
    assert "?kind=authority" in hrefs
    assert "?page=2" in hrefs
    assert any(href.startswith("?municipality=") for href in hrefs)
