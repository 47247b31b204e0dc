"""The public list of calls (filters, Russian search, pagination, constant queries), a call's page,
posting and editing a call (the organisation's owner and editors only)."""

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from nkohub.organizations.models import Organization
from nkohub.organizations.tests.factories import OrganizationFactory
from nkohub.territories.tests.factories import MunicipalityFactory
from nkohub.volunteering.models import VolunteerCall
from nkohub.volunteering.tests.factories import VolunteerCallFactory, skill

pytestmark = pytest.mark.django_db


def _titles(client: Any, **params: Any) -> str:
    return client.get(reverse("volunteering:index"), params).content.decode()


def test_the_list_shows_open_calls_only(client: Any, call: VolunteerCall) -> None:
    past = timezone.now() - dt.timedelta(days=3)
    VolunteerCallFactory.create(title="Прошедший субботник", starts_at=past, ends_at=past)
    VolunteerCallFactory.create(title="Отменённый концерт", status=VolunteerCall.Status.CANCELLED)
    content = _titles(client)
    assert "Доставка продуктовых наборов пожилым людям" in content
    assert "Прошедший субботник" not in content
    assert "Отменённый концерт" not in content


def test_the_list_filters_by_municipality(client: Any, call: VolunteerCall) -> None:
    obninsk = MunicipalityFactory.create(name="Обнинск")
    VolunteerCallFactory.create(title="Уборка парка в Обнинске", municipality=obninsk)
    content = _titles(client, municipality=obninsk.pk)
    assert "Уборка парка в Обнинске" in content
    assert "Доставка продуктовых наборов" not in content


def test_the_list_filters_by_skill(client: Any, call: VolunteerCall) -> None:
    other = VolunteerCallFactory.create(title="Фотосъёмка праздника")
    other.skills.set([skill("photo-video")])
    content = _titles(client, skill="photo-video")
    assert "Фотосъёмка праздника" in content
    assert "Доставка продуктовых наборов" not in content


def test_the_list_filters_by_date(client: Any, call: VolunteerCall) -> None:
    later = timezone.now() + dt.timedelta(days=30)
    VolunteerCallFactory.create(
        title="Летний лагерь", starts_at=later, ends_at=later + dt.timedelta(days=10)
    )
    day = timezone.localtime(later + dt.timedelta(days=5)).date().isoformat()
    content = _titles(client, on=day)
    assert "Летний лагерь" in content
    assert "Доставка продуктовых наборов" not in content


def test_the_search_finds_other_word_forms(client: Any, call: VolunteerCall) -> None:
    VolunteerCallFactory.create(title="Помощь приюту для животных")
    content = _titles(client, q="продуктовый набор")
    assert "Доставка продуктовых наборов" in content
    assert "приюту" not in content


def test_an_empty_list_says_so(client: Any, db: Any) -> None:
    assert "Сейчас нет призывов волонтёров" in _titles(client)


def test_no_match_says_so(client: Any, call: VolunteerCall) -> None:
    assert "Нет призывов по этим фильтрам" in _titles(client, q="астрономия")


@pytest.mark.parametrize("count", [3, 25])
def test_the_list_costs_the_same_queries_at_any_size(
    client: Any, django_assert_num_queries: Any, count: int
) -> None:
    ngo = OrganizationFactory.create()
    for _ in range(count):
        VolunteerCallFactory.create(organization=ngo).skills.set([skill("events")])
    client.get(reverse("volunteering:index"))  # warm the session and content types
    with django_assert_num_queries(
        5
    ):  # count, page, its skills, the filters: municipalities, skills
        client.get(reverse("volunteering:index"))


def test_a_call_page_shows_when_and_where(client: Any, call: VolunteerCall) -> None:
    content = client.get(call.get_absolute_url()).content.decode()
    assert "ул. Ленина, д. 1" in content
    assert "Водитель с личным автомобилем" in content
    assert "Войдите, чтобы откликнуться" in content


def _call_data(ngo: Organization, **extra: Any) -> dict[str, Any]:
    municipality = MunicipalityFactory.create(name="Калуга")
    start = timezone.localtime() + dt.timedelta(days=3)
    data = {
        "organization": ngo.pk,
        "title": "Новогодние подарки детям",
        "description": "Упаковать и развезти подарки.",
        "starts_at": start.strftime("%Y-%m-%dT10:00"),
        "ends_at": start.strftime("%Y-%m-%dT16:00"),
        "municipality": municipality.pk,
        "address": "ул. Кирова, 5",
        "places": 4,
        "skills": [skill("children").pk],
    }
    data.update(extra)
    return data


def test_an_editor_posts_a_call(client: Any, editor: Any, ngo: Organization) -> None:
    client.force_login(editor)
    response = client.post(reverse("volunteering:call_create"), _call_data(ngo))
    call = VolunteerCall.objects.get(title="Новогодние подарки детям")
    assert response["Location"] == call.get_absolute_url()
    assert list(call.skills.values_list("slug", flat=True)) == ["children"]


def test_an_online_call_needs_no_municipality(client: Any, editor: Any, ngo: Organization) -> None:
    client.force_login(editor)
    client.post(
        reverse("volunteering:call_create"),
        _call_data(ngo, municipality="", address="", is_online="on"),
    )
    assert VolunteerCall.objects.get(title="Новогодние подарки детям").is_online is True


def test_a_call_offline_without_a_municipality_is_refused(
    client: Any, editor: Any, ngo: Organization
) -> None:
    client.force_login(editor)
    response = client.post(reverse("volunteering:call_create"), _call_data(ngo, municipality=""))
    assert "Укажите муниципалитет или отметьте, что призыв онлайн." in response.content.decode()


def test_a_plain_member_cannot_post(client: Any, member: Any, ngo: Organization) -> None:
    client.force_login(member)
    assert client.post(reverse("volunteering:call_create"), _call_data(ngo)).status_code == 403


def test_an_editor_cannot_post_for_another_organisation(
    client: Any, editor: Any, other_ngo: Organization
) -> None:
    client.force_login(editor)
    client.post(reverse("volunteering:call_create"), _call_data(other_ngo))
    assert not VolunteerCall.objects.filter(organization=other_ngo).exists()


def test_an_outsider_cannot_edit_a_call(client: Any, outsider: Any, call: VolunteerCall) -> None:
    client.force_login(outsider)
    response = client.post(reverse("volunteering:call_edit", args=[call.pk]), {"title": "x"})
    assert response.status_code == 403


def test_an_outsider_cannot_cancel_a_call(client: Any, outsider: Any, call: VolunteerCall) -> None:
    client.force_login(outsider)
    assert client.post(reverse("volunteering:call_cancel", args=[call.pk])).status_code == 403


def test_the_owner_cancels_a_call(client: Any, owner: Any, call: VolunteerCall) -> None:
    client.force_login(owner)
    client.post(reverse("volunteering:call_cancel", args=[call.pk]))
    call.refresh_from_db()
    assert call.status == VolunteerCall.Status.CANCELLED


def test_the_owner_edits_a_call(client: Any, owner: Any, call: VolunteerCall) -> None:
    client.force_login(owner)
    data = _call_data(call.organization, title="Доставка наборов: два выезда")
    del data["organization"]
    client.post(reverse("volunteering:call_edit", args=[call.pk]), data)
    call.refresh_from_db()
    assert call.title == "Доставка наборов: два выезда"
