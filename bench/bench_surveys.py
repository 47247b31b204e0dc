"""Surveys at scale: a needs survey with 1,000,000 answers (about 48,000 organisations' responses of ~21
answers each). What the analytics dashboard reads — the problem zones' ranking, the surveys' summaries,
the interview quotes — and the operator's results page aggregates are SQL GROUP BYs whose time is
measured here (p95 of 100 runs, the database's buffers warm; the first run is printed too).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/nkohub_surveys_bench python -m bench surveys
    python -m bench surveys --answers=100000      # a quick run at a small size

The survey and its organisations are generated deterministically (bench-survey-org-N) and made again
only when the count of answers differs from the size asked for.
"""

import random
import time
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from bench import data, harness

ANSWERS = 1_000_000
TITLE = "bench-survey: потребности НКО"
BATCH = 20_000


def _option(argv: list[str], name: str, default: int) -> int:
    for arg in argv:
        if arg.startswith(f"--{name}="):
            return int(arg.split("=", 1)[1])
    return default


def _answers_of(rng: random.Random, questions: list[Any]) -> list[dict[str, Any]]:
    """One response's answer rows (as fields), like the demo's: five ranked zones, a few choices."""
    rows: list[dict[str, Any]] = []
    for q in questions:
        choices = q.choice_options
        if q.kind == "ranking":
            picked = rng.sample(choices, 5)
            rows += [{"question": q, "option": o, "rank": i} for i, o in enumerate(picked, 1)]
        elif q.kind == "multiple":
            rows += [{"question": q, "option": o} for o in rng.sample(choices, 3)]
        elif q.kind == "single":
            rows.append({"question": q, "option": rng.choice(choices)})
        elif q.kind == "matrix":
            rows += [
                {"question": q, "row": r, "option": rng.choice(choices)} for r in q.matrix_rows
            ]
        elif q.kind in ("scale", "number"):
            rows.append({"question": q, "number": Decimal(rng.randint(1, 5))})
        elif q.kind == "text" and rng.random() < 0.5:
            rows.append({"question": q, "text": "Нужны площадки и консультации бухгалтера."})
    return rows


def ensure(answers: int) -> Any:
    from django.db import connection, transaction
    from django.utils import timezone

    from nkohub.organizations.models import Organization
    from nkohub.surveys import reference, services
    from nkohub.surveys.models import Answer, Response, Survey

    survey = Survey.objects.filter(title=TITLE).first()
    if survey and Answer.objects.filter(response__survey=survey).count() >= answers:
        return survey
    started = time.perf_counter()
    reference.load()
    with transaction.atomic():
        Survey.objects.filter(title=TITLE).delete()
        Organization.objects.filter(source_id__startswith="bench-survey-org-").delete()
        today = timezone.localdate()
        survey = services.survey_create_from_blueprint(
            actor=None,
            key="needs",
            title=TITLE,
            opens_on=today - timedelta(days=60),
            closes_on=today,
        )
        questions = list(survey.questions.prefetch_related("options"))
        rng = random.Random(19)
        per_response = 21
        count = answers // per_response + 1
        Organization.objects.bulk_create(
            (
                Organization(full_name=f"АНО «Опрос {n}»", source_id=f"bench-survey-org-{n}")
                for n in range(count)
            ),
            batch_size=BATCH,
        )
        orgs = list(
            Organization.objects.filter(source_id__startswith="bench-survey-org-").values_list(
                "pk", flat=True
            )
        )
        now = timezone.now()
        Response.objects.bulk_create(
            (
                Response(survey=survey, organization_id=pk, status="submitted", submitted_at=now)
                for pk in orgs
            ),
            batch_size=BATCH,
        )
        made = 0
        batch: list[Answer] = []
        for response_id in Response.objects.filter(survey=survey).values_list("pk", flat=True):
            for row in _answers_of(rng, questions):
                batch.append(Answer(response_id=response_id, **row))
            if len(batch) >= BATCH:
                Answer.objects.bulk_create(batch)
                made += len(batch)
                batch = []
            if made >= answers:
                break
        Answer.objects.bulk_create(batch)
        services.survey_set_status(actor=None, survey=survey, status=Survey.Status.OPEN)
        services.survey_set_status(actor=None, survey=survey, status=Survey.Status.CLOSED)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE surveys_answer; ANALYZE surveys_response; ANALYZE surveys_option")
    harness.note(
        f"data: {made + len(batch):,} answers generated in {time.perf_counter() - started:.0f} s"
    )
    return survey


def run(argv: list[str]) -> None:
    from nkohub.surveys import selectors
    from nkohub.surveys.models import Answer

    answers = _option(argv, "answers", ANSWERS)
    data._ensure_database()
    survey = ensure(answers)
    harness.note(
        f"answers in the survey: {Answer.objects.filter(response__survey=survey).count():,}"
    )
    for name, action, goal in (
        ("problem_zone_ranking", lambda: selectors.problem_zone_ranking(survey), 300.0),
        (
            "survey_summaries",
            lambda: selectors.survey_summaries(date(2000, 1, 1), date(2100, 1, 1)),
            50.0,
        ),
        ("interview_quotes", lambda: selectors.interview_quotes(survey), 50.0),
        ("question_results (results page)", lambda: selectors.question_results(survey), 2000.0),
    ):
        started = time.perf_counter()
        action()
        harness.note(f"{name}: first run {(time.perf_counter() - started) * 1000:.0f} ms")
        harness.p95_figure(name, harness.sample_ms(action, samples=harness.MIN_SAMPLES), goal=goal)
