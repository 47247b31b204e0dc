"""The demo: a finished needs survey answered by twenty organisations with the ranking the research
would expect, the interview guide with three leaders' answers; a second run changes nothing."""

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.core.management import call_command
from django.urls import reverse

from nkohub.surveys import selectors
from nkohub.surveys.models import Answer, Response, Survey

pytestmark = pytest.mark.django_db

# The demo's needs survey, ranked by the formula of docs/surveys.md: (code, named, score).
EXPECTED_TOP = [
    ("money", 14, Decimal("9.40")),
    ("media", 15, Decimal("8.20")),  # the same score as the next: more organisations named it
    ("public-interest", 13, Decimal("8.20")),
    ("authorities", 9, Decimal("7.00")),
    ("sponsors", 12, Decimal("6.40")),
    ("transport", 8, Decimal("4.60")),
]


def counts() -> tuple[int, ...]:
    return tuple(m.objects.count() for m in (Survey, Response, Answer))


def _brute_force(survey: Survey) -> dict[str, Decimal]:
    """The formula again, in Python over every answer row: rank r of k places weighs (k + 1 − r)/k."""
    scores: dict[str, Decimal] = {}
    for answer in Answer.objects.filter(
        response__survey=survey, response__status="submitted", option__zone__isnull=False
    ).select_related("option__zone", "question"):
        k = answer.question.rank_limit or 16
        weight = Decimal(k + 1 - (answer.rank or k)) / k if answer.rank else Decimal(1)
        code = answer.option.zone.code  # type: ignore[union-attr]
        scores[code] = scores.get(code, Decimal(0)) + weight
    return scores


def test_the_demo_needs_survey_ranks_the_zones_as_expected_and_a_second_run_changes_nothing(
    client: Any,
) -> None:
    call_command("load_demo", "--quiet-logins")
    first = counts()
    call_command("load_demo", "--quiet-logins")
    assert counts() == first

    needs = Survey.objects.get(purpose=Survey.Purpose.NEEDS)
    assert needs.status == Survey.Status.CLOSED
    assert selectors.submitted_count(needs) == 20
    ranking = selectors.problem_zone_ranking()
    assert len(ranking) == 16
    assert [(r.zone.code, r.named, r.score) for r in ranking[:6]] == EXPECTED_TOP
    assert ranking[0].share == Decimal("0.7000")
    assert ranking[0].actors == ["Региональная и местная власть", "Бизнес"]
    brute = _brute_force(needs)
    assert all(r.score == brute.get(r.zone.code, Decimal(0)) for r in ranking)
    assert [r.position for r in ranking] == list(range(1, 17))

    (summary,) = [
        s
        for s in selectors.survey_summaries(date(2000, 1, 1), date(2100, 1, 1))
        if s.survey_id == needs.pk
    ]
    assert (summary.addressed, summary.responses, summary.response_rate) == (
        32,
        20,
        Decimal("0.6250"),
    )
    quotes = selectors.interview_quotes()
    assert len(quotes) == 18
    assert all(q.organization for q in quotes)

    page = client.get(reverse("surveys:zones")).content.decode()
    assert "Недостаток финансирования" in page
    assert client.get(reverse("surveys:results", args=[needs.pk])).status_code == 200
