"""An addressed idea that reaches the threshold becomes its author's appeal in the reception, made by the
reception's own services (59-ФЗ due dates, the public record), and the idea shows the published answer."""

from collections.abc import Callable
from typing import Any

import pytest
from django.urls import reverse

from nkohub.ideas import services
from nkohub.ideas.models import Idea, IdeaEvent
from nkohub.ideas.tests.factories import IdeaFactory
from nkohub.reception import services as reception
from nkohub.reception.models import Appeal

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _threshold(settings: Any) -> None:
    settings.IDEAS_APPEAL_THRESHOLD = 3


def _support_by(idea: Idea, people: list[Any]) -> Idea:
    for person in people:
        services.idea_support(actor=person, idea=idea)
    return Idea.objects.select_related("appeal").get(pk=idea.pk)


def test_below_the_threshold_no_appeal_is_made(idea: Idea, people: Callable[..., Any]) -> None:
    assert _support_by(idea, people(2)).appeal is None


def test_at_the_threshold_the_idea_becomes_a_submitted_appeal(
    idea: Idea, people: Callable[..., Any]
) -> None:
    appeal = _support_by(idea, people(3)).appeal
    assert appeal is not None
    assert (appeal.status, appeal.kind, appeal.author, appeal.authority) == (
        Appeal.Status.SUBMITTED,
        Appeal.Kind.PROPOSAL,
        idea.author,
        idea.addressee,
    )


def test_the_appeal_has_the_59_fz_registration_due_date(
    idea: Idea, people: Callable[..., Any]
) -> None:
    appeal = _support_by(idea, people(3)).appeal
    assert appeal is not None
    assert appeal.registration_due is not None


def test_more_supports_past_the_threshold_make_no_second_appeal(
    idea: Idea, people: Callable[..., Any]
) -> None:
    _support_by(idea, people(6))
    assert Appeal.objects.count() == 1


def test_withdrawn_and_renewed_supports_make_no_second_appeal(
    idea: Idea, people: Callable[..., Any]
) -> None:
    supporters = people(3)
    _support_by(idea, supporters)
    services.idea_withdraw_support(actor=supporters[0], idea=idea)
    services.idea_support(actor=supporters[0], idea=idea)
    assert Appeal.objects.count() == 1


def test_an_idea_without_an_addressee_stays_an_idea(people: Callable[..., Any]) -> None:
    idea = IdeaFactory.create(addressee=None)
    assert _support_by(idea, people(3)).appeal is None


def test_the_timeline_says_the_idea_was_sent(idea: Idea, people: Callable[..., Any]) -> None:
    _support_by(idea, people(3))
    assert idea.events.filter(kind=IdeaEvent.Kind.APPEAL).count() == 1


def test_the_officials_are_told_of_the_new_appeal(
    idea: Idea, people: Callable[..., Any], official: Any
) -> None:
    from nkohub.notifications.models import Notification

    _support_by(idea, people(3))
    assert Notification.objects.filter(
        recipient=official, kind="reception.appeal.submitted"
    ).exists()


def _answer(appeal: Appeal, official: Any) -> None:
    reception.appeal_register(actor=official, appeal=appeal)
    reception.appeal_answer(
        actor=official,
        appeal=appeal,
        text="Пандус будет установлен в мае за счёт областного бюджета.",
    )


def test_the_idea_page_shows_the_published_answer(
    client: Any, idea: Idea, people: Callable[..., Any], official: Any
) -> None:
    appeal = _support_by(idea, people(3)).appeal
    assert appeal is not None
    _answer(appeal, official)
    response = client.get(idea.get_absolute_url())
    assert "Пандус будет установлен в мае" in response.content.decode()


def test_the_idea_page_links_the_public_answer(
    client: Any, idea: Idea, people: Callable[..., Any], official: Any
) -> None:
    appeal = _support_by(idea, people(3)).appeal
    assert appeal is not None
    _answer(appeal, official)
    response = client.get(idea.get_absolute_url())
    assert reverse("reception:public_appeal", args=[appeal.pk]) in response.content.decode()


def test_the_unanswered_appeal_s_text_stays_off_the_idea_page(
    client: Any, idea: Idea, people: Callable[..., Any]
) -> None:
    _support_by(idea, people(3))
    response = client.get(idea.get_absolute_url())
    assert reverse("reception:public_appeal", args=[idea.pk]) not in response.content.decode()
