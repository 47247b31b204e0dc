"""What the idea bank says about a person, and what "delete my account" leaves."""

from typing import Any

import pytest

from nkohub.ideas import personal_data, services
from nkohub.ideas.models import Idea
from nkohub.ideas.tests.factories import IdeaCommentFactory

pytestmark = pytest.mark.django_db


def test_the_export_lists_ideas_supports_and_comments(
    idea: Idea, member: Any, outsider: Any
) -> None:
    services.idea_support(actor=outsider, idea=idea)
    IdeaCommentFactory.create(idea=idea, author=outsider)
    exported = personal_data.export(outsider)
    assert (len(exported["ideas"]), len(exported["supports"]), len(exported["comments"])) == (
        0,
        1,
        1,
    )


def test_erasing_removes_the_support_and_moves_the_counter(idea: Idea, outsider: Any) -> None:
    services.idea_support(actor=outsider, idea=idea)
    personal_data.erase(outsider)
    assert Idea.objects.get(pk=idea.pk).supports_count == 0


def test_erasing_keeps_the_idea_without_its_author(idea: Idea, member: Any) -> None:
    personal_data.erase(member)
    assert Idea.objects.get(pk=idea.pk).author is None
