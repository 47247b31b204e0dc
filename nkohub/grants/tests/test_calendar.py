"""The competitions calendar: filters, pagination, query budget, iCalendar, following, reminders."""

import datetime
from io import StringIO
from typing import Any

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from nkohub.grants.models import Competition, CompetitionFollow, CompetitionReminder
from nkohub.grants.services import send_competition_reminders
from nkohub.grants.tests.factories import CompetitionFactory, FunderFactory
from nkohub.notifications.models import Notification
from nkohub.organizations.models import Sphere

pytestmark = pytest.mark.django_db

COLD_QUERIES = 8


def days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


@pytest.fixture
def calendar(social: Sphere, memory: Sphere) -> dict[str, Competition]:
    pfg = FunderFactory.create()
    pfci = FunderFactory.create(
        code="pfci", name="Президентский фонд культурных инициатив", short_name="ПФКИ"
    )
    items = {
        "open": CompetitionFactory.create(
            funder=pfg, title="Открыт надолго", applications_close_on=days(40)
        ),
        "closing": CompetitionFactory.create(
            funder=pfci, title="Скоро закрывается", applications_close_on=days(5)
        ),
        "upcoming": CompetitionFactory.create(
            funder=pfg,
            title="Ещё не начался",
            applications_open_on=days(20),
            applications_close_on=days(60),
        ),
        "past": CompetitionFactory.create(
            funder=pfg,
            title="Уже закрыт",
            applications_open_on=days(-60),
            applications_close_on=days(-1),
        ),
    }
    items["open"].directions.set([social])
    items["closing"].directions.set([memory])
    return items


def titles(response: Any) -> list[str]:
    return [c.title for c in response.context["page"].object_list]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["Скоро закрывается", "Открыт надолго", "Ещё не начался"]),
        ("?when=open", ["Скоро закрывается", "Открыт надолго"]),
        ("?when=closing", ["Скоро закрывается"]),
        ("?when=upcoming", ["Ещё не начался"]),
        ("?when=past", ["Уже закрыт"]),
        ("?q=надолго", ["Открыт надолго"]),
        ("?q=открытые", ["Открыт надолго"]),
        ("?q=фонд+надолго", ["Открыт надолго"]),
    ],
)
def test_the_calendar_filters_by_period(
    client: Any, calendar: dict[str, Competition], query: str, expected: list[str]
) -> None:
    assert titles(client.get(reverse("grants:calendar") + query)) == expected


def test_the_calendar_suggests_a_corrected_search(
    client: Any, calendar: dict[str, Competition]
) -> None:
    response = client.get(reverse("grants:calendar"), {"q": "надалго"})
    assert titles(response) == []
    assert response.context["suggestion"] == "надолго"
    assert "Возможно, вы имели в виду" in response.content.decode()


def test_the_calendar_filters_by_funder_and_direction(
    client: Any, calendar: dict[str, Competition], memory: Sphere
) -> None:
    pfci = calendar["closing"].funder
    url = reverse("grants:calendar")
    assert titles(client.get(url, {"funder": pfci.pk})) == ["Скоро закрывается"]
    assert titles(client.get(url, {"direction": memory.pk})) == ["Скоро закрывается"]


def test_htmx_requests_get_only_the_results(client: Any, calendar: Any) -> None:
    response = client.get(reverse("grants:calendar"), {"when": "open"}, HTTP_HX_REQUEST="true")
    page = response.content.decode()
    assert "<html" not in page
    assert "Скоро закрывается" in page


def test_an_empty_filter_says_so(client: Any, db: Any) -> None:
    page = client.get(reverse("grants:calendar")).content.decode()
    assert "Нет конкурсов, подходящих под фильтр" in page


def test_the_calendar_is_paginated(client: Any, pfg: Any) -> None:
    for n in range(25):
        CompetitionFactory.create(funder=pfg, applications_close_on=days(10 + n))
    first = client.get(reverse("grants:calendar"))
    assert len(first.context["page"].object_list) == 20
    second = client.get(reverse("grants:calendar"), {"page": 2})
    assert len(second.context["page"].object_list) == 5
    assert "Страница 2 из 2" in second.content.decode()


@pytest.fixture(params=[5, 25])
def followed_calendar(request: Any, client: Any, owner: Any, social: Sphere, memory: Sphere) -> Any:
    """The owner, logged in, follows every competition of a calendar of 5 or 25."""
    pfg = FunderFactory.create()
    for n in range(request.param):
        competition = CompetitionFactory.create(funder=pfg, applications_close_on=days(3 + n))
        competition.directions.set([social, memory])
        CompetitionFollow.objects.create(competition=competition, user=owner)
    client.force_login(owner)
    client.get(reverse("grants:calendar"))  # warm the session and the fragments
    return client


def test_the_calendar_runs_a_constant_number_of_queries_with_cold_caches(
    followed_calendar: Any, django_assert_num_queries: Any
) -> None:
    cache.clear()
    with django_assert_num_queries(COLD_QUERIES):
        followed_calendar.get(reverse("grants:calendar"))


def test_the_calendar_from_its_cached_fragments_queries_only_the_session_and_follows(
    followed_calendar: Any, django_assert_num_queries: Any
) -> None:
    with django_assert_num_queries(3):  # the session, the user, the followed competitions
        followed_calendar.get(reverse("grants:calendar"))


def test_the_calendar_shows_a_new_competition_at_once(client: Any, calendar: Any) -> None:
    client.get(reverse("grants:calendar"))  # the fragments are cached
    CompetitionFactory.create(title="Только что объявлен", applications_close_on=days(30))
    assert "Только что объявлен" in client.get(reverse("grants:calendar")).content.decode()


