"""The demo: the ministry's call with twenty submissions, three experts, decisions and a report."""

from typing import Any

import pytest
from django.core.management import call_command

from nkohub.competitions.models import Assignment, Call, Report, Submission

pytestmark = pytest.mark.django_db


def counts() -> tuple[int, ...]:
    return (
        Call.objects.count(),
        Submission.objects.count(),
        Assignment.objects.count(),
        Report.objects.count(),
    )


def test_the_demo_runs_a_whole_call_and_a_second_run_changes_nothing(settings: Any) -> None:
    call_command("load_demo", "--quiet-logins")
    first = counts()
    call = Call.objects.get()
    assert call.status == Call.Status.RESULTS
    assert call.submissions.count() == 20
    assert call.submissions.filter(status=Submission.Status.APPROVED).count() == 8
    assert set(Assignment.objects.values_list("expert", flat=True).distinct()).__len__() == 3
    assert Assignment.objects.filter(status=Assignment.Status.CONFLICT).count() == 1
    assert Report.objects.filter(status=Report.Status.ACCEPTED).count() == 1
    call_command("load_demo", "--quiet-logins")
    assert counts() == first
