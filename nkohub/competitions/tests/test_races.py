"""Races on the real database (threads released together; SQLite's write lock or PostgreSQL's row
locks): one recorded outcome each time."""

from decimal import Decimal
from typing import Any

import pytest

from nkohub.competitions import services
from nkohub.competitions.models import Assignment, Submission
from nkohub.core.errors import DomainError
from nkohub.core.tests.concurrency import race
from nkohub.grants.models import Application

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_double_click_on_submit_records_one_submission(
    owner: Any, application: Application
) -> None:
    outcomes = race(6, lambda i: services.submission_submit(actor=owner, application=application))
    assert outcomes.raised == {}, outcomes.report()
    assert Submission.objects.count() == 1
    assert {s.pk for s in outcomes.results.values()} == {Submission.objects.get().pk}


def test_two_experts_saving_at_once_are_both_counted(
    official: Any, submission: Submission, experts: list[Any]
) -> None:
    assignments = []
    for expert in experts[:2]:
        assignment = services.assignment_create(
            actor=official, submission=submission, expert=expert
        )
        services.assignment_declare(actor=expert, assignment=assignment, conflict=False)
        assignments.append(assignment)
    scores = {c.pk: (5, "") for c in submission.call.criteria.all()}
    outcomes = race(
        2,
        lambda i: services.review_save(
            actor=assignments[i].expert,
            assignment=assignments[i],
            scores=scores,
            summary="Вывод",
            submit=True,
        ),
    )
    assert outcomes.raised == {}, outcomes.report()
    submission.refresh_from_db()
    assert submission.reviews_done == 2
    assert Assignment.objects.filter(status=Assignment.Status.SUBMITTED).count() == 2


def test_a_decision_racing_a_withdrawal_gives_one_outcome(
    official: Any, owner: Any, submission: Submission
) -> None:
    def act(i: int) -> Submission:
        if i == 0:
            return services.submission_approve(
                actor=official, submission=submission, amount=Decimal("1000000")
            )
        return services.submission_withdraw(actor=owner, submission=submission)

    outcomes = race(2, act)
    assert len(outcomes.results) == 1, outcomes.report()
    assert all(isinstance(e, DomainError) for e in outcomes.raised.values()), outcomes.report()
    submission.refresh_from_db()
    assert submission.status in (Submission.Status.APPROVED, Submission.Status.WITHDRAWN)
    assert hasattr(submission, "agreement") == (submission.status == Submission.Status.APPROVED)
