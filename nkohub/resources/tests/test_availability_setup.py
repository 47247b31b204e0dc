"""A new bookable offer can be booked from the start, and the booking form asks only what it must:
default windows, the owner taken to them, one organisation chosen for the person, one clear error."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from nkohub.organizations.models import Membership
from nkohub.organizations.tests.factories import MembershipFactory, OrganizationFactory
from nkohub.resources.models import AvailabilityRule, Booking, ResourceOffer
from nkohub.resources.tests.factories import OfferFactory, offer_form_data

pytestmark = pytest.mark.django_db


def _next(weekday: int, *, weeks: int = 1) -> dt.date:
    """The given weekday (Monday is 0) at least a week ahead."""
    today = timezone.localdate()
    return today + dt.timedelta(days=(weekday - today.weekday()) % 7 + 7 * weeks)


def _booking(organization, day: dt.date, start: str = "10:00", end: str = "12:00"):
    return {
        "organization": organization.pk,
        "date": day.isoformat(),
        "start_time": start,
        "end_time": end,
    }


def _windows(offer: ResourceOffer) -> list[tuple[int, str, str]]:
    return [
        (rule.weekday, f"{rule.start_time:%H:%M}", f"{rule.end_time:%H:%M}")
        for rule in offer.availability_rules.order_by("weekday")
    ]


def test_a_new_hall_is_bookable_on_working_days_at_once(
    client, ngo, editor, requester, requester_org
):
    client.force_login(editor)
    response = client.post(reverse("resources:offer_create"), offer_form_data(ngo), follow=True)
    offer = ResourceOffer.objects.get()
    assert response.redirect_chain[-1][0] == reverse(
        "resources:offer_availability", args=[offer.pk]
    )
    assert "Его можно забронировать в окна ниже" in response.text
    assert _windows(offer) == [(day, "09:00", "18:00") for day in range(5)]
    offer.refresh_from_db()
    assert offer.weekdays == 0b0011111
    client.force_login(requester)
    client.post(reverse("resources:offer_book", args=[offer.pk]), _booking(requester_org, _next(0)))
    assert Booking.objects.filter(offer=offer, organization=requester_org).exists()


def test_the_owner_may_take_every_day_instead(client, ngo, editor):
    client.force_login(editor)
    client.post(reverse("resources:offer_create"), offer_form_data(ngo, schedule="every_day"))
    assert _windows(ResourceOffer.objects.get()) == [(day, "09:00", "21:00") for day in range(7)]


def test_a_schedule_not_on_the_list_is_refused_and_nothing_is_saved(client, ngo, editor):
    client.force_login(editor)
    response = client.post(reverse("resources:offer_create"), offer_form_data(ngo, schedule="24/7"))
    assert response.status_code == 200
    assert "Зал на 30 мест" in response.text  # what was typed is kept
    assert not ResourceOffer.objects.exists()


def test_an_offer_that_is_not_booked_by_time_gets_no_windows(client, ngo, editor):
    client.force_login(editor)
    data = offer_form_data(ngo, category="specialist", title="Консультация юриста")
    response = client.post(reverse("resources:offer_create"), data)
    offer = ResourceOffer.objects.get()
    assert response["Location"] == offer.get_absolute_url()
    assert not offer.availability_rules.exists()


def test_without_windows_the_owner_is_told_nobody_can_book_and_others_see_no_book_button(
    client, ngo, editor, requester
):
    client.force_login(editor)
    response = client.post(
        reverse("resources:offer_create"), offer_form_data(ngo, schedule=""), follow=True
    )
    offer = ResourceOffer.objects.get()
    assert response.text.count("Окон пока нет: ресурс никто не может забронировать.") == 1
    detail = client.get(offer.get_absolute_url()).text
    assert "Пока его никто не может забронировать" in detail
    client.force_login(requester)
    detail = client.get(offer.get_absolute_url()).text
    assert reverse("resources:offer_book", args=[offer.pk]) not in detail
    assert "пока его нельзя забронировать" in detail
    refused = client.get(reverse("resources:offer_book", args=[offer.pk]), follow=True)
    assert refused.redirect_chain[-1][0] == offer.get_absolute_url()
    assert "Владелец ещё не указал, когда его можно забронировать" in refused.text


def test_the_owner_takes_a_usual_schedule_in_one_click(client, owner, ngo):
    offer = OfferFactory.create(organization=ngo, all_week=False)
    client.force_login(owner)
    url = reverse("resources:offer_availability", args=[offer.pk])
    client.post(url, {"action": "schedule", "schedule": "weekdays"})
    assert _windows(offer) == [(day, "09:00", "18:00") for day in range(5)]
    again = client.post(url, {"action": "schedule", "schedule": "every_day"}, follow=True)
    assert "уже есть окна" in again.text
    assert offer.availability_rules.count() == 5


def test_only_the_offers_people_set_its_schedule(client, ngo, owner, outsider, member):
    offer = OfferFactory.create(organization=ngo, all_week=False)
    url = reverse("resources:offer_availability", args=[offer.pk])
    client.force_login(outsider)
    assert client.post(url, {"action": "schedule", "schedule": "weekdays"}).status_code == 403
    client.force_login(member)
    assert client.post(url, {"action": "schedule", "schedule": "weekdays"}).status_code == 403
    assert not AvailabilityRule.objects.exists()


def test_a_window_added_by_hand_counts_for_matching(client, owner, ngo):
    offer = OfferFactory.create(organization=ngo, all_week=False)
    client.force_login(owner)
    client.post(
        reverse("resources:offer_availability", args=[offer.pk]),
        {
            "action": "rule",
            "rule-weekday": "2",
            "rule-start_time": "10:00",
            "rule-end_time": "14:00",
        },
    )
    offer.refresh_from_db()
    assert offer.weekdays == 0b0000100


def test_a_person_with_one_organisation_does_not_choose_it(client, offer, requester, requester_org):
    client.force_login(requester)
    page = client.get(reverse("resources:offer_book", args=[offer.pk])).text
    assert "От имени организации: Фонд «Калужский край»." in page
    assert f'<input type="hidden" name="organization" value="{requester_org.pk}"' in page
    assert '<select name="organization"' not in page


def test_a_person_with_two_organisations_chooses_one(client, offer, requester, requester_org):
    second = OrganizationFactory.create(short_name="Второй фонд")
    MembershipFactory.create(organization=second, user=requester, role=Membership.Role.EDITOR)
    client.force_login(requester)
    page = client.get(reverse("resources:offer_book", args=[offer.pk])).text
    assert '<select name="organization"' in page
    assert "Второй фонд" in page


def test_outside_the_hours_the_error_says_the_hours_once_next_to_the_time(
    client, ngo, owner, requester, requester_org
):
    offer = OfferFactory.create(organization=ngo, created_by=owner, all_week=False)
    client.force_login(owner)
    client.post(
        reverse("resources:offer_availability", args=[offer.pk]),
        {"action": "schedule", "schedule": "weekdays"},
    )
    client.force_login(requester)
    monday = _next(0)
    response = client.post(
        reverse("resources:offer_book", args=[offer.pk]),
        _booking(requester_org, monday, "19:00", "20:00"),
    )
    message = f"{monday:%d.%m.%Y} ресурс можно забронировать только в пределах 09:00–18:00."
    assert response.text.count(message) == 1
    assert response.context["form"].errors["start_time"] == [message]
    sunday = _next(6)
    response = client.post(
        reverse("resources:offer_book", args=[offer.pk]), _booking(requester_org, sunday)
    )
    closed = f"{sunday:%d.%m.%Y} ресурс недоступен: другие дни — в его календаре."
    assert response.text.count(closed) == 1
    assert not Booking.objects.exists()
