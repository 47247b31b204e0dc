"""Public reads of events, news, ideas, the knowledge base and the library: the apps' own selectors
and permissions behind each, the same filters as the pages, pagination, ETags, constant SQL."""

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from nkohub.api.tests.factories import bearer, make_token
from nkohub.consultations.tests.factories import article, competence
from nkohub.events.models import Event
from nkohub.events.tests.factories import EventFactory, QuestionFactory, in_days
from nkohub.ideas.models import Idea
from nkohub.ideas.tests.factories import IdeaFactory
from nkohub.learning.models import Material
from nkohub.learning.tests.factories import MaterialFactory, topic
from nkohub.news.models import NewsItem
from nkohub.news.tests.factories import NewsItemFactory
from nkohub.organizations.tests.factories import OrganizationFactory, SphereFactory

pytestmark = pytest.mark.django_db


def _ids(response: Any) -> list[int]:
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["items"]]


# --- events -----------------------------------------------------------------------------------
def test_the_calendar_shows_the_public_upcoming_events_by_start(client: Any) -> None:
    later = EventFactory.create(starts_at=in_days(9))
    sooner = EventFactory.create(starts_at=in_days(2))
    EventFactory.create(audience=Event.Audience.MEMBERS)
    EventFactory.create(starts_at=in_days(-3))  # over
    assert _ids(client.get("/api/v1/events")) == [sooner.pk, later.pk]


def test_a_token_shows_the_events_for_members_of_the_platform(
    client: Any, owner: Any, ngo: Any
) -> None:
    for_members = EventFactory.create(audience=Event.Audience.MEMBERS)
    _, key = make_token(owner, ngo)
    assert _ids(client.get("/api/v1/events", **bearer(key))) == [for_members.pk]


def test_the_calendar_filters_as_the_page_does(client: Any) -> None:
    webinar = EventFactory.create(kind=Event.Kind.WEBINAR, starts_at=in_days(3))
    EventFactory.create(kind=Event.Kind.TRAINING, starts_at=in_days(3))
    EventFactory.create(kind=Event.Kind.WEBINAR, starts_at=in_days(30))
    day = (webinar.starts_at + dt.timedelta(days=5)).date()
    params = {"kind": "webinar", "date_to": day.isoformat()}
    assert _ids(client.get("/api/v1/events", params)) == [webinar.pk]


def test_past_events_come_newest_first(client: Any) -> None:
    old = EventFactory.create(starts_at=in_days(-20))
    recent = EventFactory.create(starts_at=in_days(-2))
    assert _ids(client.get("/api/v1/events", {"past": "true"})) == [recent.pk, old.pk]


def test_an_event_shows_its_questions_but_not_the_link_to_join(client: Any) -> None:
    event = EventFactory.create(is_online=True, online_url="https://meet.example.org/secret")
    QuestionFactory.create(event=event, text="Какая у вас организация?")
    response = client.get(f"/api/v1/events/{event.pk}")
    assert response.json()["questions"] == ["Какая у вас организация?"]
    assert b"meet.example.org" not in response.content


def test_a_staff_event_is_a_problem_of_404_to_the_public(client: Any) -> None:
    event = EventFactory.create(audience=Event.Audience.STAFF)
    response = client.get(f"/api/v1/events/{event.pk}")
    assert (response.status_code, response["Content-Type"]) == (404, "application/problem+json")


def test_an_event_answers_304_to_its_etag(client: Any) -> None:
    event = EventFactory.create()
    tag = client.get(f"/api/v1/events/{event.pk}")["ETag"]
    assert client.get(f"/api/v1/events/{event.pk}", HTTP_IF_NONE_MATCH=tag).status_code == 304
    Event.objects.filter(pk=event.pk).update(title="Перенесённый вебинар")
    assert client.get(f"/api/v1/events/{event.pk}", HTTP_IF_NONE_MATCH=tag).status_code == 200


@pytest.mark.parametrize("count", [2, 12])
def test_the_calendar_costs_the_same_queries_at_any_size(
    client: Any, count: int, django_assert_num_queries: Any
) -> None:
    EventFactory.create_batch(count)
    with django_assert_num_queries(2):  # count, rows with organiser and municipality
        client.get("/api/v1/events")


