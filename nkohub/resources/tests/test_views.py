import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from nkohub.core.models import AuditEntry
from nkohub.resources.models import OfferPhoto, ResourceOffer, ResourceRequest
from nkohub.resources.tests.factories import (
    BookingFactory,
    OfferFactory,
    RequestFactory,
    offer_form_data,
    slot,
)

pytestmark = pytest.mark.django_db


def png_bytes() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "navy").save(buffer, format="PNG")
    return buffer.getvalue()


# --- catalogue ---------------------------------------------------------------------------
def test_the_catalogue_shows_published_offers_to_guests(client, offer, ngo):
    OfferFactory.create(organization=ngo, title="Черновик зала", status=ResourceOffer.Status.DRAFT)
    response = client.get(reverse("resources:catalogue"))
    assert response.status_code == 200
    assert offer.title in response.text
    assert "Черновик зала" not in response.text
    assert "Банк ресурсов" in response.text


def test_the_catalogue_is_constant_in_queries(client, ngo, django_assert_num_queries):
    OfferFactory.create_batch(5, organization=ngo)
    # the count, the page of offers, the municipalities of the filter
    with django_assert_num_queries(3):
        client.get(reverse("resources:catalogue"))
    OfferFactory.create_batch(20, organization=ngo)
    with django_assert_num_queries(3):
        client.get(reverse("resources:catalogue"))


def test_the_catalogue_and_the_offer_form_offer_only_the_clusters_municipalities(client, editor):
    from nkohub.territories.tests.factories import MunicipalityFactory, RegionFactory

    MunicipalityFactory.create(name="Обнинск")
    MunicipalityFactory.create(
        name="Вяземский район", region=RegionFactory.create(code="67", name="Смоленская область")
    )
    client.force_login(editor)
    for url in (reverse("resources:catalogue"), reverse("resources:offer_create")):
        page = client.get(url).text
        assert ">Обнинск</option>" in page
        assert "Вяземский район" not in page
        assert "<optgroup" not in page


def test_the_catalogue_suggests_a_corrected_search(client, offer):
    response = client.get(reverse("resources:catalogue"), {"q": "праектор"})
    assert response.context["suggestion"] == "проектор"
    assert "Возможно, вы имели в виду" in response.text
    assert "?q=%D0%BF%D1%80%D0%BE%D0%B5%D0%BA%D1%82%D0%BE%D1%80" in response.text


def test_the_catalogue_never_suggests_words_of_drafts(client, ngo):
    OfferFactory.create(organization=ngo, title="Батут", status=ResourceOffer.Status.DRAFT)
    assert client.get(reverse("resources:catalogue"), {"q": "батутт"}).context["suggestion"] == ""


def test_the_catalogue_filters_by_category_and_finds_word_forms(client, ngo, owner):
    from nkohub.resources import services

    hall = services.offer_create(
        actor=owner,
        organization=ngo,
        publish=True,
        category="premises",
        title="Просторный зал",
        description="Для семинаров и тренингов.",
        municipality=ngo.municipality,
        terms="free",
    )
    bus = OfferFactory.create(organization=ngo, category="transport", title="Микроавтобус")
    response = client.get(reverse("resources:catalogue"), {"category": "transport"})
    assert bus.title in response.text
    assert hall.title not in response.text
    response = client.get(reverse("resources:catalogue"), {"q": "залы семинар"})
    assert hall.title in response.text
    assert bus.title not in response.text


def test_the_catalogue_free_on_filter_hides_fully_closed_days(client, offer, ngo):
    day = timezone.localdate() + dt.timedelta(days=8)
    offer.availability_exceptions.create(date=day, is_closed=True)
    response = client.get(reverse("resources:catalogue"), {"free_on": day.isoformat()})
    assert offer.title not in response.text
    response = client.get(
        reverse("resources:catalogue"), {"free_on": (day + dt.timedelta(days=1)).isoformat()}
    )
    assert offer.title in response.text


def test_htmx_gets_only_the_results(client, offer):
    response = client.get(reverse("resources:catalogue"), headers={"HX-Request": "true"})
    assert offer.title in response.text
    assert "<html" not in response.text


# --- offers --------------------------------------------------------------------------------
def test_a_draft_is_hidden_from_outsiders_and_shown_to_its_owner(client, ngo, owner, outsider):
    draft = OfferFactory.create(organization=ngo, status=ResourceOffer.Status.DRAFT)
    client.force_login(outsider)
    assert client.get(draft.get_absolute_url()).status_code == 404
    client.force_login(owner)
    response = client.get(draft.get_absolute_url())
    assert response.status_code == 200
    assert f"<h1>{draft.title}</h1>" in response.text
    assert "Управление предложением" in response.text


