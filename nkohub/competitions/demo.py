"""Demo data: the ministry's subsidy competition for socially oriented NGOs run on the platform —
twenty submissions (the demo NGOs' own and the registry's), three experts (one declares a
conflict of interest and is replaced), scores, decisions, published results, and the winner's
accepted interim report. Idempotent: nothing is made when the call is already there."""

import datetime
from decimal import Decimal
from typing import Any

from allauth.account.models import EmailAddress
from django.db import transaction
from django.utils import timezone

from nkohub.accounts.models import User
from nkohub.competitions import services
from nkohub.competitions.models import Call, Report, Submission
from nkohub.consultations.models import Expert
from nkohub.core.demo_context import DemoContext
from nkohub.grants import services as grants_services
from nkohub.grants.models import ApplicationVersion
from nkohub.organizations.models import Organization, Sphere
from nkohub.territories.models import Municipality

TITLE = "Субсидии социально ориентированным НКО Калужской области — 2027"
THIRD_EXPERT = ("konkurs.expert@demo.nko-cluster.ru", "Ирина Сергеевна Кузнецова")
SUBMISSIONS = 20
WINNERS = 8
PROJECTS = (
    "Соседи рядом: помощь волонтёров одиноким пожилым",
    "Школа ухода за пожилыми родственниками",
    "Инклюзивная театральная студия",
    "Спортивные выходные для семей с детьми-инвалидами",
    "Летний лагерь волонтёров-экологов",
    "Наставники для выпускников детских домов",
    "Клуб скандинавской ходьбы «Активное долголетие»",
    "Музей одной улицы: история рабочего посёлка",
    "Правовая помощь семьям участников СВО",
    "Мобильная бригада помощи бездомным животным",
    "Курсы цифровой грамотности для старшего поколения",
    "Кризисная квартира для женщин с детьми",
    "Фестиваль народных ремёсел",
    "Реабилитация через иппотерапию",
    "Волонтёрский штаб сельского поселения",
    "Горячая линия психологической помощи подросткам",
    "Семейный клуб выходного дня",
    "Творческие мастерские для людей с ментальными нарушениями",
    "Патриотический поисковый отряд",
    "Продуктовые наборы для малоимущих пенсионеров",
)


def _document(
    title: str, n: int, kaluga: Municipality | None, direction: Sphere | None
) -> dict[str, Any]:
    requested = Decimal(300000 + 60000 * (n % 12))
    cofinancing = (requested * Decimal("0.25")).quantize(Decimal("1"))
    return {
        "title": title,
        "direction_id": direction.pk if direction else None,
        "starts_on": "2027-03-01",
        "ends_on": "2027-12-31",
        "requested_amount": f"{requested:.2f}",
        "cofinancing_amount": f"{cofinancing:.2f}",
        "total_amount": f"{requested + cofinancing:.2f}",
        "summary": f"Проект «{title}» для жителей Калужской области.",
        "goal": "Улучшить положение целевой группы проекта в Калужской области за 10 месяцев.",
        "social_significance": "Потребность подтверждена опросом 120 жителей и данными министерства.",
        "covers_whole_region": False,
        "municipalities": [{"id": kaluga.pk, "name": kaluga.name}] if kaluga else [],
        "geography": "",
        "target_groups": "Жители Калужской области\nВолонтёры",
        "contacts": "demo@example.org",
        "tasks": [
            {"position": 1, "text": "Провести мероприятия проекта."},
            {"position": 2, "text": "Подготовить волонтёров."},
        ],
        "team": [
            {
                "position": 1,
                "name": "Руководитель проекта",
                "role": "руководитель",
                "experience": "10 лет в НКО",
            }
        ],
        "budget_items": [
            {
                "position": 1,
                "category": "pay",
                "name": "Оплата труда координатора",
                "amount": f"{requested * Decimal('0.5'):.2f}",
                "cofinancing": "0.00",
            },
            {
                "position": 2,
                "category": "events",
                "name": "Проведение мероприятий",
                "amount": f"{requested * Decimal('0.3'):.2f}",
                "cofinancing": f"{cofinancing:.2f}",
            },
            {
                "position": 3,
                "category": "equipment",
                "name": "Расходные материалы",
                "amount": f"{requested * Decimal('0.2'):.2f}",
                "cofinancing": "0.00",
            },
        ],
        "plan_events": [
            {
                "position": 1,
                "task_number": 1,
                "title": "Набор участников",
                "starts_on": "2027-03-01",
                "ends_on": "2027-04-30",
                "expected_result": "100 участников",
            },
            {
                "position": 2,
                "task_number": 1,
                "title": "Основные мероприятия",
                "starts_on": "2027-05-01",
                "ends_on": "2027-11-30",
                "expected_result": "40 мероприятий",
            },
            {
                "position": 3,
                "task_number": 2,
                "title": "Итоговая встреча и отчёт",
                "starts_on": "2027-12-01",
                "ends_on": "2027-12-31",
                "expected_result": "отчёт",
            },
        ],
        "cofinancing_sources": "Собственные средства и труд волонтёров",
    }


