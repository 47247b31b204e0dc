"""The pages that write: registration from the event's page, and the organiser's pages, with the rights
of each (an outsider gets 403 on a visible event, 404 on one they may not see)."""

import datetime as dt

import pytest
from django.urls import reverse

from nkohub.events.models import Event, EventQuestion, Registration
from nkohub.events.tests.factories import EventFactory, RegistrationFactory


def post(client, name, event, data=None):
    return client.post(reverse(f"events:{name}", args=[event.pk]), data or {})


def test_registering_from_the_page_confirms_a_place(client, event, people):
    client.force_login(people[0])
    post(client, "register", event)
    assert Registration.objects.get(event=event, user=people[0]).status == "confirmed"


def test_a_full_event_puts_the_next_person_on_the_waiting_list_with_a_clear_message(
    client, event, people
):
    for person in people[:2]:
        RegistrationFactory.create(event=event, user=person)
    client.force_login(people[2])
    response = post(client, "register", event)
    page = client.get(response.url).content.decode()
    assert "номер 1 в листе ожидания" in page


def test_a_double_click_registers_once(client, event, people):
    client.force_login(people[0])
    post(client, "register", event)
    post(client, "register", event)
    assert Registration.objects.filter(event=event).count() == 1


def test_a_guest_is_sent_to_log_in(client, event):
    response = post(client, "register", event)
    assert response.url.startswith(reverse("account_login"))


def test_registration_to_a_staff_event_of_another_organisation_is_404(client, ngo, outsider):
    event = EventFactory.create(organizer=ngo, audience=Event.Audience.STAFF)
    client.force_login(outsider)
    assert post(client, "register", event).status_code == 404


def test_cancelling_from_the_page(client, event, people):
    RegistrationFactory.create(event=event, user=people[0])
    client.force_login(people[0])
    post(client, "registration_cancel", event)
    assert Registration.objects.get(event=event, user=people[0]).status == "cancelled"


def test_cancelling_without_a_registration_is_404(client, event, outsider):
    client.force_login(outsider)
    assert post(client, "registration_cancel", event).status_code == 404


def test_an_editor_creates_an_event_for_their_organisation(client, editor, ngo):
    client.force_login(editor)
    client.post(
        reverse("events:create"),
        {
            "organizer": ngo.pk,
            "title": "Школа НКО: финансовая отчётность",
            "kind": "training",
            "summary": "Отчётность НКО в Минюст и налоговую.",
            "time_zone": "Europe/Moscow",
            "address": "Калуга, ул. Кирова, 1",
            "capacity": 25,
            "audience": "public",
            "starts_at": "2027-02-10T10:00",
            "ends_at": "2027-02-10T13:00",
            "questions": "Какая у вас система налогообложения?",
        },
    )
    event = Event.objects.get(title="Школа НКО: финансовая отчётность")
    assert (event.starts_at.isoformat(), EventQuestion.objects.filter(event=event).count()) == (
        "2027-02-10T07:00:00+00:00",
        1,
    )


def test_a_member_without_an_acting_role_cannot_create_events(client, member):
    client.force_login(member)
    assert client.get(reverse("events:create")).status_code == 403


def test_the_organiser_edits_the_event(client, owner, event):
    client.force_login(owner)
    client.post(
        reverse("events:edit", args=[event.pk]),
        {
            "title": "Стратегическая сессия: план на 2027 год",
            "kind": "strategic_session",
            "summary": event.summary,
            "time_zone": "Europe/Moscow",
            "address": event.address,
            "capacity": 40,
            "audience": "public",
        },
    )
    event.refresh_from_db()
    assert (event.title, event.capacity) == ("Стратегическая сессия: план на 2027 год", 40)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("close", {}),
        ("reopen", {}),
        ("move", {"starts_at": "2027-03-01T10:00", "ends_at": "2027-03-01T12:00"}),
        ("cancel", {"reason": "Нет зала"}),
        ("question_add", {"text": "Нужен ли вам пандус?"}),
        ("attendance", {}),
        ("edit", {"title": "Чужое"}),
    ],
)
def test_organiser_writes_are_403_to_others(client, event, member, name, data):
    client.force_login(member)
    assert post(client, name, event, data).status_code == 403


def test_moving_from_the_page_keeps_the_wall_clock_of_the_events_zone(client, owner, ngo):
    event = EventFactory.create(organizer=ngo, time_zone="Asia/Yekaterinburg")
    client.force_login(owner)
    post(client, "move", event, {"starts_at": "2027-03-01T10:00", "ends_at": "2027-03-01T12:00"})
    event.refresh_from_db()
    assert event.starts_at == dt.datetime(2027, 3, 1, 5, 0, tzinfo=dt.UTC)


def test_cancelling_from_the_page_needs_a_reason(client, owner, event):
    client.force_login(owner)
    post(client, "cancel", event, {"reason": ""})
    event.refresh_from_db()
    assert event.status == "scheduled"


def test_closing_and_reopening_registration(client, owner, event):
    client.force_login(owner)
    post(client, "close", event)
    closed = Event.objects.get(pk=event.pk).registration_closed
    post(client, "reopen", event)
    assert (closed, Event.objects.get(pk=event.pk).registration_closed) == (True, False)


def test_the_organiser_adds_a_required_question(client, owner, event):
    client.force_login(owner)
    post(client, "question_add", event, {"text": "Нужен ли вам пандус?", "required": "on"})
    assert EventQuestion.objects.get(event=event).required is True


def test_the_management_page_lists_the_people(client, owner, event, people):
    RegistrationFactory.create(event=event, user=people[0])
    client.force_login(owner)
    response = client.get(reverse("events:manage", args=[event.pk]))
    assert [r.user for r in response.context["page"].object_list] == [people[0]]


def test_the_management_page_costs_the_same_queries_at_two_sizes(
    client, owner, event, people, django_assert_num_queries
):
    RegistrationFactory.create(event=event, user=people[0])
    client.force_login(owner)
    client.get(reverse("events:manage", args=[event.pk]))
    with django_assert_num_queries(10) as small:
        client.get(reverse("events:manage", args=[event.pk]))
    for person in people[1:]:
        RegistrationFactory.create(event=event, user=person, status="waiting", confirmed_at=None)
    with django_assert_num_queries(len(small.captured_queries)):
        client.get(reverse("events:manage", args=[event.pk]))


def test_my_events_and_a_new_feed_address(client, event, people):
    from nkohub.events.models import CalendarFeed

    RegistrationFactory.create(event=event, user=people[0])
    client.force_login(people[0])
    client.get(reverse("events:mine"))
    old = CalendarFeed.objects.get(user=people[0]).token
    client.post(reverse("events:feed_reset"))
    assert CalendarFeed.objects.get(user=people[0]).token != old


def test_my_events_need_a_login(client):
    assert client.get(reverse("events:mine")).status_code == 302