def test_an_editor_creates_and_publishes_an_offer_for_the_organisation(client, ngo, editor):
    client.force_login(editor)
    response = client.post(reverse("resources:offer_create"), offer_form_data(ngo))
    offer = ResourceOffer.objects.get(title="Зал на 30 мест")
    assert response.status_code == 302
    assert response["Location"] == reverse("resources:offer_availability", args=[offer.pk])
    assert offer.status == ResourceOffer.Status.PUBLISHED
    assert offer.organization == ngo
    assert AuditEntry.objects.filter(action="resources.offer.create").exists()


def test_a_person_offers_a_resource_privately(client, outsider, ngo):
    client.force_login(outsider)
    client.post(
        reverse("resources:offer_create"),
        {
            "category": "materials",
            "title": "Коробки для переезда",
            "description": "20 штук",
            "municipality": ngo.municipality.pk,
            "terms": "free",
        },
    )
    offer = ResourceOffer.objects.get(title="Коробки для переезда")
    assert offer.organization is None
    assert offer.created_by == outsider
    assert offer.status == "draft"


def test_an_outsider_cannot_offer_in_an_organisations_name(client, ngo, outsider):
    client.force_login(outsider)
    response = client.post(
        reverse("resources:offer_create"),
        {
            "organization": ngo.pk,
            "category": "premises",
            "title": "Чужой зал",
            "description": "…",
            "municipality": ngo.municipality.pk,
            "terms": "free",
        },
    )
    assert response.status_code == 200
    assert not ResourceOffer.objects.filter(title="Чужой зал").exists()
    assert "Выберите корректный вариант" in response.text


def test_the_offer_form_says_what_is_wrong_in_russian(client, editor):
    client.force_login(editor)
    response = client.post(reverse("resources:offer_create"), {"title": ""})
    assert "Обязательное поле" in response.text


@pytest.mark.parametrize("person", ["outsider", "member"])
def test_only_those_acting_for_the_organisation_edit_or_pause_an_offer(
    client, offer, person, request
):
    client.force_login(request.getfixturevalue(person))
    assert client.get(reverse("resources:offer_edit", args=[offer.pk])).status_code == 403
    assert (
        client.post(
            reverse("resources:offer_status", args=[offer.pk]), {"status": "paused"}
        ).status_code
        == 403
    )
    assert (
        client.post(
            reverse("resources:offer_availability", args=[offer.pk]),
            {
                "action": "rule",
                "rule-weekday": 0,
                "rule-start_time": "09:00",
                "rule-end_time": "10:00",
            },
        ).status_code
        == 403
    )
    assert client.post(reverse("resources:offer_photos", args=[offer.pk]), {}).status_code == 403
    offer.refresh_from_db()
    assert offer.status == ResourceOffer.Status.PUBLISHED


def test_the_owner_pauses_and_an_invalid_transition_is_refused(client, offer, owner):
    client.force_login(owner)
    client.post(reverse("resources:offer_status", args=[offer.pk]), {"status": "paused"})
    offer.refresh_from_db()
    assert offer.status == "paused"
    response = client.post(
        reverse("resources:offer_status", args=[offer.pk]), {"status": "draft"}, follow=True
    )
    offer.refresh_from_db()
    assert offer.status == "paused"
    assert "Предложение в этом статусе нельзя перевести в запрошенный." in response.text


def test_the_owner_sets_a_weekly_window_and_an_exception(client, owner, ngo):
    offer = OfferFactory.create(organization=ngo, all_week=False)
    client.force_login(owner)
    url = reverse("resources:offer_availability", args=[offer.pk])
    client.post(
        url,
        {"action": "rule", "rule-weekday": 2, "rule-start_time": "09:00", "rule-end_time": "13:00"},
    )
    response = client.post(
        url,
        {"action": "rule", "rule-weekday": 2, "rule-start_time": "12:00", "rule-end_time": "15:00"},
    )
    assert "пересекается" in response.text
    day = timezone.localdate() + dt.timedelta(days=3)
    client.post(
        url, {"action": "exception", "exception-date": day.isoformat(), "exception-is_closed": "on"}
    )
    assert offer.availability_rules.count() == 1
    assert offer.availability_exceptions.filter(date=day, is_closed=True).exists()


def test_a_photo_is_checked_before_it_is_stored(client, offer, owner):
    client.force_login(owner)
    url = reverse("resources:offer_photos", args=[offer.pk])
    fake = SimpleUploadedFile("zal.jpg", b"<?php echo 1; ?>", content_type="image/jpeg")
    response = client.post(url, {"image": fake, "caption": "Зал"})
    assert response.status_code == 200
    assert (
        "Загрузите правильное изображение. Файл, который вы загрузили, поврежден или не является "
        "изображением." in response.text
    )
    assert not OfferPhoto.objects.exists()
    real = SimpleUploadedFile("zal.png", png_bytes(), content_type="image/png")
    assert client.post(url, {"image": real, "caption": "Зал с окнами"}).status_code == 302
    assert OfferPhoto.objects.get().caption == "Зал с окнами"


