"""The public list: filters, sorts, Russian search, empty states, and a constant number of queries."""

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from nkohub.accounts.tests.factories import UserFactory
from nkohub.ideas import services
from nkohub.ideas.models import Idea
from nkohub.ideas.tests.factories import IdeaFactory, IdeaSupportFactory
from nkohub.organizations.models import Organization
from nkohub.organizations.tests.factories import SphereFactory
from nkohub.territories.tests.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db


def _titles(client: Any, **query: Any) -> list[str]:
    response = client.get(reverse("ideas:index"), query)
    return [idea.title for idea in response.context["page"].object_list]


def test_the_most_supported_come_first(client: Any) -> None:
    IdeaFactory.create(title="Мало")
    popular = IdeaFactory.create(title="Много")
    IdeaSupportFactory.create(idea=popular)
    assert _titles(client) == ["Много", "Мало"]


def test_the_newest_first_on_request(client: Any) -> None:
    older = IdeaFactory.create(title="Раньше")
    IdeaSupportFactory.create(idea=older)
    IdeaFactory.create(title="Позже")
    assert _titles(client, sort="new") == ["Позже", "Раньше"]


def test_the_status_filter(client: Any) -> None:
    IdeaFactory.create(title="Новая")
    IdeaFactory.create(title="Принятая", status=Idea.Status.ACCEPTED)
    assert _titles(client, status="accepted") == ["Принятая"]


def test_the_territory_and_sphere_filters(client: Any) -> None:
    obninsk = MunicipalityFactory.create(name="Обнинск")
    sport = SphereFactory.create(code="sport", name="Спорт")
    IdeaFactory.create(title="В Калуге")
    IdeaFactory.create(title="В Обнинске про спорт", municipality=obninsk, sphere=sport)
    IdeaFactory.create(title="В Обнинске", municipality=obninsk)
    assert _titles(client, municipality=obninsk.pk, sphere=sport.pk) == ["В Обнинске про спорт"]


def test_the_addressee_filter(client: Any, authority: Organization) -> None:
    IdeaFactory.create(title="Министерству", addressee=authority)
    IdeaFactory.create(title="Никому")
    assert _titles(client, addressee=authority.pk) == ["Министерству"]


def test_the_search_finds_other_forms_of_a_word(client: Any) -> None:
    IdeaFactory.create(title="Велодорожки на набережной", proposal="Полоса для велосипедов")
    IdeaFactory.create(title="Пандус у поликлиники")
    assert _titles(client, q="велодорожка") == ["Велодорожки на набережной"]


def test_an_empty_bank_invites_the_first_idea(client: Any) -> None:
    response = client.get(reverse("ideas:index"))
    assert "Идей пока нет" in response.content.decode()


def test_no_match_says_so(client: Any) -> None:
    IdeaFactory.create(title="Пандус у поликлиники")
    response = client.get(reverse("ideas:index"), {"q": "космодром"})
    assert "Нет идей, подходящих под условия" in response.content.decode()


def test_the_list_marks_what_the_person_supports(client: Any, outsider: Any) -> None:
    idea = IdeaFactory.create()
    services.idea_support(actor=outsider, idea=idea)
    client.force_login(outsider)
    assert client.get(reverse("ideas:index")).context["supported"] == {idea.pk}


def _grow(count: int) -> None:
    spheres = [SphereFactory.create(code=f"s{n}", name=f"Сфера {n}") for n in range(3)]
    places = [MunicipalityFactory.create(name=f"Район {n}") for n in range(3)]
    authority = Organization.objects.filter(kind="authority").first()
    for n in range(count):
        idea = IdeaFactory.create(
            sphere=spheres[n % 3], municipality=places[n % 3], addressee=authority
        )
        IdeaSupportFactory.create(idea=idea, user=UserFactory.create(password=None))


def _queries(client: Any, **query: Any) -> int:
    with CaptureQueriesContext(connection) as captured:
        client.get(reverse("ideas:index"), query)
    return len(captured)


@pytest.mark.parametrize("query", [{}, {"sort": "new", "status": "new"}, {"q": "пандус"}])
def test_the_list_costs_the_same_queries_with_more_ideas(
    client: Any, outsider: Any, authority: Organization, django_assert_num_queries: Any, query: Any
) -> None:
    client.force_login(outsider)
    _grow(3)
    client.get(reverse("ideas:index"), query)  # the session and the vocabulary warm
    small = _queries(client, **query)
    _grow(30)
    client.get(
        reverse("ideas:index"), query
    )  # the search's vocabulary is read again once it changed
    with django_assert_num_queries(small):
        client.get(reverse("ideas:index"), query)


def test_the_idea_page_costs_the_same_queries_with_more_supports_and_events(
    client: Any, idea: Idea, outsider: Any, operator: Any, django_assert_num_queries: Any
) -> None:
    client.force_login(outsider)
    services.comment_add(actor=operator, idea=idea, text="Первый комментарий")
    client.get(idea.get_absolute_url())
    small = _queries_of_page(client, idea)
    for _ in range(10):
        IdeaSupportFactory.create(idea=idea)
    services.idea_set_status(actor=operator, idea=idea, status=Idea.Status.UNDER_REVIEW)
    services.idea_set_status(actor=operator, idea=idea, status=Idea.Status.ACCEPTED)
    for n in range(5):
        services.comment_add(actor=operator, idea=idea, text=f"Комментарий {n}")
    with django_assert_num_queries(small):
        client.get(idea.get_absolute_url())


def _queries_of_page(client: Any, idea: Idea) -> int:
    with CaptureQueriesContext(connection) as captured:
        client.get(idea.get_absolute_url())
    return len(captured)