# --- news -------------------------------------------------------------------------------------
def test_the_news_feed_shows_published_news_newest_first(client: Any) -> None:
    now = timezone.now()
    old = NewsItemFactory.create(published_at=now - dt.timedelta(days=3))
    new = NewsItemFactory.create(published_at=now - dt.timedelta(hours=1))
    NewsItemFactory.create(status=NewsItem.Status.PENDING, published_at=None)
    assert _ids(client.get("/api/v1/news")) == [new.pk, old.pk]


def test_the_news_cursor_walks_every_item_once_newest_first(client: Any) -> None:
    moment = timezone.now() - dt.timedelta(days=1)
    same_time = NewsItemFactory.create_batch(3, published_at=moment)
    others = [NewsItemFactory.create(published_at=moment - dt.timedelta(minutes=m)) for m in (5, 9)]
    seen: list[int] = []
    cursor = None
    while True:
        params: dict[str, Any] = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        page = client.get("/api/v1/news", params).json()
        seen += [item["id"] for item in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == sorted((i.pk for i in same_time), reverse=True) + [i.pk for i in others]


def test_a_news_cursor_the_api_did_not_give_is_a_problem_of_400(client: Any) -> None:
    response = client.get("/api/v1/news", {"cursor": "cGs6MTI"})  # an offers' cursor: «pk:12»
    assert (response.status_code, response.json()["type"]) == (400, "urn:nkohub:problem:cursor")


def test_the_news_feed_filters_by_sphere_and_searches_as_the_page_does(client: Any) -> None:
    ecology = SphereFactory.create(code="ecology")
    green = OrganizationFactory.create(is_verified=True)
    green.spheres.add(ecology)
    trees = NewsItemFactory.create(organization=green, title="Посадили деревья в парке")
    NewsItemFactory.create(organization=green, title="Отчёт о работе за год")
    NewsItemFactory.create(title="Посадили дерево во дворе")
    params = {"sphere": "ecology", "q": "деревьев"}
    assert _ids(client.get("/api/v1/news", params)) == [trees.pk]
    assert _ids(client.get("/api/v1/news", {"sphere": "no-such"})) == []


def test_a_month_that_is_not_one_is_a_problem_of_422(client: Any) -> None:
    for month in ("2026-13", "9999-12", "２０２６-01"):  # the last two would overflow or mislead
        response = client.get("/api/v1/news", {"month": month})
        assert [e["loc"][-1] for e in response.json()["errors"]] == ["month"]


def test_news_waiting_for_moderation_is_shown_only_to_its_organisation(
    client: Any, owner: Any, ngo: Any, other_ngo: Any
) -> None:
    item = NewsItemFactory.create(
        organization=ngo, status=NewsItem.Status.PENDING, published_at=None
    )
    _, ours = make_token(owner, ngo)
    assert client.get(f"/api/v1/news/{item.pk}").status_code == 404
    assert client.get(f"/api/v1/news/{item.pk}", **bearer(ours)).json()["status"] == "pending"


def test_a_news_item_answers_304_to_its_etag(client: Any) -> None:
    item = NewsItemFactory.create()
    tag = client.get(f"/api/v1/news/{item.pk}")["ETag"]
    assert client.get(f"/api/v1/news/{item.pk}", HTTP_IF_NONE_MATCH=tag).status_code == 304


@pytest.mark.parametrize("count", [2, 12])
def test_the_news_feed_costs_the_same_queries_at_any_size(
    client: Any, count: int, django_assert_num_queries: Any
) -> None:
    NewsItemFactory.create_batch(count)
    with django_assert_num_queries(3):  # rows with organisation and project, photos, pick-ups
        client.get("/api/v1/news", {"limit": 20})


# --- ideas ------------------------------------------------------------------------------------
def test_ideas_filter_by_status_and_sort_by_supports(client: Any) -> None:
    many = IdeaFactory.create(supports_count=9)
    few = IdeaFactory.create(supports_count=2)
    IdeaFactory.create(status=Idea.Status.ACCEPTED)
    assert _ids(client.get("/api/v1/ideas", {"status": "new"})) == [many.pk, few.pk]
    assert _ids(client.get("/api/v1/ideas", {"status": "new", "sort": "new"})) == [few.pk, many.pk]


def test_an_idea_shows_its_supports_and_status_not_its_author(client: Any) -> None:
    idea = IdeaFactory.create(supports_count=5, status=Idea.Status.UNDER_REVIEW)
    body = client.get(f"/api/v1/ideas/{idea.pk}").json()
    assert (body["supports_count"], body["status"], body["is_open"]) == (5, "under_review", True)
    assert "author" not in body


def test_an_idea_that_does_not_exist_is_a_problem_of_404(client: Any) -> None:
    assert client.get("/api/v1/ideas/999999").status_code == 404


@pytest.mark.parametrize("count", [2, 12])
def test_the_ideas_cost_the_same_queries_at_any_size(
    client: Any, count: int, django_assert_num_queries: Any
) -> None:
    IdeaFactory.create_batch(count)
    with django_assert_num_queries(2):  # count, rows with municipality, sphere, addressee
        client.get("/api/v1/ideas")


# --- the knowledge base -----------------------------------------------------------------------
def test_the_knowledge_base_lists_published_articles_of_a_topic(client: Any) -> None:
    taxes = competence("taxes")
    ours = article(title="Как платить УСН с пожертвований", competence=taxes)
    article(title="Как зарегистрировать АНО", competence=competence("law"))
    article(title="Черновик про налоги", competence=taxes, published=False)
    assert _ids(client.get("/api/v1/consultations/answers", {"competence": taxes.pk})) == [ours.pk]


def test_the_knowledge_base_searches_word_forms(client: Any) -> None:
    found = article(title="Пожертвования и налог на прибыль")
    article(title="Как провести собрание учредителей")
    assert _ids(client.get("/api/v1/consultations/answers", {"q": "пожертвование"})) == [found.pk]


def test_a_draft_article_is_a_problem_of_404(client: Any) -> None:
    draft = article(title="Черновик", published=False)
    assert client.get(f"/api/v1/consultations/answers/{draft.pk}").status_code == 404


def test_an_article_answers_304_to_its_etag(client: Any) -> None:
    one = article(title="Отчётность НКО в Минюст")
    tag = client.get(f"/api/v1/consultations/answers/{one.pk}")["ETag"]
    again = client.get(f"/api/v1/consultations/answers/{one.pk}", HTTP_IF_NONE_MATCH=tag)
    assert again.status_code == 304


@pytest.mark.parametrize("count", [2, 12])
def test_the_knowledge_base_costs_the_same_queries_at_any_size(
    client: Any, count: int, django_assert_num_queries: Any
) -> None:
    for n in range(count):
        article(title=f"Ответ номер {n}")
    with django_assert_num_queries(2):  # count, rows with their topic
        client.get("/api/v1/consultations/answers")


# --- the library ------------------------------------------------------------------------------
def test_the_library_filters_by_topic_and_kind(client: Any) -> None:
    grants = topic("grants")
    template = MaterialFactory.create(kind=Material.Kind.TEMPLATE)
    template.topics.add(grants)
    MaterialFactory.create(kind=Material.Kind.CHECKLIST).topics.add(grants)
    MaterialFactory.create(kind=Material.Kind.TEMPLATE)
    params = {"topic": "grants", "kind": "template"}
    assert _ids(client.get("/api/v1/library", params)) == [template.pk]
    assert client.get("/api/v1/library", params).json()["items"][0]["topics"] == ["grants"]


def test_the_library_searches_the_words_of_materials(client: Any) -> None:
    found = MaterialFactory.create(search_text=" смета бюджет ")
    MaterialFactory.create()
    assert _ids(client.get("/api/v1/library", {"q": "смета"})) == [found.pk]


def test_a_draft_material_is_a_problem_of_404(client: Any) -> None:
    draft = MaterialFactory.create(status=Material.Status.DRAFT, published_at=None)
    assert client.get(f"/api/v1/library/{draft.pk}").status_code == 404


def test_a_material_answers_304_to_its_etag(client: Any) -> None:
    material = MaterialFactory.create()
    response = client.get(f"/api/v1/library/{material.pk}")
    assert response.json()["download_url"] == f"/learning/library/{material.pk}/download/"
    again = client.get(f"/api/v1/library/{material.pk}", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


@pytest.mark.parametrize("count", [2, 12])
def test_the_library_costs_the_same_queries_at_any_size(
    client: Any, count: int, django_assert_num_queries: Any
) -> None:
    for material in MaterialFactory.create_batch(count):
        material.topics.add(topic("grants"))
    with django_assert_num_queries(4):  # count, rows, their topics, their tags
        client.get("/api/v1/library")
