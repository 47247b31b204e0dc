"""Attendance: the organiser's list, check-in by code (typed or scanned), idempotent."""

import pytest
from django.urls import reverse

from nkohub.core.errors import DomainError
from nkohub.events import services
from nkohub.events.models import Registration
from nkohub.events.tests.factories import RegistrationFactory


@pytest.fixture
def registrations(event, people):
    return [RegistrationFactory.create(event=event, user=person) for person in people[:2]]


def test_the_organiser_marks_who_came(client, owner, event, registrations):
    client.force_login(owner)
    client.post(reverse("events:attendance", args=[event.pk]), {"present": [registrations[0].pk]})
    came = list(Registration.objects.filter(attended_at__isnull=False).values_list("pk", flat=True))
    assert came == [registrations[0].pk]


def test_unticking_clears_attendance(owner, event, registrations):
    services.attendance_set(actor=owner, event=event, present=[r.pk for r in registrations])
    services.attendance_set(actor=owner, event=event, present=[registrations[1].pk])
    assert Registration.objects.filter(attended_at__isnull=False).count() == 1


def test_a_member_of_the_platform_cannot_mark_attendance(client, outsider, event, registrations):
    client.force_login(outsider)
    response = client.post(
        reverse("events:attendance", args=[event.pk]), {"present": [registrations[0].pk]}
    )
    assert response.status_code == 403


def test_a_code_checks_in_once_and_twice_is_harmless(owner, event, registrations):
    code = registrations[0].checkin_code
    first = services.checkin_by_code(actor=owner, event=event, code=code)
    second = services.checkin_by_code(actor=owner, event=event, code=code.lower().replace("-", " "))
    assert (first[1], second[1]) == (False, True)


def test_the_check_in_page_answers_the_script_in_json(client, owner, event, registrations):
    client.force_login(owner)
    response = client.post(
        reverse("events:checkin", args=[event.pk]),
        {"code": registrations[0].checkin_code},
        headers={"accept": "application/json"},
    )
    assert response.json()["ok"] is True


def test_an_unknown_code_is_refused_with_a_message(client, owner, event, registrations):
    client.force_login(owner)
    response = client.post(
        reverse("events:checkin", args=[event.pk]),
        {"code": "ZZZZ-ZZZZ"},
        headers={"accept": "application/json"},
    )
    assert (response.status_code, response.json()["ok"]) == (422, False)


def test_a_code_of_another_event_is_refused(owner, event, registrations, ngo):
    other = RegistrationFactory.create(event__organizer=ngo)
    with pytest.raises(DomainError, match="Нет регистрации"):
        services.checkin_by_code(actor=owner, event=event, code=other.checkin_code)


def test_an_outsider_cannot_open_the_check_in_page(client, outsider, event):
    client.force_login(outsider)
    assert client.get(reverse("events:checkin", args=[event.pk])).status_code == 403


def test_a_person_sees_their_own_qr_code(client, event, registrations, people):
    client.force_login(people[0])
    response = client.get(reverse("events:qr", args=[event.pk]))
    assert response.content.startswith(b"<?xml")


def test_a_person_without_a_place_has_no_qr_code(client, event, outsider):
    client.force_login(outsider)
    assert client.get(reverse("events:qr", args=[event.pk])).status_code == 404
