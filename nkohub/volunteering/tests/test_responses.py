"""Responding to a call (once, idempotent), the organisation's decision (the person told), places never
exceeded (raced with threads), hours recorded after the start, confirmed, disputed; the record."""

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from nkohub.accounts.tests.factories import UserFactory
from nkohub.core.errors import DomainError
from nkohub.core.tests.concurrency import race
from nkohub.notifications.models import Notification
from nkohub.volunteering import services
from nkohub.volunteering.models import VolunteerCall, VolunteerProfile, VolunteerResponse
from nkohub.volunteering.tests.factories import VolunteerCallFactory, VolunteerResponseFactory

pytestmark = pytest.mark.django_db


def _begun(call: VolunteerCall) -> VolunteerCall:
    VolunteerCall.objects.filter(pk=call.pk).update(
        starts_at=timezone.now() - dt.timedelta(hours=5),
        ends_at=timezone.now() - dt.timedelta(hours=1),
    )
    call.refresh_from_db()
    return call


def test_a_person_responds_with_a_message(client: Any, volunteer: Any, call: VolunteerCall) -> None:
    client.force_login(volunteer)
    client.post(reverse("volunteering:respond", args=[call.pk]), {"message": "Есть машина."})
    response = VolunteerResponse.objects.get(call=call, user=volunteer)
    assert response.message == "Есть машина."


def test_the_organisation_is_told_of_a_response(
    client: Any, volunteer: Any, owner: Any, call: VolunteerCall
) -> None:
    client.force_login(volunteer)
    client.post(reverse("volunteering:respond", args=[call.pk]), {"message": ""})
    assert Notification.objects.filter(
        recipient=owner, kind="volunteering.response.created"
    ).exists()


def test_responding_twice_keeps_one_response(
    client: Any, volunteer: Any, call: VolunteerCall
) -> None:
    client.force_login(volunteer)
    url = reverse("volunteering:respond", args=[call.pk])
    client.post(url, {"message": "Первый"})
    client.post(url, {"message": "Второй"})
    assert list(VolunteerResponse.objects.values_list("message", flat=True)) == ["Первый"]


def test_the_service_is_idempotent(volunteer: Any, call: VolunteerCall) -> None:
    first = services.response_create(actor=volunteer, call=call, message="a")
    again = services.response_create(actor=volunteer, call=call, message="b")
    assert again.pk == first.pk


def test_a_guest_cannot_respond(client: Any, call: VolunteerCall) -> None:
    response = client.post(reverse("volunteering:respond", args=[call.pk]))
    assert "/accounts/login/" in response["Location"]


def test_nobody_responds_to_a_cancelled_call(
    client: Any, volunteer: Any, call: VolunteerCall
) -> None:
    VolunteerCall.objects.filter(pk=call.pk).update(status=VolunteerCall.Status.CANCELLED)
    client.force_login(volunteer)
    assert client.post(reverse("volunteering:respond", args=[call.pk])).status_code == 403


def test_the_owner_accepts_and_the_volunteer_is_told(
    client: Any, owner: Any, volunteer: Any, call: VolunteerCall
) -> None:
    response = VolunteerResponseFactory.create(call=call, user=volunteer)
    client.force_login(owner)
    client.post(reverse("volunteering:decide", args=[call.pk, response.pk]), {"decision": "accept"})
    note = Notification.objects.get(recipient=volunteer, kind="volunteering.response.decided")
    assert note.title == "Вас приняли волонтёром: «Доставка продуктовых наборов пожилым людям»"


def test_accepting_takes_a_place_and_declining_gives_it_back(
    owner: Any, call: VolunteerCall
) -> None:
    response = VolunteerResponseFactory.create(call=call)
    services.response_decide(actor=owner, response=response, accept=True)
    services.response_decide(actor=owner, response=response, accept=False)
    call.refresh_from_db()
    assert call.places_taken == 0


