"""Lists, the cabinet block, personal data and who sees the start form."""

from typing import Any

import pytest
from django.urls import reverse

from nkohub.accounts.personal_data import handlers
from nkohub.grants import services
from nkohub.grants.models import CompetitionFollow
from nkohub.grants.tests.factories import ApplicationFactory
from nkohub.organizations.models import Organization

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("count", [5, 25])
def test_the_applications_list_runs_a_constant_number_of_queries(
    client: Any,
    owner: Any,
    ngo: Organization,
    competition: Any,
    count: int,
    django_assert_num_queries: Any,
) -> None:
    for _n in range(count):
        ApplicationFactory.create(organization=ngo, competition=competition)
    ApplicationFactory.create(competition=competition)  # another organisation's: not listed
    client.force_login(owner)
    client.get(reverse("grants:applications"))
    with django_assert_num_queries(4):
        response = client.get(reverse("grants:applications"))
    assert response.context["page"].paginator.count == count


def test_people_see_only_their_organisations_applications(
    client: Any, outsider: Any, ngo: Organization, competition: Any
) -> None:
    ApplicationFactory.create(organization=ngo, competition=competition, title="Заявка соседей")
    client.force_login(outsider)
    page = client.get(reverse("grants:applications")).content.decode()
    assert "Заявка соседей" not in page
    assert "Заявок пока нет" in page


def test_officials_are_not_offered_to_start_an_application(
    client: Any, official: Any, competition: Any
) -> None:
    client.force_login(official)
    page = client.get(reverse("grants:competition", args=[competition.pk])).content.decode()
    assert "Начать заявку" not in page
    response = client.get(reverse("grants:application_start", args=[competition.pk]))
    assert response.status_code == 404


def test_the_cabinet_shows_applications_and_followed_competitions(
    client: Any, owner: Any, ngo: Organization, competition: Any
) -> None:
    ApplicationFactory.create(organization=ngo, competition=competition, title="Заявка соседей")
    services.competition_follow(actor=owner, competition=competition)
    client.force_login(owner)
    page = client.get(reverse("core:cabinet")).content.decode()
    assert "Заявка соседей" in page
    assert "Конкурсы, за которыми я слежу" in page
    assert competition.title in page


def test_personal_data_lists_and_erases_follows(owner: Any, competition: Any) -> None:
    services.competition_follow(actor=owner, competition=competition)
    handler = next(h for h in handlers() if h.key == "grants")
    exported = handler.export(owner)
    assert exported["followed_competitions"][0]["competition"] == competition.title
    assert handler.erase(owner)["followed_competitions_deleted"] == 1
    assert not CompetitionFollow.objects.exists()
