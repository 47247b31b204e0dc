"""Writes of news and events from outside: through the apps' own services and permissions, only with
a token of the organisation and the scope for it; the service audits each as from the pages."""

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from nkohub.api.models import ApiToken, Scope
from nkohub.api.tests.factories import bearer, make_token
from nkohub.core.models import AuditEntry
from nkohub.events.models import Event
from nkohub.events.tests.factories import EventFactory
from nkohub.news.models import NewsItem
from nkohub.news.tests.factories import NewsItemFactory
from nkohub.organizations.models import Membership, Organization
from nkohub.projects.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def news_writer(owner: Any, ngo: Organization) -> dict[str, str]:
    return bearer(make_token(owner, ngo, [Scope.READ, Scope.NEWS_WRITE])[1])


@pytest.fixture
def events_writer(owner: Any, ngo: Organization) -> dict[str, str]:
    return bearer(make_token(owner, ngo, [Scope.READ, Scope.EVENTS_WRITE])[1])


@pytest.fixture
def read_only(owner: Any, ngo: Organization) -> dict[str, str]:
    return bearer(make_token(owner, ngo, [Scope.READ])[1])


def _send(client: Any, method: str, path: str, body: dict[str, Any], headers: Any) -> Any:
    return getattr(client, method)(path, data=body, content_type="application/json", **headers)


def _fields(response: Any) -> list[str]:
    assert response["Content-Type"] == "application/problem+json"
    return [error["loc"][-1] for error in response.json()["errors"]]


def _audited(action: str, object_id: int) -> list[int | None]:
    return list(
        AuditEntry.objects.filter(action=action, object_id=str(object_id)).values_list(
            "actor_id", flat=True
        )
    )


# --- news -------------------------------------------------------------------------------------
NEWS = {"title": "Открыли пункт выдачи продуктов", "body": "Работаем по субботам с 10 до 14."}


def test_a_verified_organisation_publishes_news_at_once(
    client: Any, owner: Any, ngo: Organization, news_writer: Any
) -> None:
    Organization.objects.filter(pk=ngo.pk).update(is_verified=True)
    response = _send(client, "post", "/api/v1/news", NEWS, news_writer)
    assert (response.status_code, response.json()["status"]) == (201, "published")
    assert _audited("news.item.create", response.json()["id"]) == [owner.pk]


def test_an_unverified_organisations_news_waits_for_moderation(
    client: Any, ngo: Organization, news_writer: Any
) -> None:
    response = _send(client, "post", "/api/v1/news", NEWS, news_writer)
    item = NewsItem.objects.get(pk=response.json()["id"])
    assert (response.status_code, item.status, item.organization_id) == (201, "pending", ngo.pk)
    assert client.get(f"/api/v1/news/{item.pk}").status_code == 404  # not public yet


def test_news_needs_a_token_with_its_scope(
    client: Any, owner: Any, ngo: Organization, read_only: Any
) -> None:
    offers_only = bearer(make_token(owner, ngo, [Scope.OFFERS_WRITE], name="CRM")[1])
    assert _send(client, "post", "/api/v1/news", NEWS, {}).status_code == 401
    assert _send(client, "post", "/api/v1/news", NEWS, read_only).status_code == 403
    assert _send(client, "post", "/api/v1/news", NEWS, offers_only).status_code == 403
    assert not NewsItem.objects.exists()


def test_another_organisations_token_cannot_change_the_news(
    client: Any, ngo: Organization, other_ngo: Organization, news_writer: Any
) -> None:
    item = NewsItemFactory.create(organization=other_ngo)
    response = _send(client, "patch", f"/api/v1/news/{item.pk}", {"title": "Моё"}, news_writer)
    assert (response.status_code, NewsItem.objects.get(pk=item.pk).title) == (403, item.title)


