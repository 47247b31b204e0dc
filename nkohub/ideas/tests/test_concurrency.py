"""Supports under real concurrency (threads, the project's race helper; SQLite and PostgreSQL): the
counter never drifts from the rows, one person supports once, and the appeal is made exactly once."""

from typing import Any

import pytest
from django.db.models import Count

from nkohub.accounts.tests.factories import UserFactory
from nkohub.core.tests.concurrency import race
from nkohub.ideas import services
from nkohub.ideas.models import Idea, IdeaSupport
from nkohub.ideas.tests.factories import IdeaFactory
from nkohub.organizations.models import Organization
from nkohub.reception.models import Appeal

pytestmark = pytest.mark.django_db(transaction=True)


def _counter_and_rows(idea: Idea) -> tuple[int, int]:
    fresh = Idea.objects.annotate(rows=Count("supports")).get(pk=idea.pk)
    return fresh.supports_count, fresh.rows


def test_twenty_people_supporting_at_once_give_twenty(authority: Organization) -> None:
    idea = IdeaFactory.create(addressee=authority)
    people = [UserFactory.create(password=None) for _ in range(20)]
    outcomes = race(20, lambda i: services.idea_support(actor=people[i], idea=idea))
    assert outcomes.raised == {}, outcomes.report()
    assert _counter_and_rows(idea) == (20, 20)


def test_one_person_pressing_twenty_times_at_once_supports_once(authority: Organization) -> None:
    idea = IdeaFactory.create(addressee=authority)
    person = UserFactory.create(password=None)
    outcomes = race(20, lambda i: services.idea_support(actor=person, idea=idea))
    assert outcomes.raised == {}, outcomes.report()
    assert _counter_and_rows(idea) == (1, 1)


def test_supports_and_withdrawals_at_once_keep_the_counter_true(authority: Organization) -> None:
    idea = IdeaFactory.create(addressee=authority)
    people = [UserFactory.create(password=None) for _ in range(20)]
    for person in people[:10]:
        services.idea_support(actor=person, idea=idea)

    def act(i: int) -> bool:
        if i < 10:
            return services.idea_withdraw_support(actor=people[i], idea=idea)
        return services.idea_support(actor=people[i], idea=idea)

    outcomes = race(20, act)
    assert outcomes.raised == {}, outcomes.report()
    assert _counter_and_rows(idea) == (10, 10)


def test_supports_crossing_the_threshold_together_make_one_appeal(
    settings: Any, authority: Organization
) -> None:
    settings.IDEAS_APPEAL_THRESHOLD = 5
    idea = IdeaFactory.create(addressee=authority)
    people = [UserFactory.create(password=None) for _ in range(20)]
    for person in people[:4]:
        services.idea_support(actor=person, idea=idea)
    outcomes = race(16, lambda i: services.idea_support(actor=people[4 + i], idea=idea))
    assert outcomes.raised == {}, outcomes.report()
    assert Appeal.objects.filter(authority=authority).count() == 1
    assert Idea.objects.get(pk=idea.pk).appeal == Appeal.objects.get()
    assert IdeaSupport.objects.filter(idea=idea).count() == 20
