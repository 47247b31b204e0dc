"""Expert review: assignment, the conflict-of-interest declaration first, scores per criterion,
reviews hidden until one's own is submitted, mean/spread and the third review, races."""

from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse

from nkohub.competitions import services
from nkohub.competitions.models import Assignment, Submission
from nkohub.competitions.selectors import criterion_figures, submission_assignments
from nkohub.core.errors import DomainError

pytestmark = pytest.mark.django_db


def _scores(submission: Submission, values: list[int]) -> dict[int, tuple[int, str]]:
    return {c.pk: (v, "") for c, v in zip(submission.call.criteria.all(), values, strict=True)}


def _review(official: Any, expert: Any, submission: Submission, values: list[int]) -> Assignment:
    assignment = services.assignment_create(actor=official, submission=submission, expert=expert)
    services.assignment_declare(actor=expert, assignment=assignment, conflict=False)
    return services.review_save(
        actor=expert,
        assignment=assignment,
        scores=_scores(submission, values),
        summary="Вывод",
        submit=True,
    )


def test_an_expert_with_a_conflict_never_sees_the_submission_and_another_is_assigned(
    client: Any, official: Any, submission: Submission, experts: list[Any]
) -> None:
    client.force_login(official)
    client.post(reverse("competitions:assign", args=[submission.pk]), {"expert": experts[0].pk})
    assignment = Assignment.objects.get(expert=experts[0])
    client.force_login(experts[0])
    url = reverse("competitions:submission", args=[submission.pk])
    before = client.get(url).content.decode()
    assert submission.version.snapshot["goal"] not in before  # only what the conflict is judged by
    response = client.post(
        reverse("competitions:review", args=[assignment.pk]),
        {"conflict": "1", "conflict_note": "Я в правлении заявителя"},
    )
    assert response.status_code == 302
    assignment.refresh_from_db()
    assert assignment.status == Assignment.Status.CONFLICT
    assert client.get(url).status_code == 404
    # The funder replaces the expert.
    client.force_login(official)
    client.post(reverse("competitions:assign", args=[submission.pk]), {"email": experts[1].email})
    assert Assignment.objects.filter(submission=submission, expert=experts[1]).exists()


def test_reviews_are_hidden_from_an_expert_until_their_own_is_submitted(
    client: Any, official: Any, submission: Submission, experts: list[Any]
) -> None:
    _review(official, experts[0], submission, [8, 8, 4])
    second = services.assignment_create(actor=official, submission=submission, expert=experts[1])
    services.assignment_declare(actor=experts[1], assignment=second, conflict=False)
    client.force_login(experts[1])
    url = reverse("competitions:submission", args=[submission.pk])
    page = client.get(url).content.decode()
    assert "Вывод" not in page
    assert "Эксперт 1" not in page
    client.post(
        reverse("competitions:review", args=[second.pk]),
        {
            **{
                f"score_{c.pk}": v
                for c, v in zip(submission.call.criteria.all(), [7, 7, 4], strict=True)
            },
            "summary": "Хорошо",
            "submit": "1",
        },
    )
    page = client.get(url).content.decode()
    assert "Вывод" in page
    assert "Эксперт 1" in page


def test_totals_mean_spread_and_a_third_review_when_two_differ_by_more_than_the_gap(
    official: Any, submission: Submission, experts: list[Any]
) -> None:
    first = _review(official, experts[0], submission, [10, 10, 5])  # 100 %
    assert first.total == Decimal("100.00")
    _review(official, experts[1], submission, [5, 5, 0])  # (2·5/10 + 5/10 + 0) / 4 = 37.5 %
    submission.refresh_from_db()
    assert submission.reviews_done == 2
    assert submission.score_mean == Decimal("68.75")
    assert submission.score_spread == Decimal("62.50")
    assert submission.needs_third_review  # the gap is 20
    third = services.assignment_create(actor=official, submission=submission, expert=experts[2])
    submission.refresh_from_db()
    assert not submission.needs_third_review  # a third is on its way
    services.assignment_declare(actor=experts[2], assignment=third, conflict=False)
    services.review_save(
        actor=experts[2],
        assignment=third,
        scores=_scores(submission, [9, 9, 5]),
        summary="Да",
        submit=True,
    )
    assignments = submission_assignments(submission)
    figures = criterion_figures(submission, assignments, list(submission.call.criteria.all()))
    outlier = next(a for a in assignments if a.expert == experts[1])
    assert outlier.pk in figures[0].outliers


def test_a_review_cannot_be_submitted_with_a_score_missing_or_out_of_scale(
    official: Any, submission: Submission, experts: list[Any]
) -> None:
    assignment = services.assignment_create(
        actor=official, submission=submission, expert=experts[0]
    )
    services.assignment_declare(actor=experts[0], assignment=assignment, conflict=False)
    criteria = list(submission.call.criteria.all())
    with pytest.raises(DomainError):
        services.review_save(
            actor=experts[0],
            assignment=assignment,
            scores={criteria[0].pk: (5, "")},
            summary="x",
            submit=True,
        )
    with pytest.raises(DomainError):
        services.review_save(
            actor=experts[0],
            assignment=assignment,
            scores=_scores(submission, [5, 5, 6]),
            summary="x",
            submit=True,
        )


@pytest.mark.parametrize("who", ["owner", "clerk", "outsider", "other_expert"])
def test_wrong_people_cannot_declare_or_score(
    client: Any, request: Any, who: str, official: Any, submission: Submission, experts: list[Any]
) -> None:
    assignment = services.assignment_create(
        actor=official, submission=submission, expert=experts[0]
    )
    person = experts[1] if who == "other_expert" else request.getfixturevalue(who)
    client.force_login(person)
    response = client.post(reverse("competitions:review", args=[assignment.pk]), {"conflict": "0"})
    assert response.status_code in (
        (302,) if who == "clerk" else (404,)
    )  # the funder's member is sent to the submission
    assignment.refresh_from_db()
    assert assignment.status == Assignment.Status.ASSIGNED


@pytest.mark.parametrize("who", ["owner", "clerk", "outsider", "experts"])
def test_wrong_people_cannot_assign_experts(
    client: Any, request: Any, who: str, submission: Submission, experts: list[Any]
) -> None:
    person = experts[0] if who == "experts" else request.getfixturevalue(who)
    client.force_login(person)
    response = client.post(
        reverse("competitions:assign", args=[submission.pk]), {"expert": experts[1].pk}
    )
    assert response.status_code == (403 if who in ("owner", "clerk") else 404)
    assert not Assignment.objects.exists()
