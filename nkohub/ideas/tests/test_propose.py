"""Proposing an idea: anyone signed in, to an authority of the reception or to nobody."""

from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from nkohub.core.errors import DomainError
from nkohub.ideas import services
from nkohub.ideas.models import Idea, IdeaEvent
from nkohub.organizations.models import Organization
from nkohub.organizations.tests.factories import SphereFactory
from nkohub.territories.tests.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db


def _fields(**extra: Any) -> dict[str, Any]:
    return {
        "title": "Велодорожка вдоль Оки",
        "problem": "Велосипедистам приходится ехать по проезжей части набережной.",
        "proposal": "Выделить полосу для велосипедов на набережной от моста до парка.",
        "municipality": MunicipalityFactory.create(name="Город Калуга"),
        "sphere": SphereFactory.create(code="ecology", name="Охрана окружающей среды"),
        **extra,
    }


def test_a_member_proposes_an_idea_addressed_to_an_authority(
    member: Any, authority: Organization
) -> None:
    idea = services.idea_propose(actor=member, addressee=authority, **_fields())
    assert (idea.status, idea.addressee, idea.author) == (Idea.Status.NEW, authority, member)


def test_the_proposal_opens_the_timeline(member: Any) -> None:
    idea = services.idea_propose(actor=member, **_fields())
    assert list(idea.events.values_list("kind", flat=True)) == [IdeaEvent.Kind.PROPOSED]


def test_an_idea_cannot_be_addressed_to_an_ngo(member: Any, ngo: Organization) -> None:
    with pytest.raises(DomainError) as refused:
        services.idea_propose(actor=member, addressee=ngo, **_fields())
    assert refused.value.field == "addressee"


def test_an_anonymous_visitor_cannot_propose(db: Any) -> None:
    with pytest.raises(PermissionDenied):
        services.idea_propose(actor=AnonymousUser(), **_fields())  # type: ignore[arg-type]


def test_the_form_sends_an_anonymous_visitor_to_log_in(client: Any) -> None:
    response = client.get(reverse("ideas:propose"))
    assert response.url.startswith(reverse("account_login"))


def test_the_form_publishes_the_idea(client: Any, member: Any, authority: Organization) -> None:
    client.force_login(member)
    fields = _fields()
    data = {
        **fields,
        "municipality": fields["municipality"].pk,
        "sphere": fields["sphere"].pk,
        "addressee": authority.pk,
    }
    response = client.post(reverse("ideas:propose"), data)
    assert response.url == Idea.objects.get(title="Велодорожка вдоль Оки").get_absolute_url()


def test_the_form_keeps_the_text_and_says_what_is_missing(client: Any, member: Any) -> None:
    client.force_login(member)
    response = client.post(reverse("ideas:propose"), {"title": "Велодорожка вдоль Оки"})
    assert "problem" in response.context["form"].errors