def _third_expert(ctx: DemoContext) -> User:
    email, name = THIRD_EXPERT
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(email=email, password=None, full_name=name, is_demo=True)
        user.password = ctx.users["expert"].password  # the demo's one password, hashed once
        user.save(update_fields=["password"])
    EmailAddress.objects.get_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    Expert.objects.get_or_create(
        user=user, defaults={"bio": "Эксперт грантовых конкурсов.", "is_demo": True}
    )
    ctx.add_login("эксперт конкурса", email, "оценивает заявки на конкурс министерства")
    return user


def _applicants(ctx: DemoContext) -> list[Organization]:
    own = [ctx.organizations[key] for key in ("ngo", "ngo2") if key in ctx.organizations]
    registry = Organization.objects.filter(kind=Organization.Kind.NGO, is_published=True).exclude(
        pk__in=[o.pk for o in own]
    )
    return (own + list(registry.order_by("pk")[: SUBMISSIONS - len(own)]))[:SUBMISSIONS]


def load(ctx: DemoContext) -> None:
    ministry = ctx.organizations.get("ministry")
    official = ctx.users.get("official")
    if (
        ministry is None
        or official is None
        or Call.objects.filter(organization=ministry, title=TITLE).exists()
    ):
        return
    with transaction.atomic():
        _load(ctx, ministry, official)


