"""Results of a survey: per-question aggregates, cross-tabulation, free texts, the export's rows."""

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Avg, Count, Max, Min, Prefetch, QuerySet

from nkohub.surveys.models import Answer, Question, Response, Survey
from nkohub.surveys.selectors.common import SUBMITTED, _ratio, submitted_count


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
