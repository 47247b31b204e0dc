import datetime as dt

import pytest
from django.utils import timezone

from nkohub.notifications.models import Notification
from nkohub.organizations.models import Membership
from nkohub.organizations.tests.factories import MembershipFactory, OrganizationFactory
from nkohub.resources import selectors, services
from nkohub.resources.models import AvailabilityRule, Match
from nkohub.resources.tests.factories import OfferFactory, RequestFactory
from nkohub.territories.tests.factories import MunicipalityFactory, RegionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def kaluga():
    return MunicipalityFactory.create(name="Калуга", kind="city_district")


@pytest.fixture
def need(kaluga, requester_org, requester):
    return services.request_create(
        actor=requester,
        organization=requester_org,
        category="premises",
        title="Нужен зал для семинара",
        purpose="Проводим семинар для школьников, нужен просторный зал с проектором.",
        municipality=kaluga,
        needed_from=timezone.localdate() + dt.timedelta(days=5),
        needed_until=timezone.localdate() + dt.timedelta(days=5),
        quantity=30,
    )


def test_same_category_and_municipality_rank_above_the_rest_of_the_region(need, kaluga, ngo):
    obninsk = MunicipalityFactory.create(name="Обнинск", kind="city_district")
    near = OfferFactory.create(
        organization=ngo, municipality=kaluga, title="Зал в центре", description="Стулья."
    )
    far = OfferFactory.create(
        organization=ngo, municipality=obninsk, title="Зал в Обнинске", description="Стулья."
    )
    van = OfferFactory.create(
        organization=ngo, municipality=kaluga, category="transport", title="Микроавтобус"
    )
    ranked = [s.obj for s in selectors.suggested_offers(need)]
    assert ranked[:2] == [near, far]
    assert van not in ranked


def test_other_regions_are_not_suggested(need, ngo):
    elsewhere = MunicipalityFactory.create(
        region=RegionFactory.create(code="67", name="Смоленская область"), name="Смоленск"
    )
    OfferFactory.create(organization=ngo, municipality=elsewhere)
    assert selectors.suggested_offers(need) == []


def test_text_similarity_in_russian_word_forms_breaks_ties(need, kaluga, ngo):
    plain = OfferFactory.create(
        organization=ngo, municipality=kaluga, title="Помещение", description="Есть стулья и столы."
    )
    similar = OfferFactory.create(
        organization=ngo,
        municipality=kaluga,
        title="Просторные залы",
        description="Для семинаров школьников, есть проектор.",
    )
    for offer in (plain, similar):
        services.refresh_search_of(offer)
    ranked = [s.obj for s in selectors.suggested_offers(need)]
    assert ranked.index(similar) < ranked.index(plain)


def test_time_counts_the_weekly_schedule(need, kaluga, ngo):
    open_that_day = OfferFactory.create(organization=ngo, municipality=kaluga)
    closed_that_day = OfferFactory.create(organization=ngo, municipality=kaluga, all_week=False)
    other_day = (need.needed_from.weekday() + 1) % 7
    AvailabilityRule.objects.create(
        offer=closed_that_day, weekday=other_day, start_time=dt.time(9), end_time=dt.time(18)
    )
    services.sync_weekdays(closed_that_day)
    scores = {s.obj.pk: s.score for s in selectors.suggested_offers(need)}
    assert scores[open_that_day.pk] > scores[closed_that_day.pk]


def test_offers_out_of_their_period_and_unpublished_ones_are_not_suggested(need, kaluga, ngo):
    OfferFactory.create(
        organization=ngo,
        municipality=kaluga,
        available_until=need.needed_from - dt.timedelta(days=1),
    )
    OfferFactory.create(organization=ngo, municipality=kaluga, status="paused")
    assert selectors.suggested_offers(need) == []


def test_an_organisation_is_not_suggested_its_own_offers(need, kaluga, requester_org):
    OfferFactory.create(organization=requester_org, municipality=kaluga)
    assert selectors.suggested_offers(need) == []


def test_a_good_match_notifies_both_owners_once_however_often_either_side_changes(
    need, kaluga, ngo, owner, requester
):
    offer = services.offer_create(
        actor=owner,
        organization=ngo,
        publish=True,
        category="premises",
        title="Зал для семинаров",
        description="Просторный зал с проектором для семинаров школьников.",
        municipality=kaluga,
        terms="free",
    )
    AvailabilityRule.objects.bulk_create(
        AvailabilityRule(offer=offer, weekday=d, start_time=dt.time(9), end_time=dt.time(18))
        for d in range(7)
    )
    services.sync_weekdays(offer)
    services.matches_refresh_for_offer(offer_id=offer.pk)
    match = Match.objects.get(offer=offer, request=need)
    assert match.notified_at is not None
    assert (
        Notification.objects.filter(kind="resources.match.found", recipient=requester).count() == 1
    )
    assert Notification.objects.filter(kind="resources.match.found", recipient=owner).count() == 1
    services.offer_update(actor=owner, offer=offer, description=offer.description + " Есть кулер.")
    services.request_update(actor=requester, resource_request=need, quantity=25)
    assert Notification.objects.filter(kind="resources.match.found").count() == 2


def test_creating_a_request_refreshes_its_matches_on_commit(
    kaluga, ngo, requester_org, requester, django_capture_on_commit_callbacks
):
    offer = OfferFactory.create(organization=ngo, municipality=kaluga)
    with django_capture_on_commit_callbacks(execute=True):
        need = services.request_create(
            actor=requester,
            organization=requester_org,
            category="premises",
            title="Зал",
            purpose="Нужен зал",
            municipality=kaluga,
            needed_from=timezone.localdate() + dt.timedelta(days=2),
        )
    assert Match.objects.filter(offer=offer, request=need).exists()


def test_a_closed_request_loses_its_unnotified_matches(need, kaluga, ngo, requester):
    offer = OfferFactory.create(
        organization=ngo, municipality=kaluga, all_week=False, description="Другое"
    )
    services.matches_refresh_for_request(request_id=need.pk)
    assert Match.objects.filter(request=need, notified_at__isnull=True).exists()
    services.request_set_status(actor=requester, resource_request=need, status="closed")
    services.matches_refresh_for_request(request_id=need.pk)
    assert not Match.objects.filter(request=need, offer=offer).exists()


def test_an_offer_is_suggested_the_open_requests_it_could_serve(kaluga, ngo):
    other = OrganizationFactory.create()
    MembershipFactory.create(organization=other, role=Membership.Role.OWNER)
    offer = OfferFactory.create(organization=ngo, municipality=kaluga)
    wanted = RequestFactory.create(organization=other, municipality=kaluga)
    RequestFactory.create(organization=other, municipality=kaluga, category="transport")
    RequestFactory.create(organization=other, municipality=kaluga, status="closed")
    assert [s.obj for s in selectors.suggested_requests(offer)] == [wanted]