def test_no_more_are_accepted_than_places(owner: Any, call: VolunteerCall) -> None:
    first, second, third = VolunteerResponseFactory.create_batch(3, call=call)
    services.response_decide(actor=owner, response=first, accept=True)
    services.response_decide(actor=owner, response=second, accept=True)
    with pytest.raises(DomainError, match="Все места в этом призыве заняты"):
        services.response_decide(actor=owner, response=third, accept=True)


def test_the_volunteer_cannot_accept_themselves(
    client: Any, volunteer: Any, call: VolunteerCall
) -> None:
    response = VolunteerResponseFactory.create(call=call, user=volunteer)
    client.force_login(volunteer)
    url = reverse("volunteering:decide", args=[call.pk, response.pk])
    assert client.post(url, {"decision": "accept"}).status_code == 404


def test_a_member_without_editing_rights_cannot_decide(
    client: Any, member: Any, call: VolunteerCall
) -> None:
    response = VolunteerResponseFactory.create(call=call)
    client.force_login(member)
    url = reverse("volunteering:decide", args=[call.pk, response.pk])
    assert client.post(url, {"decision": "accept"}).status_code == 404


@pytest.mark.django_db(transaction=True)
def test_ten_owners_accepting_at_once_fill_three_places_only() -> None:
    name = str(connection.settings_dict["NAME"])
    assert connection.vendor != "sqlite" or "memory" not in name, "needs a file database"
    call = VolunteerCallFactory.create(places=3)
    operator = UserFactory.create(is_operator=True, password=None)
    responses = [VolunteerResponseFactory.create(call=call) for _ in range(10)]
    outcomes = race(
        10,
        lambda i: services.response_decide(actor=operator, response=responses[i], accept=True).pk,
    )
    assert outcomes.unexpected(DomainError) == {}, outcomes.report()
    assert len(outcomes.results) == 3, outcomes.report()
    call.refresh_from_db()
    assert call.places_taken == 3
    assert VolunteerResponse.objects.filter(call=call, status="accepted").count() == 3


def _accepted(call: VolunteerCall, owner: Any, volunteer: Any) -> VolunteerResponse:
    response = VolunteerResponseFactory.create(call=call, user=volunteer)
    return services.response_decide(actor=owner, response=response, accept=True)


def test_hours_wait_for_the_start(owner: Any, volunteer: Any, call: VolunteerCall) -> None:
    response = _accepted(call, owner, volunteer)
    with pytest.raises(DomainError, match="когда призыв уже начался"):
        services.hours_record(actor=owner, response=response, hours=Decimal(4))


def test_hours_are_recorded_and_confirmed(
    client: Any, owner: Any, volunteer: Any, call: VolunteerCall
) -> None:
    response = _accepted(_begun(call), owner, volunteer)
    client.force_login(owner)
    client.post(reverse("volunteering:hours_record", args=[call.pk, response.pk]), {"hours": "3.5"})
    client.post(reverse("volunteering:hours_confirm", args=[call.pk, response.pk]))
    response.refresh_from_db()
    assert (response.hours, response.hours_status) == (Decimal("3.5"), "confirmed")


def test_the_volunteer_is_told_of_confirmed_hours(
    owner: Any, volunteer: Any, call: VolunteerCall
) -> None:
    response = _accepted(_begun(call), owner, volunteer)
    services.hours_record(actor=owner, response=response, hours=Decimal(4))
    services.hours_confirm(actor=owner, response=response)
    assert Notification.objects.filter(
        recipient=volunteer, kind="volunteering.hours.confirmed"
    ).exists()


def test_hours_only_for_accepted_volunteers(owner: Any, call: VolunteerCall) -> None:
    response = VolunteerResponseFactory.create(call=_begun(call))
    with pytest.raises(DomainError, match="только принятым волонтёрам"):
        services.hours_record(actor=owner, response=response, hours=Decimal(2))


