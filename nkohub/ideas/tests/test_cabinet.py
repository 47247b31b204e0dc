"""«Мой кабинет»: the idea bank's block."""

from typing import Any

import pytest
from django.urls import reverse

from nkohub.ideas import services
from nkohub.ideas.models import Idea

pytestmark = pytest.mark.django_db


def test_the_block_counts_the_ideas_a_person_supports(
    client: Any, idea: Idea, outsider: Any
) -> None:
    services.idea_support(actor=outsider, idea=idea)
    client.force_login(outsider)
    response = client.get(reverse("core:cabinet"))
    blocks = [b for b in response.context["blocks"] if b["template"] == "ideas/_cabinet.html"]
    assert blocks[0]["context"]["supported"] == 1


def test_an_official_gets_the_link_to_the_ideas_addressed_to_them(
    client: Any, official: Any
) -> None:
    client.force_login(official)
    response = client.get(reverse("core:cabinet"))
    assert reverse("ideas:addressed") in response.content.decode()
