"""No open redirects (issue 22, item 9): every view that goes back to a `next` address from its input goes
there only when it is on this site; the code reads `next` only through nkohub.core.redirects."""

import re
from pathlib import Path
from typing import Any

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse

from nkohub.accounts.tests.factories import DEFAULT_PASSWORD, UserFactory
from nkohub.core.redirects import is_safe_target, safe_next
from nkohub.grants.tests.factories import CompetitionFactory
from nkohub.notifications.tests.factories import make_notification

ROOT = Path(__file__).resolve().parents[2]  # nkohub/
EVIL = ["https://evil.example/", "//evil.example/", "/\\evil.example", "https:evil.example"]


def _off_site(response: Any) -> bool:
    location = response.headers.get("Location", "")
    return "evil.example" in location


@pytest.mark.parametrize("target", EVIL)
def test_an_address_of_another_site_is_refused(target: str) -> None:
    request = RequestFactory().post("/", {"next": target})
    assert not is_safe_target(request, target)
    assert safe_next(request, "/fallback/") == "/fallback/"


def test_an_address_of_this_site_is_kept() -> None:
    request = RequestFactory().get("/", {"next": "/grants/?page=2"})
    assert safe_next(request, "/fallback/") == "/grants/?page=2"


@pytest.mark.django_db
@pytest.mark.parametrize("target", EVIL)
def test_following_a_competition_goes_back_only_on_this_site(
    client: Client, outsider: Any, target: str
) -> None:
    competition = CompetitionFactory.create()
    client.force_login(outsider)
    response = client.post(
        reverse("grants:competition_follow", args=[competition.pk]), {"next": target}
    )
    assert response.status_code == 302
    assert not _off_site(response)
    assert response["Location"] == reverse("grants:competition", args=[competition.pk])


@pytest.mark.django_db
@pytest.mark.parametrize("target", EVIL)
def test_marking_notifications_read_goes_back_only_on_this_site(
    client: Client, outsider: Any, target: str
) -> None:
    notification = make_notification(recipient=outsider)
    client.force_login(outsider)
    for path in (
        reverse("notifications:mark_all_read"),
        reverse("notifications:mark_read", args=[notification.pk]),
        reverse("notifications:mark_unread", args=[notification.pk]),
    ):
        response = client.post(path, {"next": target})
        assert response.status_code == 302, path
        assert not _off_site(response), path


@pytest.mark.django_db
@pytest.mark.parametrize("target", EVIL)
def test_a_notification_with_an_address_of_another_site_opens_the_inbox(
    client: Client, outsider: Any, target: str
) -> None:
    notification = make_notification(recipient=outsider, url=target)
    client.force_login(outsider)
    response = client.get(reverse("notifications:open", args=[notification.pk]))
    assert response.status_code == 302
    assert not _off_site(response)


@pytest.mark.django_db
@pytest.mark.parametrize("target", EVIL)
def test_logging_in_goes_back_only_on_this_site(client: Client, target: str) -> None:
    UserFactory.create(email="anna@example.org")
    response = client.post(
        reverse("account_login"),
        {"login": "anna@example.org", "password": DEFAULT_PASSWORD, "next": target},
    )
    assert response.status_code == 302
    assert not _off_site(response)


READS_NEXT = re.compile(
    r"""(GET|POST|data|query)\.get\(\s*["'](next|back|return_to|redirect_to)["']"""
)


def test_no_view_reads_a_return_address_past_the_helper() -> None:
    offenders = [
        str(path.relative_to(ROOT))
        for path in ROOT.rglob("*.py")
        if "/tests/" not in path.as_posix()
        and path.name != "redirects.py"
        and READS_NEXT.search(path.read_text())
    ]
    assert not offenders, f"read `next` through nkohub.core.redirects.safe_next: {offenders}"


def test_no_view_redirects_to_the_referer() -> None:
    offenders = [
        str(path.relative_to(ROOT))
        for path in ROOT.rglob("*.py")
        if "/tests/" not in path.as_posix()
        and re.search(r"HTTP_REFERER|headers\.get\(\s*[\"']Referer", path.read_text())
    ]
    assert not offenders, offenders
