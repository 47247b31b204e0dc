"""Reads of the surveys app. The first part is the contract the analytics app reads (and nothing else
of this app): `problem_zone_ranking`, `survey_summaries`, `interview_quotes` with their dataclasses.

**How problem zones are ranked** (also in docs/surveys.md). Only submitted responses count. A response
*names* a zone when it chooses an option carrying that zone. In a ranking question with k places (its
"how many to rank", or every option) a zone placed r-th weighs (k + 1 − r) / k: first place 1, last
place 1/k; a zone chosen in a single or multiple choice question weighs 1. A zone's score is the sum
of its weights over the responses, its share the responses naming it divided by all responses. Zones
are ordered by score, then by how many named them, then by their own order; position 1 is the most
pressing. Sums are computed in SQL per (zone, question); Python only adds up those few groups.
"""

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce

from nkohub.surveys.models import Answer, Option, ProblemZone, Question, Response, Survey
from nkohub.surveys.selectors.common import (
    _CENT,
    SUBMITTED,
    _ratio,
    latest_closed_survey,
    submitted_count,
)


@dataclass(frozen=True)
class ZoneRank:
    zone: ProblemZone
    position: int  # 1 = most pressing
    named: int  # how many submitted responses named it
    score: Decimal  # rank-weighted score (see the module's docstring)
    share: Decimal  # named / responses, 0..1
    actors: list[str]  # the groups that must act on it
    tools: list[str]  # the platform's tools that answer it


@dataclass(frozen=True)
class SurveySummary:
    survey_id: int
    title: str
    purpose: str
    audience: str
    status: str
    opens_on: date
    closes_on: date
    addressed: int | None  # None: addressed to every person, no fixed list
    responses: int  # submitted
    response_rate: Decimal | None  # responses / addressed, 0..1


@dataclass(frozen=True)
class Quote:
    text: str
    question: str
    survey: str
    organization: str | None  # None when the survey is anonymous or answered by a person
    submitted_at: Any


def problem_zone_ranking(survey: Survey | None = None) -> list[ZoneRank]:
    """The zones a needs survey asks about, most pressing first (None: the latest closed needs survey)."""
    if survey is None:
        survey = latest_closed_survey(Survey.Purpose.NEEDS)
        if survey is None:
            return []
    questions = {
        q.pk: q
        for q in Question.objects.filter(survey=survey, options__zone__isnull=False)
        .annotate(choices=Count("options", filter=Q(options__role=Option.Role.CHOICE)))
        .distinct()
    }
    zones = list(
        ProblemZone.objects.filter(options__question__survey=survey)
        .distinct()
        .prefetch_related("actors", "tools")
        .order_by("position", "pk")
    )
    # One GROUP BY over the options that carry zones (the (question, option) index, no join to the
    # zones): a response answers an option of a question at most once, so rows are responses naming it.
    zone_of = dict(
        Option.objects.filter(question__in=list(questions), zone__isnull=False).values_list(
            "pk", "zone"
        )
    )
    answers = Answer.objects.filter(
        option__in=list(zone_of), row__isnull=True, response__status=SUBMITTED
    )
    named: dict[int, int] = {}
    scores: dict[int, Decimal] = {}
    seen_in: dict[int, set[int]] = {}
    for row in answers.values("option", "question").annotate(
        rows=Count("id"), rank_sum=Sum("rank"), ranked=Count("rank")
    ):
        question = questions[row["question"]]
        weight: Decimal
        if question.kind == Question.Kind.RANKING:
            k = min(question.rank_limit or question.choices, question.choices) or 1
            # Σ (k + 1 − r) / k over the answers that carry a rank
            weight = Decimal(row["ranked"] * (k + 1) - (row["rank_sum"] or 0)) / Decimal(k)
        else:
            weight = Decimal(row["rows"])
        zone = zone_of[row["option"]]
        scores[zone] = scores.get(zone, Decimal(0)) + weight
        named[zone] = named.get(zone, 0) + row["rows"]
        seen_in.setdefault(zone, set()).add(row["question"])
    if any(
        len(qs) > 1 for qs in seen_in.values()
    ):  # a zone asked about twice: count responses once
        named = dict(
            answers.values("option__zone")
            .annotate(n=Count("response", distinct=True))
            .values_list("option__zone", "n")
        )
    responses = submitted_count(survey)
    ordered = sorted(
        zones, key=lambda z: (-scores.get(z.pk, Decimal(0)), -named.get(z.pk, 0), z.position, z.pk)
    )
    return [
        ZoneRank(
            zone=zone,
            position=position,
            named=named.get(zone.pk, 0),
            score=scores.get(zone.pk, Decimal(0)).quantize(_CENT, rounding=ROUND_HALF_UP),
            share=_ratio(named.get(zone.pk, 0), responses),
            actors=[actor.title for actor in zone.actors.all()],
            tools=[tool.title for tool in zone.tools.all()],
        )
        for position, zone in enumerate(ordered, start=1)
    ]


