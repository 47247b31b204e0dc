"""Demo surveys through the services: the finished needs survey answered by twenty demo organisations
(each ranks five of the sixteen problem zones; the rankings lean towards the research's own order, so
money, media and the public's interest come first, with the variety of real answers), the interview
guide with answers of three NGO leaders, and an open survey of the platform's users that the demo
people find in their cabinet. A second run changes nothing: each survey is looked up by its title."""

import random
from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.utils import timezone

from nkohub.core.demo_context import DemoContext
from nkohub.organizations.models import Organization
from nkohub.surveys import reference, services
from nkohub.surveys.blueprints import BLUEPRINTS
from nkohub.surveys.models import Question, Response, Survey

NEEDS_TITLE = "Потребности НКО Калужской области — 2026"
INTERVIEW_TITLE = "Интервью с руководителями НКО — 2026"
USERS_TITLE = "Удобно ли вам на платформе НКО-Кластер?"
RESPONDENTS = 20
INVITED = 32  # the needs survey went to 32 organisations; 20 answered
ZONE_PICKS = 5
ZONE_SEED = (
    251  # the zones' draws have a generator of their own (docs/surveys.md, the demo's ranking)
)

WISHES = (
    "Больше встреч с представителями бизнеса и фондов.",
    "Нужна постоянная консультация бухгалтера по отчётности НКО.",
    "Помогите с площадкой для занятий в Боровском районе.",
    "Проводите вебинары вечером, днём мы работаем с подопечными.",
    "Нужен юрист по трудовым договорам с добровольцами.",
    "",
    "Хотим публиковать новости в региональных СМИ через платформу.",
    "",
)

INTERVIEWS: tuple[dict[str, str], ...] = (
    {
        "capacity": "Три сотрудника и около сорока добровольцев; своего помещения нет, арендуем зал у школы.",
        "services": "Социальное сопровождение семей с детьми-инвалидами, летний инклюзивный лагерь.",
        "difficulties": "Деньги приходят рывками: грант закончился — и люди уходят. Второе — транспорт по районам.",
        "partners": "С «Добрыми соседями» делим волонтёров, с ресурсным центром — юриста.",
        "openness": "Сайт, группа ВКонтакте, телефон горячей линии; отчёты публикуем раз в год.",
        "evaluation": "Считаем число семей и занятий, анкеты родителей; эффект в деньгах не оцениваем.",
    },
    {
        "capacity": "Организация держится на руководителе и бухгалтере на полставки.",
        "social_problems": "Одинокие пожилые люди в сёлах: до них не доезжает ни соцзащита, ни волонтёры.",
        "where_needed": "В малых районах, где нет муниципальных учреждений культуры.",
        "difficulties": "Выгорание: пять лет без отпуска. И местные СМИ о нас пишут только к юбилеям.",
        "teaching": "Можем учить других НКО работе с пожилыми, у нас есть своя программа.",
        "infrastructure": "Для встреч НКО площадок нет, собираемся в библиотеке по договорённости.",
    },
    {
        "services": "Экологическое просвещение школьников, субботники, раздельный сбор в Обнинске.",
        "potential": "Молодёжь готова участвовать, если видит результат, — нужны понятные проекты.",
        "difficulties": "Администрация поддерживает на словах, а помещение под склад найти не можем.",
        "partners": "Работаем с двумя школами и управляющей компанией; с другими НКО почти не пересекаемся.",
        "openness": "Телеграм-канал и страница на сайте школы.",
        "evaluation": "Ведём учёт собранного вторсырья в тоннах — это наш главный показатель.",
    },
)


def _respondents(ctx: DemoContext, count: int = RESPONDENTS) -> list[Organization]:
    core = [ctx.organizations[key] for key in ("ngo", "ngo2") if key in ctx.organizations]
    registry = list(
        Organization.objects.filter(
            source=Organization.Source.DEMO,
            source_id__startswith="demo-",
            kind=Organization.Kind.NGO,
            is_published=True,
            register=Organization.Register.NONPROFIT,
        )
        .exclude(pk__in=[o.pk for o in core])
        .order_by("pk")[: count - len(core)]
    )
    return core + registry


def _answerer(ctx: DemoContext, organization: Organization) -> Any:
    """The organisation's owner where the demo has one; otherwise the operator, who entered the answer
    given over the phone."""
    for key, person in (("ngo", "ngo_owner"), ("ngo2", "ngo2_owner")):
        if ctx.organizations.get(key) == organization and person in ctx.users:
            return ctx.users[person]
    return ctx.users["operator"]


def _pick_zones(rng: random.Random, options: list[Any]) -> dict[int, int]:
    """Five zones in order, drawn without replacement with weights falling with the research's order."""
    pool = list(options)
    weights = [(len(pool) - i) ** 2 for i in range(len(pool))]
    ranked: dict[int, int] = {}
    for place in range(1, ZONE_PICKS + 1):
        (choice,) = rng.choices(range(len(pool)), weights=weights)
        ranked[pool.pop(choice).pk] = place
        weights.pop(choice)
    return ranked