def _load(ctx: DemoContext, ministry: Organization, official: User) -> None:
    today = timezone.localdate()
    direction = Sphere.objects.filter(is_fund_direction=True).order_by("position").first()
    kaluga = Municipality.objects.filter(name="Калуга").first()
    call = services.call_save(
        actor=official,
        call=Call(
            organization=ministry,
            title=TITLE,
            description="Субсидии из областного бюджета на проекты социально ориентированных НКО.",
            eligibility="Социально ориентированные НКО, зарегистрированные в Калужской области не менее года назад.",
            applications_open_on=today - datetime.timedelta(days=45),
            applications_close_on=today,
            implementation_starts_from=datetime.date(2027, 3, 1),
            implementation_ends_by=datetime.date(2027, 12, 31),
            min_amount=Decimal("200000"),
            max_amount=Decimal("1000000"),
            budget_total=Decimal("6000000"),
            cofinancing_min_percent=Decimal("15"),
            score_gap=Decimal("20"),
            is_demo=True,
        ),
        directions=[direction] if direction else [],
    )
    services.call_use_fund_criteria(actor=official, call=call)
    services.call_set_documents(
        actor=official, call=call, documents=[{"name": "Устав организации", "is_required": False}]
    )
    services.call_publish(actor=official, call=call)
    assert call.competition is not None
    actors = {"ngo": ctx.users.get("ngo_owner"), "ngo2": ctx.users.get("ngo2_owner")}
    keys = {org.pk: key for key, org in ctx.organizations.items()}
    submissions: list[Submission] = []
    for n, organization in enumerate(_applicants(ctx)):
        actor = actors.get(keys.get(organization.pk, ""))
        application = grants_services.application_start(
            actor=actor, organization=organization, competition=call.competition
        )
        grants_services.application_save(
            actor=actor,
            application=application,
            document=_document(PROJECTS[n], n, kaluga, direction),
            base_version=application.version,
            note="Готово к подаче",
        )
        application.refresh_from_db()
        version = ApplicationVersion.objects.get(
            application=application, number=application.version
        )
        if actor is not None:
            submission = services.submission_submit(actor=actor, application=application)
        else:  # a registry NGO without members here: entered as the resource centre enters paper ones
            submission = services.record_submission(
                actor=None, call=call, application=application, version=version
            )
        submissions.append(submission)
    Submission.objects.filter(call=call).update(is_demo=True)
    # Applications closed: the call goes to review.
    Call.objects.filter(pk=call.pk).update(
        applications_open_on=today - datetime.timedelta(days=60),
        applications_close_on=today - datetime.timedelta(days=14),
    )
    call.refresh_from_db()
    services.call_start_review(actor=official, call=call)
    experts = [
        ctx.users["expert"],
        ctx.users.get("expert_accountant") or ctx.users["expert"],
        _third_expert(ctx),
    ]
    criteria = list(call.criteria.all())
    rng = ctx.rng
    for n, submission in enumerate(submissions):
        pair = [experts[n % 3], experts[(n + 1) % 3]]
        quality = 10 - (n * 7) % 10  # a spread of strong and weak submissions
        for k, expert in enumerate(pair):
            assignment = services.assignment_create(
                actor=official, submission=submission, expert=expert
            )
            if n == 3 and k == 0:  # one expert knows the applicant: declares it and is replaced
                services.assignment_declare(
                    actor=expert,
                    assignment=assignment,
                    conflict=True,
                    note="Входил в правление организации до 2025 года.",
                )
                expert = next(e for e in experts if e not in pair)
                assignment = services.assignment_create(
                    actor=official, submission=submission, expert=expert
                )
            services.assignment_declare(actor=expert, assignment=assignment, conflict=False)
            offset = (
                4 if (n == 5 and k == 1) else 0
            )  # two reviews far apart: the desk asks for a third
            scores = {
                c.pk: (max(0, min(10, quality - offset + rng.randint(-1, 1))), "") for c in criteria
            }
            services.review_save(
                actor=expert,
                assignment=assignment,
                scores=scores,
                summary="Заявка проработана; замечания в комментариях.",
                submit=True,
            )
    ranked = sorted(
        submissions, key=lambda s: Submission.objects.get(pk=s.pk).score_mean or 0, reverse=True
    )
    third = next(
        (s for s in submissions if Submission.objects.get(pk=s.pk).needs_third_review), None
    )
    for position, submission in enumerate(ranked):
        if third is not None and submission.pk == third.pk:
            services.submission_ask_info(
                actor=official,
                submission=submission,
                question="Уточните, кто из партнёров предоставит помещение.",
            )
            owner = actors.get(keys.get(submission.organization_id, ""))
            if owner is not None:
                services.submission_answer_info(
                    actor=owner,
                    submission=submission,
                    answer="Помещение даёт районный дом культуры, письмо приложим.",
                )
        fresh = Submission.objects.get(pk=submission.pk)
        if position < WINNERS:
            amount = (
                fresh.requested_amount
                if position % 2 == 0
                else (fresh.requested_amount * Decimal("0.9")).quantize(Decimal("1"))
            )
            services.submission_approve(actor=official, submission=fresh, amount=amount)
        else:
            services.submission_decline(
                actor=official, submission=fresh, reason="Недостаточный балл экспертизы."
            )
    services.call_publish_results(actor=official, call=call)
    _report(ctx, call, official)


def _report(ctx: DemoContext, call: Call, official: User) -> None:
    """The demo NGO's interim report, filed and accepted (if the NGO is among the winners)."""
    ngo = ctx.organizations.get("ngo")
    owner = ctx.users.get("ngo_owner")
    winner = (
        call.submissions.filter(status=Submission.Status.APPROVED, organization=ngo).first()
        if ngo
        else None
    )
    if winner is None or owner is None:
        winner = (
            call.submissions.filter(status=Submission.Status.APPROVED)
            .order_by("-score_mean")
            .first()
        )
        owner = None
    if winner is None:
        return
    report = winner.agreement.reports.get(kind=Report.Kind.INTERIM)
    spent = {
        line.pk: (line.planned * Decimal("0.4")).quantize(Decimal("0.01"))
        for line in report.spending.all()
    }
    actual: dict[int, Decimal | None] = {i.pk: i.planned_value / 2 for i in report.indicators.all()}
    if owner is not None:
        services.report_submit(
            actor=owner,
            report=report,
            text="Набраны участники, проведено 18 мероприятий из 40.",
            actual=actual,
            spent=spent,
            files=[],
        )
        services.report_review(actor=official, report=report, accept=True, note="")