def test_a_too_large_photo_is_refused(client, offer, owner, settings):
    client.force_login(owner)
    big = SimpleUploadedFile(
        "big.png", png_bytes() + b"\0" * (5 * 1024 * 1024), content_type="image/png"
    )
    response = client.post(
        reverse("resources:offer_photos", args=[offer.pk]), {"image": big, "caption": "Большое"}
    )
    assert "5 МБ" in response.text
    assert not OfferPhoto.objects.exists()


def test_a_member_without_acting_rights_cannot_request(client, member):
    client.force_login(member)
    response = client.get(reverse("resources:request_create"))
    assert response.status_code == 302


def test_an_editor_publishes_a_request_and_sees_suggestions(client, ngo, editor, other_ngo):
    hall = OfferFactory.create(organization=other_ngo, municipality=ngo.municipality)
    client.force_login(editor)
    day = timezone.localdate() + dt.timedelta(days=4)
    response = client.post(
        reverse("resources:request_create"),
        {
            "organization": ngo.pk,
            "category": "premises",
            "title": "Нужен зал",
            "purpose": "Для собрания",
            "municipality": ngo.municipality.pk,
            "needed_from": day.isoformat(),
        },
        follow=True,
    )
    resource_request = ResourceRequest.objects.get()
    assert resource_request.needed_until == day
    assert hall.title in response.text


def test_outsiders_cannot_edit_or_close_a_request(client, ngo, outsider, member):
    resource_request = RequestFactory.create(organization=ngo)
    for person in (outsider, member):
        client.force_login(person)
        assert (
            client.get(reverse("resources:request_edit", args=[resource_request.pk])).status_code
            == 403
        )
        assert (
            client.post(
                reverse("resources:request_status", args=[resource_request.pk]),
                {"status": "closed"},
            ).status_code
            == 403
        )
    closed = RequestFactory.create(organization=ngo, status="closed")
    assert client.get(closed.get_absolute_url()).status_code == 404


def test_a_request_in_the_past_is_refused(client, ngo, editor):
    client.force_login(editor)
    response = client.post(
        reverse("resources:request_create"),
        {
            "organization": ngo.pk,
            "category": "premises",
            "title": "Вчера",
            "purpose": "…",
            "municipality": ngo.municipality.pk,
            "needed_from": "2020-01-01",
        },
    )
    assert "уже прошёл" in response.text


# --- the cabinet -----------------------------------------------------------------------------
def _fill(ngo, requester_org, rows: int) -> None:
    offers = OfferFactory.create_batch(rows, organization=ngo)
    RequestFactory.create_batch(rows, organization=ngo)
    for n, offer in enumerate(offers):
        start, end = slot(days=n + 1)
        BookingFactory.create(offer=offer, organization=requester_org, starts_at=start, ends_at=end)


@pytest.mark.parametrize("tab", ["offers", "requests", "bookings"])
def test_my_resources_lists_are_constant_in_queries(
    client, ngo, owner, requester_org, tab, django_assert_num_queries
):
    client.force_login(owner)
    url = reverse("resources:mine") + f"?tab={tab}"
    _fill(ngo, requester_org, 5)
    # the session, the person, the count, the page of rows
    with django_assert_num_queries(4):
        response = client.get(url)
    assert response.status_code == 200
    assert response.text.count("<tr>") == 1 + 5  # the head and five rows
    _fill(ngo, requester_org, 20)
    with django_assert_num_queries(4):
        client.get(url)


def test_the_cabinet_shows_the_resource_block(client, owner, booking):
    client.force_login(owner)
    response = client.get(reverse("core:cabinet"))
    assert "Мои предложения" in response.text
    assert "ожидает подтверждения" in response.text


def test_the_owner_removes_a_window_and_an_outsider_cannot(client, offer, owner, outsider):
    rule = offer.availability_rules.first()
    url = reverse("resources:rule_delete", args=[offer.pk, rule.pk])
    client.force_login(outsider)
    assert client.post(url).status_code == 403
    client.force_login(owner)
    assert client.post(url).status_code == 302
    assert not offer.availability_rules.filter(pk=rule.pk).exists()
    exception = offer.availability_exceptions.create(
        date=timezone.localdate() + dt.timedelta(days=2)
    )
    client.post(reverse("resources:exception_delete", args=[offer.pk, exception.pk]))
    assert not offer.availability_exceptions.exists()
