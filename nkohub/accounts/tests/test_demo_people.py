"""The demo people (accounts.demo): every one signs in with the one published demo password."""

import pytest
from django.conf import settings

from nkohub.accounts import demo
from nkohub.accounts.models import User
from nkohub.core.demo_context import DemoContext

pytestmark = pytest.mark.django_db


def test_every_demo_person_signs_in_with_the_demo_password() -> None:
    demo.load(DemoContext())

    people = list(User.objects.filter(email__in=[person[1] for person in demo.DEMO_PEOPLE]))
    assert len(people) == len(demo.DEMO_PEOPLE)
    assert len({user.password for user in people}) == 1  # hashed once for all of them
    assert people[0].check_password(settings.DEMO_PASSWORD)
    assert not people[-1].check_password("wrong-password")
