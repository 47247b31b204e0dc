"""Statuses: set by operators or by the officials of the addressed authority, along the flow, a
rejection with its reason; the author and supporters are told, the timeline shows it."""

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from nkohub.core.errors import DomainError
from nkohub.ideas import services
from nkohub.ideas.models import Idea, IdeaEvent
from nkohub.notifications.models import Notification
from nkohub.organizations.models import Membership
from nkohub.organizations.tests.factories import MembershipFactory, OrganizationFactory

pytestmark = pytest.mark.django_db

S = Idea.Status


def test_an_official_of_the_addressee_takes_the_idea_under_review(
    idea: Idea, official: Any
) -> None:
    services.idea_set_status(actor=official, idea=idea, status=S.UNDER_REVIEW)
    assert Idea.objects.get(pk=idea.pk).status == S.UNDER_REVIEW


def test_an_operator_accepts_any_idea(idea: Idea, operator: Any) -> None:
    services.idea_set_status(actor=operator, idea=idea, status=S.ACCEPTED)
    assert Idea.objects.get(pk=idea.pk).status == S.ACCEPTED


def test_an_official_of_another_authority_may_not(idea: Idea) -> None:
    other = OrganizationFactory.create(kind="authority")
    stranger = MembershipFactory.create(organization=other, role=Membership.Role.EDITOR).user
    with pytest.raises(PermissionDenied):
        services.idea_set_status(actor=stranger, idea=idea, status=S.ACCEPTED)


def test_the_author_may_not_set_the_status(idea: Idea, member: Any) -> None:
    with pytest.raises(PermissionDenied):
        services.idea_set_status(actor=member, idea=idea, status=S.ACCEPTED)


def test_the_status_form_is_403_to_an_outsider(client: Any, idea: Idea, outsider: Any) -> None:
    client.force_login(outsider)
    response = client.post(reverse("ideas:status", args=[idea.pk]), {"status": S.ACCEPTED})
    assert response.status_code == 403


def test_a_rejection_needs_a_reason(idea: Idea, official: Any) -> None:
    with pytest.raises(DomainError) as refused:
        services.idea_set_status(actor=official, idea=idea, status=S.REJECTED)
    assert refused.value.field == "reason"


def test_a_new_idea_cannot_jump_to_implemented(idea: Idea, operator: Any) -> None:
    with pytest.raises(DomainError):
        services.idea_set_status(actor=operator, idea=idea, status=S.IMPLEMENTED)


def test_the_whole_way_to_implemented(idea: Idea, official: Any) -> None:
    for status in (S.UNDER_REVIEW, S.ACCEPTED, S.IMPLEMENTING, S.IMPLEMENTED):
        services.idea_set_status(actor=official, idea=idea, status=status)
    assert list(
        idea.events.filter(kind=IdeaEvent.Kind.STATUS).values_list("status_after", flat=True)
    ) == [S.UNDER_REVIEW, S.ACCEPTED, S.IMPLEMENTING, S.IMPLEMENTED]


def test_the_author_and_supporters_are_told(
    idea: Idea, official: Any, member: Any, outsider: Any, django_capture_on_commit_callbacks: Any
) -> None:
    services.idea_support(actor=outsider, idea=idea)
    with django_capture_on_commit_callbacks(execute=True):
        services.idea_set_status(actor=official, idea=idea, status=S.ACCEPTED)
    told = set(
        Notification.objects.filter(kind="ideas.idea.status").values_list("recipient", flat=True)
    )
    assert told == {member.pk, outsider.pk}


def test_the_page_shows_the_rejection_reason_on_the_timeline(
    client: Any, idea: Idea, official: Any
) -> None:
    services.idea_set_status(
        actor=official, idea=idea, status=S.REJECTED, reason="Вход уже оборудован подъёмником."
    )
    response = client.get(idea.get_absolute_url())
    assert "Вход уже оборудован подъёмником." in response.content.decode()


def test_the_official_changes_the_status_from_the_page(
    client: Any, idea: Idea, official: Any
) -> None:
    client.force_login(official)
    client.post(reverse("ideas:status", args=[idea.pk]), {"status": S.UNDER_REVIEW})
    assert Idea.objects.get(pk=idea.pk).status == S.UNDER_REVIEW