def test_another_organisations_waiting_news_is_not_even_found(
    client: Any, other_ngo: Organization, news_writer: Any
) -> None:
    item = NewsItemFactory.create(
        organization=other_ngo, status=NewsItem.Status.PENDING, published_at=None
    )
    response = _send(client, "patch", f"/api/v1/news/{item.pk}", {"title": "Моё"}, news_writer)
    assert response.status_code == 404


def test_a_token_stops_writing_when_its_person_is_no_longer_an_editor(
    client: Any, owner: Any, ngo: Organization, news_writer: Any
) -> None:
    """A token outlives a role: the person's right is checked again at each write."""
    Membership.objects.filter(organization=ngo, user=owner).update(role=Membership.Role.MEMBER)
    assert _send(client, "post", "/api/v1/news", NEWS, news_writer).status_code == 403
    assert not NewsItem.objects.exists()


def test_the_owner_changes_the_news_and_the_change_is_audited(
    client: Any, owner: Any, ngo: Organization, news_writer: Any
) -> None:
    item = NewsItemFactory.create(organization=ngo)
    Organization.objects.filter(pk=ngo.pk).update(is_verified=True)
    response = _send(client, "patch", f"/api/v1/news/{item.pk}", {"title": "Новое"}, news_writer)
    assert (response.status_code, response.json()["title"]) == (200, "Новое")
    assert _audited("news.item.update", item.pk) == [owner.pk]


def test_invalid_news_is_a_problem_of_422_naming_the_field(
    client: Any, other_ngo: Organization, news_writer: Any
) -> None:
    empty = _send(client, "post", "/api/v1/news", {**NEWS, "title": ""}, news_writer)
    foreign = ProjectFactory.create(organization=other_ngo)
    linked = _send(client, "post", "/api/v1/news", {**NEWS, "project": foreign.pk}, news_writer)
    assert (empty.status_code, _fields(empty)) == (422, ["title"])
    assert (linked.status_code, _fields(linked)) == (422, ["project"])
    assert not NewsItem.objects.exists()


# --- events -----------------------------------------------------------------------------------
def _event_body(**extra: Any) -> dict[str, Any]:
    starts = (timezone.now() + dt.timedelta(days=10)).replace(microsecond=0)
    return {
        "title": "Школа НКО: отчётность",
        "kind": "training",
        "summary": "Как сдать отчёт в Минюст без ошибок.",
        "starts_at": starts.isoformat(),
        "ends_at": (starts + dt.timedelta(hours=3)).isoformat(),
        "address": "Калуга, ул. Ленина, 74",
        "capacity": 25,
        "questions": ["Какие отчёты вы сдаёте?"],
        **extra,
    }


def test_an_organisation_announces_an_event_with_its_token(
    client: Any, owner: Any, ngo: Organization, events_writer: Any
) -> None:
    response = _send(client, "post", "/api/v1/events", _event_body(), events_writer)
    event = Event.objects.get(pk=response.json()["id"])
    assert (response.status_code, event.organizer_id, event.created_by_id) == (
        201,
        ngo.pk,
        owner.pk,
    )
    assert response.json()["questions"] == ["Какие отчёты вы сдаёте?"]
    assert _audited("events.event.create", event.pk) == [owner.pk]


def test_an_event_needs_a_token_with_its_scope(
    client: Any, read_only: Any, news_writer: Any
) -> None:
    assert _send(client, "post", "/api/v1/events", _event_body(), {}).status_code == 401
    assert _send(client, "post", "/api/v1/events", _event_body(), read_only).status_code == 403
    assert _send(client, "post", "/api/v1/events", _event_body(), news_writer).status_code == 403
    assert not Event.objects.exists()