def test_the_calendar_shows_a_renamed_direction_at_once(
    client: Any, calendar: Any, social: Sphere
) -> None:
    client.get(reverse("grants:calendar"))  # the fragments are cached
    social.name = "Социальная поддержка семей"
    social.save()
    assert "Социальная поддержка семей" in client.get(reverse("grants:calendar")).content.decode()


def test_the_icalendar_feed_has_one_event_per_deadline(
    client: Any, calendar: dict[str, Competition]
) -> None:
    response = client.get(reverse("grants:calendar_ics"), {"when": "open"})
    assert response["Content-Type"].startswith("text/calendar")
    feed = Calendar.from_ical(response.content)
    events = {str(e["summary"]): e for e in feed.walk("VEVENT")}
    assert len(events) == 2
    event = next(e for s, e in events.items() if "Скоро закрывается" in s)
    assert event.decoded("dtstart") == days(5)
    assert str(event["url"]).endswith(reverse("grants:competition", args=[calendar["closing"].pk]))
    assert event.walk("VALARM")


def test_a_person_follows_and_unfollows_a_competition(
    client: Any, outsider: Any, calendar: dict[str, Competition]
) -> None:
    competition = calendar["open"]
    client.force_login(outsider)
    url = reverse("grants:competition_follow", args=[competition.pk])
    assert client.post(url, {"follow": "1"}).status_code == 302
    assert client.post(url, {"follow": "1"}).status_code == 302  # twice is still one follow
    assert CompetitionFollow.objects.filter(user=outsider).count() == 1
    page = client.get(reverse("grants:competition", args=[competition.pk])).content.decode()
    assert "Не следить" in page
    client.post(url, {"follow": "0"})
    assert not CompetitionFollow.objects.exists()


def test_anonymous_people_cannot_follow(client: Any, calendar: dict[str, Competition]) -> None:
    url = reverse("grants:competition_follow", args=[calendar["open"].pk])
    assert client.post(url).status_code == 302
    assert not CompetitionFollow.objects.exists()


def test_reminders_go_out_once_per_threshold(
    owner: Any, editor: Any, calendar: dict[str, Competition]
) -> None:
    closing, far = calendar["closing"], calendar["open"]
    CompetitionFollow.objects.create(competition=closing, user=owner)
    CompetitionFollow.objects.create(competition=far, user=editor)
    today = timezone.localdate()
    assert send_competition_reminders(today=today).endswith(": 1")
    assert send_competition_reminders(today=today).endswith(": 0")  # idempotent
    notification = Notification.objects.get()
    assert notification.recipient == owner
    assert notification.kind == "grants.competition.closing"
    assert "через 5 дн." in notification.title
    # The last day: the one-day reminder goes out, the seven-day one is not repeated.
    assert send_competition_reminders(today=closing.applications_close_on).endswith(": 1")
    assert set(CompetitionReminder.objects.values_list("days_before", flat=True)) == {7, 1}
    assert "сегодня" in Notification.objects.latest("pk").title


def test_the_reminder_command_is_idempotent(owner: Any, calendar: dict[str, Competition]) -> None:
    CompetitionFollow.objects.create(competition=calendar["closing"], user=owner)
    out = StringIO()
    call_command("send_grant_reminders", stdout=out)
    call_command("send_grant_reminders", stdout=out)
    assert Notification.objects.count() == 1
    assert "отправлено: 1" in out.getvalue()
    assert "отправлено: 0" in out.getvalue()


def test_the_reminder_job_is_registered_with_the_scheduler() -> None:
    scheduling = pytest.importorskip("nkohub.notifications.scheduling")
    job = scheduling.get_periodic_job("grants.competition_reminders")
    assert job.daily_at is not None


def test_operators_add_competitions_and_others_cannot(
    client: Any, operator: Any, owner: Any, pfg: Any, social: Sphere
) -> None:
    data = {
        "funder": pfg.pk,
        "title": "Специальный конкурс 2027",
        "directions": [social.pk],
        "applications_open_on": "2026-11-01",
        "applications_close_on": "2026-12-15",
        "implementation_starts_from": "2027-03-01",
        "implementation_ends_by": "2027-12-31",
        "min_amount": "100000",
        "max_amount": "50000",
        "cofinancing_min_percent": "10",
        "vague_budget_item_max_percent": "20",
        "url": "",
    }
    url = reverse("grants:competition_create")
    client.force_login(owner)
    assert client.post(url, data).status_code == 403
    client.force_login(operator)
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Не может быть меньше" in response.content.decode()
    data["max_amount"] = "3000000"
    response = client.post(url, data)
    competition = Competition.objects.get()
    assert response["Location"] == reverse("grants:competition", args=[competition.pk])
    assert list(competition.directions.all()) == [social]


def test_competitions_closing_soon_say_how_long_is_left(
    client: Any, calendar: dict[str, Competition]
) -> None:
    page = client.get(reverse("grants:calendar")).content.decode()
    assert "закрывается через 5\u00a0дней" in page
    assert page.count("закрывается через") == 1


def test_the_icalendar_link_follows_the_filters_of_the_results(
    client: Any, calendar: dict[str, Competition]
) -> None:
    from nkohub.core.tests.html_links import href_of

    response = client.get(
        reverse("grants:calendar"), {"when": "open", "page": "1"}, headers={"HX-Request": "true"}
    )
    href = href_of(response.content.decode(), "Сроки в ваш календарь")
    assert href == reverse("grants:calendar_ics") + "?when=open"