def default_addressed_organizations() -> int:
    """A survey to organisations without a list goes to every published, active NGO of the registry."""
    from nkohub.organizations.models import Organization

    return Organization.objects.filter(
        kind=Organization.Kind.NGO, is_published=True, status=Organization.Status.ACTIVE
    ).count()


def _count_of(rows: Any, key: str) -> Any:
    counted = rows.order_by().values(key).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def survey_summaries(start: date, end: date) -> list[SurveySummary]:
    """Surveys (not drafts) open at some time in [start, end], the earliest first."""
    surveys = (
        Survey.objects.filter(opens_on__lte=end, closes_on__gte=start)
        .exclude(status=Survey.Status.DRAFT)
        .annotate(  # counted by subqueries on the indexes, not by joining every response
            submitted=_count_of(
                Response.objects.filter(survey=OuterRef("pk"), status=SUBMITTED), "survey"
            ),
            listed=_count_of(
                Survey.addressed_organizations.through.objects.filter(survey=OuterRef("pk")),
                "survey",
            ),
        )
        .order_by("opens_on", "pk")
    )
    rows = list(surveys)
    registry = (
        default_addressed_organizations()
        if any(s.for_organizations and not s.listed for s in rows)
        else 0
    )
    summaries = []
    for survey in rows:
        addressed: int | None
        if survey.listed:
            addressed = survey.listed
        elif survey.for_organizations:
            addressed = registry
        else:
            addressed = None
        summaries.append(
            SurveySummary(
                survey_id=survey.pk,
                title=survey.title,
                purpose=survey.purpose,
                audience=survey.audience,
                status=survey.status,
                opens_on=survey.opens_on,
                closes_on=survey.closes_on,
                addressed=addressed,
                responses=survey.submitted,
                response_rate=_ratio(survey.submitted, addressed) if addressed else None,
            )
        )
    return summaries


def interview_quotes(survey: Survey | None = None, limit: int = 20) -> list[Quote]:
    """Free-text answers of the interview guide (None: the latest closed interview), in the guide's
    order; a non-anonymous survey's quotes carry the organisation's name."""
    if survey is None:
        survey = latest_closed_survey(Survey.Purpose.INTERVIEW)
        if survey is None:
            return []
    answers = (
        Answer.objects.filter(
            response__survey=survey,
            response__status=SUBMITTED,
            question__kind=Question.Kind.TEXT,
        )
        .exclude(text="")
        .select_related("question", "response__organization")
        .order_by("question__position", "question_id", "response__submitted_at", "pk")[:limit]
    )
    named = not survey.is_anonymous
    return [
        Quote(
            text=answer.text,
            question=answer.question.text,
            survey=survey.title,
            organization=(
                answer.response.organization.display_name
                if named and answer.response.organization
                else None
            ),
            submitted_at=answer.response.submitted_at,
        )
        for answer in answers
    ]


from nkohub.surveys.selectors.answering import (  # noqa: E402 — the app's own reads, after the contract
    acting_organizations,
    cabinet_summary,
    closed_surveys_with_public_results,
    has_responses,
    has_submitted_responses,
    needs_surveys_for,
    open_surveys,
    response_for,
    survey_with_questions,
    surveys_for_operator,
    surveys_to_answer,
    zones_matrix,
)
from nkohub.surveys.selectors.results import (  # noqa: E402
    CROSS_PATHS,
    CrossTab,
    QuestionResult,
    ResultRow,
    crosstab,
    question_results,
    responses_for_export,
    text_answers,
)

__all__ = [
    "CROSS_PATHS",
    "SUBMITTED",
    "CrossTab",
    "QuestionResult",
    "Quote",
    "ResultRow",
    "SurveySummary",
    "ZoneRank",
    "acting_organizations",
    "cabinet_summary",
    "closed_surveys_with_public_results",
    "crosstab",
    "default_addressed_organizations",
    "has_responses",
    "has_submitted_responses",
    "interview_quotes",
    "latest_closed_survey",
    "needs_surveys_for",
    "open_surveys",
    "problem_zone_ranking",
    "question_results",
    "response_for",
    "responses_for_export",
    "submitted_count",
    "survey_summaries",
    "survey_with_questions",
    "surveys_for_operator",
    "surveys_to_answer",
    "text_answers",
    "zones_matrix",
]