def test_an_event_the_model_refuses_is_a_problem_of_422_naming_the_field(
    client: Any, events_writer: Any
) -> None:
    body = _event_body()
    backwards = _send(
        client, "post", "/api/v1/events", {**body, "ends_at": body["starts_at"]}, events_writer
    )
    nowhere = _send(client, "post", "/api/v1/events", {**body, "address": ""}, events_writer)
    naive = _send(
        client, "post", "/api/v1/events", {**body, "starts_at": "2030-01-01T10:00"}, events_writer
    )
    assert (backwards.status_code, _fields(backwards)) == (422, ["ends_at"])
    assert (nowhere.status_code, _fields(nowhere)) == (422, ["address"])
    assert (naive.status_code, _fields(naive)) == (422, ["starts_at"])
    assert not Event.objects.exists()


def test_another_organisations_token_cannot_change_or_cancel_the_event(
    client: Any, other_ngo: Organization, events_writer: Any
) -> None:
    event = EventFactory.create(organizer=other_ngo)
    changed = _send(client, "patch", f"/api/v1/events/{event.pk}", {"title": "X"}, events_writer)
    cancelled = _send(
        client, "post", f"/api/v1/events/{event.pk}/cancel", {"reason": "Нет"}, events_writer
    )
    event.refresh_from_db()
    assert (changed.status_code, cancelled.status_code) == (403, 403)
    assert (event.title, event.status) != ("X", Event.Status.CANCELLED)
    assert event.status == Event.Status.SCHEDULED


def test_the_organiser_changes_and_moves_an_event_audited_as_on_the_site(
    client: Any, owner: Any, ngo: Organization, events_writer: Any
) -> None:
    event = EventFactory.create(organizer=ngo)
    later = event.starts_at + dt.timedelta(days=1)
    body = {"title": "Новое название", "starts_at": later.isoformat(), "capacity": 40}
    response = _send(client, "patch", f"/api/v1/events/{event.pk}", body, events_writer)
    event.refresh_from_db()
    assert response.status_code == 200
    assert (event.title, event.starts_at, event.capacity) == ("Новое название", later, 40)
    assert event.ends_at == later + dt.timedelta(hours=2)  # a new start alone keeps the length
    assert _audited("events.event.move", event.pk) == [owner.pk]
    assert _audited("events.event.update", event.pk) == [owner.pk]


def test_a_change_the_model_refuses_changes_nothing(
    client: Any, ngo: Organization, events_writer: Any
) -> None:
    event = EventFactory.create(organizer=ngo)
    body = {"title": "Новое", "ends_at": (event.starts_at - dt.timedelta(hours=1)).isoformat()}
    response = _send(client, "patch", f"/api/v1/events/{event.pk}", body, events_writer)
    event.refresh_from_db()
    assert (response.status_code, _fields(response), event.title) == (422, ["ends_at"], event.title)


def test_the_organiser_cancels_an_event_with_a_reason(
    client: Any, owner: Any, ngo: Organization, events_writer: Any
) -> None:
    event = EventFactory.create(organizer=ngo)
    path = f"/api/v1/events/{event.pk}/cancel"
    without = _send(client, "post", path, {"reason": ""}, events_writer)
    response = _send(client, "post", path, {"reason": "Лектор заболел"}, events_writer)
    assert (without.status_code, _fields(without)) == (422, ["reason"])
    assert (response.status_code, response.json()["status"]) == (200, "cancelled")
    assert _audited("events.event.cancel", event.pk) == [owner.pk]
    again = _send(client, "patch", f"/api/v1/events/{event.pk}", {"title": "X"}, events_writer)
    assert again.status_code == 409  # a cancelled event is not changed any more


# --- the token page ---------------------------------------------------------------------------
def test_the_token_page_offers_and_lists_the_news_and_events_scopes(
    client: Any, owner: Any, ngo: Organization
) -> None:
    client.force_login(owner)
    body = {"name": "Сайт", "organization": ngo.pk, "scopes": ["news:write", "events:write"]}
    page = client.post(reverse("api:tokens"), body, HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert ApiToken.objects.get().scopes == ["events:write", "news:write"]
    assert "публиковать и изменять новости организации" in page
    assert "объявлять, изменять и отменять мероприятия организации" in page
