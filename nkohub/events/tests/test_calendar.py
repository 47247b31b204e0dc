"""The public calendar and an event's page: filters, audiences, constant queries."""

from typing import Any

from django.urls import reverse

from nkohub.events.models import Event
from nkohub.events.tests.factories import (
    EventFactory,
    QuestionFactory,
    RegistrationFactory,
    in_days,
)
from nkohub.organizations.tests.factories import OrganizationFactory


def listed(client: Any, query: str = "") -> list[str]:
    response = client.get(reverse("events:index") + query)
    return [event.title for event in response.context["page"].object_list]


def test_upcoming_events_by_start(client, ngo):
    EventFactory.create(organizer=ngo, title="Позже", starts_at=in_days(9))
    EventFactory.create(organizer=ngo, title="Раньше", starts_at=in_days(2))
    EventFactory.create(
        organizer=ngo, title="Прошло", starts_at=in_days(-5), ends_at=in_days(-5, 14)
    )
    assert listed(client) == ["Раньше", "Позже"]


def test_past_events_are_reachable_newest_first(client, ngo):
    EventFactory.create(
        organizer=ngo, title="Давно", starts_at=in_days(-30), ends_at=in_days(-30, 14)
    )
    EventFactory.create(
        organizer=ngo, title="Недавно", starts_at=in_days(-2), ends_at=in_days(-2, 14)
    )
    assert listed(client, "?past=on") == ["Недавно", "Давно"]


def test_filter_by_kind(client, ngo):
    EventFactory.create(organizer=ngo, title="Вебинар", kind=Event.Kind.WEBINAR)
    EventFactory.create(organizer=ngo, title="Сессия", kind=Event.Kind.STRATEGIC_SESSION)
    assert listed(client, "?kind=strategic_session") == ["Сессия"]


def test_filter_online_or_in_person(client, ngo):
    EventFactory.create(
        organizer=ngo, title="Онлайн", is_online=True, online_url="https://x.example/"
    )
    EventFactory.create(organizer=ngo, title="Очно")
    assert listed(client, "?mode=online") == ["Онлайн"]


def test_filter_by_organiser(client, ngo, other_ngo):
    EventFactory.create(organizer=ngo, title="Наше")
    EventFactory.create(organizer=other_ngo, title="Чужое")
    assert listed(client, f"?organizer={other_ngo.pk}") == ["Чужое"]


def test_filter_by_municipality(client, ngo):
    from nkohub.events.forms import CalendarFilterForm
    from nkohub.territories.tests.factories import MunicipalityFactory

    field: Any = CalendarFilterForm(organizers=None).fields["municipality"]
    here = field.queryset.first()
    there = MunicipalityFactory.create(region=here.region)
    EventFactory.create(organizer=ngo, title="Здесь", municipality=here)
    EventFactory.create(organizer=ngo, title="Там", municipality=there)
    assert listed(client, f"?municipality={here.pk}") == ["Здесь"]


def test_filter_by_dates(client, ngo):
    EventFactory.create(organizer=ngo, title="Через 3 дня", starts_at=in_days(3))
    EventFactory.create(organizer=ngo, title="Через 20 дней", starts_at=in_days(20))
    day = in_days(20).date().isoformat()
    assert listed(client, f"?date_from={day}&date_to={day}") == ["Через 20 дней"]


def test_guests_do_not_see_members_or_staff_events(client, ngo):
    EventFactory.create(organizer=ngo, title="Для всех")
    EventFactory.create(organizer=ngo, title="Для участников", audience=Event.Audience.MEMBERS)
    EventFactory.create(organizer=ngo, title="Для своих", audience=Event.Audience.STAFF)
    assert listed(client) == ["Для всех"]


def test_staff_events_show_to_the_organisers_members(client, ngo, member, outsider):
    EventFactory.create(organizer=ngo, title="Для своих", audience=Event.Audience.STAFF)
    client.force_login(outsider)
    outsider_sees = listed(client)
    client.force_login(member)
    assert (outsider_sees, listed(client)) == ([], ["Для своих"])


def test_a_staff_event_is_404_to_an_outsider(client, ngo, outsider):
    event = EventFactory.create(organizer=ngo, audience=Event.Audience.STAFF)
    client.force_login(outsider)
    assert client.get(event.get_absolute_url()).status_code == 404


def test_the_empty_calendar_says_so(client, db):
    response = client.get(reverse("events:index"))
    assert "Нет предстоящих мероприятий" in response.content.decode()


def _fill(size: int, people: list[Any]) -> None:
    for i in range(size):
        organizer = OrganizationFactory.create()
        event = EventFactory.create(organizer=organizer, starts_at=in_days(1 + i))
        RegistrationFactory.create(event=event, user=people[i % len(people)])


def test_the_calendar_costs_the_same_queries_at_two_sizes(
    client, people, django_assert_num_queries
):
    client.force_login(people[0])
    _fill(2, people)
    client.get(reverse("events:index"))
    with django_assert_num_queries(8) as small:
        client.get(reverse("events:index"))
    _fill(12, people)
    with django_assert_num_queries(len(small.captured_queries)):
        client.get(reverse("events:index"))


def test_an_event_page_costs_the_same_queries_at_two_sizes(
    client, event, people, django_assert_num_queries
):
    QuestionFactory.create(event=event)
    client.force_login(people[0])
    client.get(event.get_absolute_url())
    with django_assert_num_queries(7) as small:
        client.get(event.get_absolute_url())
    for person in people[1:]:
        RegistrationFactory.create(event=event, user=person, status="waiting", confirmed_at=None)
    QuestionFactory.create(event=event)
    with django_assert_num_queries(len(small.captured_queries)):
        client.get(event.get_absolute_url())


def test_the_organisations_profile_lists_its_upcoming_events(client, ngo):
    EventFactory.create(organizer=ngo, title="Планёрка волонтёров")
    content = client.get(reverse("organizations:detail", args=[ngo.pk])).content.decode()
    assert ("Планёрка волонтёров" in content, f"/events/organisations/{ngo.pk}.ics" in content) == (
        True,
        True,
    )