def test_the_volunteer_cannot_record_their_own_hours(
    client: Any, owner: Any, volunteer: Any, call: VolunteerCall
) -> None:
    response = _accepted(_begun(call), owner, volunteer)
    client.force_login(volunteer)
    url = reverse("volunteering:hours_record", args=[call.pk, response.pk])
    assert client.post(url, {"hours": "100"}).status_code == 404


def test_an_outsider_cannot_confirm_hours(
    client: Any, owner: Any, volunteer: Any, outsider: Any, call: VolunteerCall
) -> None:
    response = _accepted(_begun(call), owner, volunteer)
    services.hours_record(actor=owner, response=response, hours=Decimal(2))
    client.force_login(outsider)
    url = reverse("volunteering:hours_confirm", args=[call.pk, response.pk])
    assert client.post(url).status_code == 404


def test_the_volunteer_disputes_and_the_organisation_is_told(
    client: Any, owner: Any, volunteer: Any, call: VolunteerCall
) -> None:
    response = _accepted(_begun(call), owner, volunteer)
    services.hours_record(actor=owner, response=response, hours=Decimal(2))
    client.force_login(volunteer)
    client.post(
        reverse("volunteering:hours_dispute", args=[call.pk, response.pk]),
        {"reason": "Я был с 9 до 17, это 8 часов."},
    )
    assert Notification.objects.filter(recipient=owner, kind="volunteering.hours.disputed").exists()


def test_someone_else_cannot_dispute(
    client: Any, owner: Any, volunteer: Any, outsider: Any, call: VolunteerCall
) -> None:
    response = _accepted(_begun(call), owner, volunteer)
    services.hours_record(actor=owner, response=response, hours=Decimal(2))
    client.force_login(outsider)
    url = reverse("volunteering:hours_dispute", args=[call.pk, response.pk])
    assert client.post(url, {"reason": "нет"}).status_code == 404


def _confirmed(call: VolunteerCall, owner: Any, volunteer: Any, hours: str) -> None:
    response = _accepted(_begun(call), owner, volunteer)
    services.hours_record(actor=owner, response=response, hours=Decimal(hours))
    services.hours_confirm(actor=owner, response=response)


def test_the_record_is_private_by_default(
    client: Any, owner: Any, volunteer: Any, outsider: Any, call: VolunteerCall
) -> None:
    _confirmed(call, owner, volunteer, "4")
    client.force_login(outsider)
    assert client.get(reverse("volunteering:record", args=[volunteer.pk])).status_code == 404


def test_a_public_record_shows_confirmed_hours_by_organisation(
    client: Any, owner: Any, volunteer: Any, call: VolunteerCall
) -> None:
    _confirmed(call, owner, volunteer, "4.5")
    services.profile_set_public(actor=volunteer, public=True)
    content = client.get(reverse("volunteering:record", args=[volunteer.pk])).content.decode()
    assert "4,5 ч в 1 призыве" in content


def test_the_person_chooses_on_their_page(client: Any, volunteer: Any) -> None:
    client.force_login(volunteer)
    client.post(reverse("volunteering:mine"), {"record_public": "on"})
    assert VolunteerProfile.objects.get(user=volunteer).record_public is True


@pytest.mark.parametrize("count", [2, 12])
def test_my_page_costs_the_same_queries_at_any_size(
    client: Any, volunteer: Any, django_assert_num_queries: Any, count: int
) -> None:
    for _ in range(count):
        VolunteerResponseFactory.create(user=volunteer)
    client.force_login(volunteer)
    client.get(reverse("volunteering:mine"))
    with django_assert_num_queries(7):
        client.get(reverse("volunteering:mine"))


def test_the_owner_gets_the_hours_form_once_the_call_began(
    client: Any, owner: Any, volunteer: Any, call: VolunteerCall
) -> None:
    _accepted(_begun(call), owner, volunteer)
    client.force_login(owner)
    content = client.get(call.get_absolute_url()).content.decode()
    assert 'name="hours"' in content
