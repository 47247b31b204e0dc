"""The authority's view: the ideas addressed to it, for its officials only."""

from typing import Any

import pytest
from django.urls import reverse

from nkohub.ideas.models import Idea
from nkohub.ideas.tests.factories import IdeaFactory
from nkohub.organizations.models import Organization

pytestmark = pytest.mark.django_db


def test_an_official_sees_the_ideas_addressed_to_the_authority(
    client: Any, idea: Idea, official: Any
) -> None:
    IdeaFactory.create(title="Чужая идея")
    client.force_login(official)
    response = client.get(reverse("ideas:addressed"))
    assert [i.title for i in response.context["page"].object_list] == [idea.title]


def test_the_status_filter_narrows_the_view(
    client: Any, authority: Organization, official: Any
) -> None:
    IdeaFactory.create(title="Принятая", addressee=authority, status=Idea.Status.ACCEPTED)
    IdeaFactory.create(title="Новая", addressee=authority)
    client.force_login(official)
    response = client.get(reverse("ideas:addressed"), {"status": "accepted"})
    assert [i.title for i in response.context["page"].object_list] == ["Принятая"]


def test_a_person_serving_no_authority_gets_403(client: Any, outsider: Any) -> None:
    client.force_login(outsider)
    assert client.get(reverse("ideas:addressed")).status_code == 403


def test_an_official_asking_for_another_authority_gets_404(
    client: Any, official: Any, ngo: Organization
) -> None:
    client.force_login(official)
    response = client.get(reverse("ideas:addressed"), {"authority": ngo.pk})
    assert response.status_code == 404


def _addressed_queries(client: Any) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        client.get(reverse("ideas:addressed"))
    return len(captured)


def test_the_view_costs_the_same_queries_with_more_ideas(
    client: Any, authority: Organization, official: Any, django_assert_num_queries: Any
) -> None:
    IdeaFactory.create(addressee=authority)
    client.force_login(official)
    client.get(reverse("ideas:addressed"))
    small = _addressed_queries(client)
    for _ in range(15):
        IdeaFactory.create(addressee=authority)
    with django_assert_num_queries(small):
        client.get(reverse("ideas:addressed"))
