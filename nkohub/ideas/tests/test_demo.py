"""The demo: ideas in every status, one past the threshold that became an answered appeal; a second run
changes nothing."""

from typing import Any

import pytest
from django.core.management import call_command

from nkohub.ideas.models import Idea, IdeaComment, IdeaSupport
from nkohub.reception.models import Appeal

pytestmark = pytest.mark.django_db


def counts() -> tuple[int, ...]:
    return tuple(m.objects.count() for m in (Idea, IdeaSupport, IdeaComment, Appeal))


def test_the_demo_has_ideas_in_every_status_and_a_second_run_changes_nothing(
    client: Any,
) -> None:
    call_command("load_demo", "--quiet-logins")
    first = counts()
    call_command("load_demo", "--quiet-logins")
    assert counts() == first
    assert set(Idea.objects.values_list("status", flat=True)) == set(Idea.Status.values)
    sent = Idea.objects.select_related("appeal").get(appeal__isnull=False)
    assert sent.appeal is not None
    assert sent.appeal.status == Appeal.Status.ANSWERED
    assert "программу «Доступная среда»" in client.get(sent.get_absolute_url()).content.decode()
    assert all(idea.supports_count == idea.supports.count() for idea in Idea.objects.all())
    assert IdeaComment.objects.filter(hidden_at__isnull=False).count() == 1