def _needs_answers(
    rng: random.Random, zone_rng: random.Random, survey: Survey, number: int
) -> dict[int, Any]:
    answers: dict[int, Any] = {}
    for q in survey.questions.prefetch_related("options"):
        choices = q.choice_options
        if q.kind == Question.Kind.RANKING:
            answers[q.pk] = _pick_zones(zone_rng, choices)
        elif q.kind == Question.Kind.MULTIPLE:
            answers[q.pk] = [o.pk for o in rng.sample(choices, rng.randint(1, 4))]
        elif q.kind == Question.Kind.SINGLE:
            answers[q.pk] = rng.choices(choices, weights=[5, 4, 1][: len(choices)])[0].pk
        elif q.kind == Question.Kind.NUMBER:
            answers[q.pk] = Decimal(rng.choice((2, 3, 5, 8, 12, 25)))
        elif q.kind == Question.Kind.MATRIX:
            answers[q.pk] = {r.pk: rng.choice(choices).pk for r in q.matrix_rows}
        elif q.kind == Question.Kind.SCALE:
            answers[q.pk] = rng.choice((3, 4, 4, 5, 5, 2))
        elif q.kind == Question.Kind.TEXT:
            answers[q.pk] = WISHES[number % len(WISHES)]
    return answers


def _finish(ctx: DemoContext, survey: Survey, days_ago: int) -> None:
    """Close the survey and date it (and its responses) as a survey that ended `days_ago` days ago."""
    operator = ctx.users["operator"]
    services.survey_set_status(actor=operator, survey=survey, status=Survey.Status.CLOSED)
    today = timezone.localdate()
    services.survey_update(
        actor=operator,
        survey=survey,
        opens_on=today - timedelta(days=days_ago + 30),
        closes_on=today - timedelta(days=days_ago),
        results_public=True,
    )
    start = timezone.now() - timedelta(days=days_ago + 28)
    for index, pk in enumerate(
        Response.objects.filter(survey=survey).order_by("pk").values_list("pk", flat=True)
    ):
        moment = start + timedelta(days=index, hours=index % 7)
        Response.objects.filter(pk=pk).update(submitted_at=moment, started_at=moment)


def _needs(ctx: DemoContext) -> None:
    if Survey.objects.filter(title=NEEDS_TITLE).exists():
        return
    operator = ctx.users["operator"]
    today = timezone.localdate()
    survey = services.survey_create_from_blueprint(
        actor=operator, key="needs", title=NEEDS_TITLE, opens_on=today, closes_on=today
    )
    invited = _respondents(ctx, INVITED)
    services.survey_update(actor=operator, survey=survey, addressed_organizations=invited)
    services.survey_set_status(actor=operator, survey=survey, status=Survey.Status.OPEN)
    rng, zone_rng = random.Random(1919), random.Random(ZONE_SEED)  # the same on every run
    for number, organization in enumerate(invited[:RESPONDENTS]):
        services.response_save(
            actor=_answerer(ctx, organization),
            survey=survey,
            organization=organization,
            answers=_needs_answers(rng, zone_rng, survey, number),
            submit=True,
        )
    _finish(ctx, survey, days_ago=20)


def _interviews(ctx: DemoContext) -> None:
    if Survey.objects.filter(title=INTERVIEW_TITLE).exists():
        return
    operator = ctx.users["operator"]
    today = timezone.localdate()
    survey = services.survey_create_from_blueprint(
        actor=operator, key="interview", title=INTERVIEW_TITLE, opens_on=today, closes_on=today
    )
    interviewed = _respondents(ctx, 2 + len(INTERVIEWS) + 1)[2:]
    # one leader of the four could not find the time
    services.survey_update(actor=operator, survey=survey, addressed_organizations=interviewed)
    services.survey_set_status(actor=operator, survey=survey, status=Survey.Status.OPEN)
    keys = {spec.text: spec.key for spec in BLUEPRINTS["interview"].questions}
    questions = {keys[q.text]: q for q in survey.questions.all()}
    for texts, organization in zip(INTERVIEWS, interviewed, strict=False):
        answers: dict[int, Any] = {questions[k].pk: v for k, v in texts.items()}
        funding = questions["funding"]
        answers[funding.pk] = [o.pk for o in funding.choice_options[::3]]
        services.response_save(
            actor=operator, survey=survey, organization=organization, answers=answers, submit=True
        )
    _finish(ctx, survey, days_ago=45)


def _open_users_survey(ctx: DemoContext) -> None:
    if Survey.objects.filter(title=USERS_TITLE).exists():
        return
    operator = ctx.users["operator"]
    today = timezone.localdate()
    survey = services.survey_create(
        actor=operator,
        title=USERS_TITLE,
        description="Короткий опрос о том, чем вы пользуетесь на платформе и чего не хватает.",
        audience=Survey.Audience.PEOPLE,
        is_anonymous=True,
        opens_on=today - timedelta(days=3),
        closes_on=today + timedelta(days=25),
    )
    used = services.question_save(
        actor=operator,
        survey=survey,
        kind=Question.Kind.MULTIPLE,
        text="Какими разделами вы пользуетесь?",
        options=["Реестр", "Банк ресурсов", "Приёмная", "Ярмарка проектов", "Курсы", "События"],
        required=True,
    )
    services.question_save(
        actor=operator,
        survey=survey,
        kind=Question.Kind.SCALE,
        text="Насколько удобно пользоваться платформой (1 — неудобно, 5 — очень удобно)?",
        required=True,
    )
    services.question_save(
        actor=operator, survey=survey, kind=Question.Kind.TEXT, text="Чего вам не хватает?"
    )
    services.survey_set_status(actor=operator, survey=survey, status=Survey.Status.OPEN)
    if "member" in ctx.users:  # one person started and will come back
        options = used.choice_options
        services.response_save(
            actor=ctx.users["member"],
            survey=survey,
            organization=None,
            answers={used.pk: [options[0].pk, options[4].pk]},
            submit=False,
        )


def load(ctx: DemoContext) -> None:
    reference.load()
    if "operator" not in ctx.users:
        return
    _needs(ctx)
    _interviews(ctx)
    _open_users_survey(ctx)
