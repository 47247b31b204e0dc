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

from django.db.models import Avg, Count, Max, Min, Prefetch, Q, QuerySet, Sum
from django.utils import timezone

from nkohub.surveys.models import Answer, Option, ProblemZone, Question, Response, Survey

SUBMITTED = Response.Status.SUBMITTED
_CENT = Decimal("0.01")
_SHARE = Decimal("0.0001")


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


def latest_closed_survey(purpose: str) -> Survey | None:
    return (
        Survey.objects.filter(purpose=purpose, status=Survey.Status.CLOSED)
        .order_by("-closes_on", "-id")
        .first()
    )


def submitted_count(survey: Survey) -> int:
    return Response.objects.filter(survey=survey, status=SUBMITTED).count()


def _ratio(part: int, whole: int, quantum: Decimal = _SHARE) -> Decimal:
    if not whole:
        return Decimal(0).quantize(quantum)
    return (Decimal(part) / Decimal(whole)).quantize(quantum, rounding=ROUND_HALF_UP)


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
    answers = Answer.objects.filter(
        response__survey=survey, response__status=SUBMITTED, option__zone__isnull=False
    )
    named = dict(
        answers.values("option__zone")
        .annotate(n=Count("response", distinct=True))
        .values_list("option__zone", "n")
    )
    scores: dict[int, Decimal] = {}
    for row in answers.values("option__zone", "question").annotate(
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
        zone = row["option__zone"]
        scores[zone] = scores.get(zone, Decimal(0)) + weight
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


def survey_summaries(start: date, end: date) -> list[SurveySummary]:
    """Surveys (not drafts) open at some time in [start, end], the earliest first."""
    surveys = (
        Survey.objects.filter(opens_on__lte=end, closes_on__gte=start)
        .exclude(status=Survey.Status.DRAFT)
        .annotate(
            submitted=Count("responses", filter=Q(responses__status=SUBMITTED), distinct=True),
            listed=Count("addressed_organizations", distinct=True),
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


# ---------------------------------------------------------------------------------------------------
# The app's own reads


def survey_with_questions(pk: int) -> Survey | None:
    return (
        Survey.objects.filter(pk=pk)
        .prefetch_related(
            Prefetch(
                "questions",
                queryset=Question.objects.select_related(
                    "show_if_option__question"
                ).prefetch_related("options"),
            )
        )
        .first()
    )


def surveys_for_operator() -> QuerySet[Survey]:
    return Survey.objects.annotate(
        submitted=Count("responses", filter=Q(responses__status=SUBMITTED), distinct=True),
        drafts=Count("responses", filter=Q(responses__status=Response.Status.DRAFT), distinct=True),
        question_count=Count("questions", distinct=True),
    ).order_by("-opens_on", "-pk")


def open_surveys(today: date | None = None) -> QuerySet[Survey]:
    day = today or timezone.localdate()
    return Survey.objects.filter(
        status=Survey.Status.OPEN, opens_on__lte=day, closes_on__gte=day
    ).order_by("closes_on", "pk")


def acting_organizations(user: Any) -> QuerySet[Any]:
    """The organisations this person may answer for (owner or editor)."""
    from nkohub.organizations.models import Organization
    from nkohub.organizations.permissions import ACTING_ROLES

    return Organization.objects.filter(
        memberships__user=user, memberships__role__in=ACTING_ROLES
    ).order_by("full_name")


def surveys_to_answer(user: Any, today: date | None = None) -> list[dict[str, Any]]:
    """Open surveys this person may answer, each with who they answer for and how far they got:
    [{"survey", "organization" (None for people's surveys), "response" (None: not started)}]."""
    if not user.is_authenticated:
        return []
    surveys = list(open_surveys(today).prefetch_related("addressed_organizations"))
    if not surveys:
        return []
    organizations = (
        list(acting_organizations(user)) if any(s.for_organizations for s in surveys) else []
    )
    ngo_kind = "ngo"
    responses = {
        (r.survey_id, r.organization_id): r
        for r in Response.objects.filter(survey__in=surveys).filter(
            Q(organization__in=organizations) | Q(organization__isnull=True, respondent=user)
        )
    }
    items = []
    for survey in surveys:
        if survey.for_organizations:
            listed = {o.pk for o in survey.addressed_organizations.all()}
            for organization in organizations:
                addressed = (
                    organization.pk in listed
                    if listed
                    else organization.kind == ngo_kind and organization.is_published
                )
                if addressed:
                    items.append(
                        {
                            "survey": survey,
                            "organization": organization,
                            "response": responses.get((survey.pk, organization.pk)),
                        }
                    )
        else:
            items.append(
                {
                    "survey": survey,
                    "organization": None,
                    "response": responses.get((survey.pk, None)),
                }
            )
    return items


def cabinet_summary(user: Any) -> dict[str, Any] | None:
    items = [
        i for i in surveys_to_answer(user) if not (i["response"] and i["response"].is_submitted)
    ]
    return {"items": items} if items else None


def response_for(survey: Survey, *, user: Any, organization: Any | None) -> Response | None:
    responses = Response.objects.filter(survey=survey).prefetch_related("answers")
    if organization is not None:
        return responses.filter(organization=organization).first()
    return responses.filter(organization__isnull=True, respondent=user).first()


def has_submitted_responses(survey: Survey) -> bool:
    return Response.objects.filter(survey=survey, status=SUBMITTED).exists()


def zones_matrix() -> QuerySet[ProblemZone]:
    return ProblemZone.objects.prefetch_related("actors", "tools").order_by("position", "pk")


# --- results ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ResultRow:
    label: str
    count: int
    share: Decimal  # of the question's respondents, 0..1
    extra: Decimal | None = None  # a ranking's average place, a matrix's nothing

    @property
    def percent(self) -> Decimal:
        return (self.share * 100).quantize(Decimal("0.1"))


@dataclass
class QuestionResult:
    question: Question
    respondents: int
    rows: list[ResultRow]
    matrix: list[tuple[str, list[ResultRow]]]  # a matrix: (row label, its columns)
    average: Decimal | None = None
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    texts: int = 0


def question_results(survey: Survey) -> tuple[int, list[QuestionResult]]:
    """Per question of the survey: respondents, counts and shares per option (per row and column of a
    matrix, per value of a scale), a ranking's average place, a number's mean and range, how many free
    texts. Submitted responses only. Six queries whatever the size: the aggregates are SQL's."""
    questions = list(
        Question.objects.filter(survey=survey)
        .prefetch_related("options")
        .order_by("position", "pk")
    )
    answers = Answer.objects.filter(response__survey=survey, response__status=SUBMITTED)
    responses = submitted_count(survey)
    respondents = dict(
        answers.values("question")
        .annotate(n=Count("response", distinct=True))
        .values_list("question", "n")
    )
    counts: dict[tuple[int, int | None, int | None], tuple[int, Any]] = {
        (r["question"], r["option"], r["row"]): (r["n"], r["avg_rank"])
        for r in answers.filter(option__isnull=False)
        .values("question", "option", "row")
        .annotate(n=Count("id"), avg_rank=Avg("rank"))
    }
    scale: dict[tuple[int, Any], int] = {
        (r["question"], r["number"]): r["n"]
        for r in answers.filter(question__kind=Question.Kind.SCALE)
        .values("question", "number")
        .annotate(n=Count("id"))
    }
    numbers: dict[int, dict[str, Any]] = {
        r["question"]: dict(r)
        for r in answers.filter(number__isnull=False)
        .values("question")
        .annotate(avg=Avg("number"), low=Min("number"), high=Max("number"))
    }
    results = []
    for q in questions:
        whole = respondents.get(q.pk, 0)

        def row(label: str, n: int, extra: Any = None, whole: int = whole) -> ResultRow:
            return ResultRow(
                label=label,
                count=n,
                share=_ratio(n, whole),
                extra=Decimal(extra).quantize(Decimal("0.1")) if extra is not None else None,
            )

        rows: list[ResultRow] = []
        matrix: list[tuple[str, list[ResultRow]]] = []
        if q.kind == Question.Kind.MATRIX:
            for r in q.matrix_rows:
                matrix.append(
                    (
                        r.label,
                        [
                            row(o.label, counts.get((q.pk, o.pk, r.pk), (0, None))[0])
                            for o in q.choice_options
                        ],
                    )
                )
        elif q.kind == Question.Kind.SCALE:
            rows = [
                row(str(v), scale.get((q.pk, Decimal(v)), 0))
                for v in range(q.scale_min, q.scale_max + 1)
            ]
        elif q.kind in Question.CHOICE_KINDS:
            found = [(o, *counts.get((q.pk, o.pk, None), (0, None))) for o in q.choice_options]
            if q.kind == Question.Kind.RANKING:
                found.sort(key=lambda f: (-f[1], f[2] or 0))
            rows = [row(o.label, n, avg) for o, n, avg in found]
        stats: dict[str, Any] = numbers.get(q.pk, {})
        results.append(
            QuestionResult(
                question=q,
                respondents=whole,
                rows=rows,
                matrix=matrix,
                average=_quantize(stats.get("avg")),
                minimum=stats.get("low"),
                maximum=stats.get("high"),
                texts=whole if q.kind == Question.Kind.TEXT else 0,
            )
        )
    return responses, results


def _quantize(value: Any) -> Decimal | None:
    return None if value is None else Decimal(value).quantize(Decimal("0.01"))


def text_answers(survey: Survey, question: Question) -> QuerySet[Answer]:
    return (
        Answer.objects.filter(
            response__survey=survey, response__status=SUBMITTED, question=question
        )
        .exclude(text="")
        .select_related("response__organization")
        .order_by("response__submitted_at", "pk")
    )


CROSS_PATHS = {
    "sphere": "response__organization__spheres__name",
    "legal_form": "response__organization__legal_form__name",
    "municipality": "response__organization__municipality__name",
}


@dataclass(frozen=True)
class CrossTab:
    columns: list[str]  # the dimension's values (with «не указано» for none)
    totals: list[int]  # respondents per column
    rows: list[tuple[str, list[int], list[Decimal]]]  # answer label, counts, shares of the column


def crosstab(survey: Survey, question: Question, by: str, unknown: str) -> CrossTab:
    """Respondents choosing each answer, by the organisation's sphere, legal form or municipality
    (an organisation of several spheres counts in each). Two GROUP BY queries."""
    path = CROSS_PATHS[by]
    answers = Answer.objects.filter(
        response__survey=survey, response__status=SUBMITTED, question=question
    )
    value = "number" if question.kind == Question.Kind.SCALE else "option"
    cells = {
        (r[value], r[path]): r["n"]
        for r in answers.values(value, path).annotate(n=Count("response", distinct=True))
    }
    totals_by = dict(
        answers.values(path).annotate(n=Count("response", distinct=True)).values_list(path, "n")
    )
    keys = sorted(totals_by, key=lambda k: (k is None, k or ""))
    labels: list[tuple[Any, str]]
    if question.kind == Question.Kind.SCALE:
        labels = [(Decimal(v), str(v)) for v in range(question.scale_min, question.scale_max + 1)]
    else:
        labels = [(o.pk, o.label) for o in question.choice_options]
    rows = []
    for key, label in labels:
        counts = [cells.get((key, column), 0) for column in keys]
        rows.append(
            (
                label,
                counts,
                [
                    _ratio(n, totals_by[c], Decimal("0.001"))
                    for n, c in zip(counts, keys, strict=True)
                ],
            )
        )
    return CrossTab(
        columns=[k if k is not None else unknown for k in keys],
        totals=[totals_by[k] for k in keys],
        rows=rows,
    )


def responses_for_export(survey: Survey) -> QuerySet[Response]:
    return (
        Response.objects.filter(survey=survey, status=SUBMITTED)
        .select_related("organization__legal_form", "organization__municipality")
        .prefetch_related(
            "organization__spheres",
            Prefetch("answers", queryset=Answer.objects.select_related("option", "row")),
        )
        .order_by("submitted_at", "pk")
    )


def has_responses(survey: Survey) -> bool:
    return Response.objects.filter(survey=survey).exists()


def closed_surveys_with_public_results() -> QuerySet[Survey]:
    return Survey.objects.filter(status=Survey.Status.CLOSED, results_public=True).order_by(
        "-closes_on", "-pk"
    )


def needs_surveys_for(user: Any) -> list[Survey]:
    """The needs surveys whose zones this person may see ranked (for the zones page's switch)."""
    from nkohub.core.permissions import is_operator

    surveys = Survey.objects.filter(purpose=Survey.Purpose.NEEDS).exclude(
        status=Survey.Status.DRAFT
    )
    if not is_operator(user):
        surveys = surveys.filter(results_public=True)
    return list(surveys.order_by("-closes_on", "-pk")[:20])
