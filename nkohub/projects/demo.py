"""Demo data: «Ярмарка социальных проектов 2026» with projects in every status, pledges,
partnerships and their fulfilment. Idempotent: everything is found by its natural key first."""

import datetime
import zlib
from decimal import Decimal
from typing import Any

from django.utils import timezone

from nkohub.core.demo_context import DemoContext
from nkohub.core.demo_images import cover_jpeg
from nkohub.organizations.models import Sphere
from nkohub.projects import services
from nkohub.projects.models import (
    FairEntry,
    FairSeason,
    Fulfilment,
    Partnership,
    PlannedResult,
    Pledge,
    Project,
    ProjectNeed,
    ProjectTask,
    SponsorPreferences,
    TeamMember,
)
from nkohub.territories.models import Municipality

D = datetime.date
SEASON = {
    "slug": "fair-2026",
    "title": "Ярмарка социальных проектов 2026",
    "description": (
        "Демонстрационный сезон. НКО Калужской области представляют проекты, бизнес и жители "
        "выбирают, кого поддержать деньгами, товарами, работой pro bono, помещениями и информационно."
    ),
    "submissions_open_on": D(2026, 9, 1),
    "submissions_close_on": D(2026, 12, 10),
    "starts_on": D(2026, 11, 15),
    "ends_on": D(2026, 12, 20),
}

PROJECTS: list[dict[str, Any]] = [
    {
        "org": "ngo",
        "title": "Тёплый дом: помощь одиноким пожилым людям Калуги",
        "status": Project.Status.SEEKING_PARTNERS,
        "entry": FairEntry.Status.ACCEPTED,
        "summary": "Волонтёры навещают одиноких пожилых людей, привозят продукты и лекарства, "
        "помогают с бытовыми делами и просто разговаривают.",
        "goal": "Снизить одиночество и бытовую беспомощность 120 пожилых жителей Калуги за год.",
        "tasks": [
            "Набрать и обучить 30 волонтёров",
            "Организовать еженедельные визиты к подопечным",
            "Наладить доставку продуктов и лекарств",
        ],
        "significance": "В Калуге более 4 000 одиноко проживающих пенсионеров; многие не выходят из дома.",
        "targets": "Одинокие пожилые люди\nЛюди с ограниченной мобильностью",
        "spheres": ["social-support", "volunteering"],
        "municipalities": ["Калуга"],
        "dates": (D(2026, 3, 1), D(2027, 2, 28)),
        "budget": ("450000.00", "50000.00", "100000.00"),
        "needs": [
            ("money", "Продуктовые наборы и такси для визитов", "300000.00", "₽"),
            ("volunteers", "Волонтёры для еженедельных визитов", "20", "чел."),
            ("media", "Публикации о наборе волонтёров", "3", "публикации"),
        ],
        "results": [("Пожилых людей получают регулярную помощь", "чел.", "120", None)],
        "team": [
            ("Ирина Сергеевна Белова", "руководитель проекта"),
            ("Павел Андреевич Зуев", "координатор волонтёров"),
        ],
        "pledges": [
            {
                "by": "sponsor",
                "org": "business",
                "kind": "money",
                "need": 0,
                "amount": "120000.00",
                "description": "Оплата продуктовых наборов на полгода",
                "conditions": "Отчёт о расходах раз в квартал",
                "status": Pledge.Status.ACCEPTED,
                "fulfilments": [(D(2026, 10, 5), "50000.00"), (D(2026, 11, 10), "30000.00")],
            },
            {
                "by": "media",
                "org": "media",
                "kind": "media",
                "need": 2,
                "amount": "2",
                "description": "Две статьи о проекте на сайте и в газете",
                "status": Pledge.Status.PENDING,
            },
            {
                "by": "member",
                "org": None,
                "kind": "goods",
                "need": None,
                "amount": None,
                "description": "Тёплые пледы, 10 штук",
                "status": Pledge.Status.DECLINED,
                "reason": "Пледы уже собрали, спасибо! Будем рады помощи продуктами.",
            },
        ],
    },
    {
        "org": "ngo",
        "title": "Школа заботы для родственников людей с деменцией",
        "status": Project.Status.RUNNING,
        "entry": FairEntry.Status.ACCEPTED,
        "summary": "Бесплатные занятия и консультации для семей, ухаживающих за людьми с деменцией.",
        "goal": "Научить 60 семей безопасному уходу и снизить их эмоциональное выгорание.",
        "tasks": ["Провести 12 занятий школы заботы", "Организовать группу взаимной поддержки"],
        "significance": "Родственники людей с деменцией остаются без знаний и поддержки.",
        "targets": "Родственники людей с деменцией",
        "spheres": ["health", "family"],
        "municipalities": ["Калуга", "Обнинск"],
        "dates": (D(2026, 9, 1), D(2027, 5, 31)),
        "budget": ("280000.00", "30000.00", "0.00"),
        "needs": [
            ("premises", "Зал для занятий на 20 человек", "24", "ч"),
            ("expertise", "Консультации гериатра и психолога", "10", "консультаций"),
        ],
        "results": [
            ("Семей прошли обучение", "семей", "60", None),
            ("Проведено занятий", "занятий", "12", None),
        ],
        "team": [("Ольга Викторовна Петрова", "методист")],
        "pledges": [
            {
                "by": "ngo2_owner",
                "org": "ngo2",
                "kind": "pro_bono",
                "need": 1,
                "amount": "10",
                "description": "Консультации психолога фонда",
                "status": Pledge.Status.ACCEPTED,
                "fulfilments": [(D(2026, 10, 20), "4")],
            },
        ],
    },
    {
        "org": "ngo2",
        "title": "Музыкальные субботы в сельских библиотеках",
        "status": Project.Status.COMPLETED,
        "entry": FairEntry.Status.ACCEPTED,
        "summary": "Молодые музыканты дали концерты и мастер-классы в библиотеках районов области.",
        "goal": "Дать детям сёл возможность услышать живую музыку и попробовать инструменты.",
        "tasks": ["Провести 10 концертов", "Провести мастер-классы для детей"],
        "significance": "В сёлах нет концертных площадок; библиотека — единственное место встреч.",
        "targets": "Дети и подростки сёл\nЖители сёл",
        "spheres": ["culture", "young-talents"],
        "municipalities": ["Боровский район", "Малоярославецкий район"],
        "dates": (D(2026, 2, 1), D(2026, 8, 31)),
        "budget": ("200000.00", "20000.00", "30000.00"),
        "needs": [("money", "Транспорт и инструменты", "150000.00", "₽")],
        "results": [
            ("Проведено концертов", "концертов", "10", "11"),
            ("Зрителей", "чел.", "600", "740"),
        ],
        "story": "Провели 11 концертов вместо 10: одна библиотека попросила приехать ещё раз. "
        "Трое детей после мастер-классов записались в музыкальную школу.",
        "team": [("Андрей Николаевич Смирнов", "художественный руководитель")],
        "pledges": [
            {
                "by": "sponsor",
                "org": "business",
                "kind": "money",
                "need": 0,
                "amount": "150000.00",
                "description": "Аренда автобуса и покупка инструментов",
                "status": Pledge.Status.ACCEPTED,
                "fulfilments": [(D(2026, 2, 15), "100000.00"), (D(2026, 4, 1), "50000.00")],
            },
        ],
    },
    {
        "org": "ngo2",
        "title": "Летняя научная школа для подростков Обнинска",
        "status": Project.Status.PREPARING,
        "entry": FairEntry.Status.SUBMITTED,
        "summary": "Две недели лабораторных работ и встреч с учёными наукограда для 40 школьников.",
        "goal": "Пробудить у подростков интерес к естественным наукам.",
        "tasks": ["Отобрать 40 участников", "Подготовить программу с институтами Обнинска"],
        "significance": "Обнинск — наукоград, но школьники редко попадают в лаборатории.",
        "targets": "Школьники 13–17 лет",
        "spheres": ["education", "youth"],
        "municipalities": ["Обнинск"],
        "dates": (D(2027, 6, 1), D(2027, 6, 14)),
        "budget": ("350000.00", "50000.00", "0.00"),
        "needs": [
            ("money", "Питание и материалы", "300000.00", "₽"),
            ("equipment", "Микроскопы", "10", "шт."),
        ],
        "results": [("Участников школы", "чел.", "40", None)],
        "team": [],
        "pledges": [],
    },
    {
        "org": "ngo",
        "title": "Огород добрых соседей",
        "status": Project.Status.IDEA,
        "entry": None,
        "summary": "Общий огород во дворе, где пожилые соседи учат детей выращивать овощи.",
        "goal": "",
        "tasks": [],
        "significance": "",
        "targets": "Жители двора",
        "spheres": ["environment"],
        "municipalities": ["Калуга"],
        "dates": (None, None),
        "budget": ("0.00", "0.00", "0.00"),
        "needs": [("equipment", "Садовый инвентарь", "15", "шт.")],
        "results": [],
        "team": [],
        "pledges": [],
    },
    {
        "org": "ngo2",
        "title": "Фестиваль уличного театра в Тарусе",
        "cover": False,  # one project without a cover: the fair shows its placeholder
        "status": Project.Status.CANCELLED,
        "entry": FairEntry.Status.ACCEPTED,
        "summary": "Фестиваль отменён: площадку закрыли на ремонт. Перенесём на следующий год.",
        "goal": "Привлечь молодёжь района к театру.",
        "tasks": ["Собрать 5 уличных трупп"],
        "significance": "",
        "targets": "Молодёжь района",
        "spheres": ["culture"],
        "municipalities": ["Тарусский район"],
        "dates": (D(2026, 7, 1), D(2026, 7, 3)),
        "budget": ("120000.00", "20000.00", "0.00"),
        "needs": [("premises", "Сцена под открытым небом", "3", "дня")],
        "results": [],
        "team": [],
        "pledges": [],
    },
    {
        "org": "ngo2",
        "title": "Инклюзивная театральная студия «Вместе»",
        "status": Project.Status.SEEKING_PARTNERS,
        "entry": FairEntry.Status.ACCEPTED,
        "summary": "Подростки с инвалидностью и их сверстники вместе ставят спектакли: "
        "актёрское мастерство, сценическая речь, гастроли по районам области.",
        "goal": "За год подготовить с 25 подростками два спектакля и показать их в пяти районах.",
        "tasks": [
            "Набрать смешанную группу из 25 подростков",
            "Провести 70 занятий с педагогами и психологом",
            "Показать спектакли в пяти районах области",
        ],
        "significance": "В районах области почти нет кружков, куда берут детей с инвалидностью.",
        "targets": "Подростки с инвалидностью\nИх сверстники и родители",
        "spheres": ["culture", "disability"],
        "municipalities": ["Обнинск", "Малоярославецкий район"],
        "dates": (D(2027, 1, 15), D(2027, 12, 20)),
        "budget": ("640000.00", "60000.00", "80000.00"),
        "needs": [
            ("money", "Костюмы, декорации и поездки", "250000.00", "₽"),
            ("premises", "Зал для репетиций дважды в неделю", "1", "зал"),
            ("expertise", "Сурдопереводчик на спектаклях", "10", "спектаклей"),
        ],
        "results": [("Подростков занимаются в студии", "чел.", "25", None)],
        "team": [("Мария Игоревна Лаптева", "режиссёр студии")],
        "pledges": [
            {
                "by": "sponsor",
                "org": "business",
                "kind": "money",
                "need": 0,
                "amount": "90000.00",
                "description": "Оплата костюмов и декораций первого спектакля",
                "status": Pledge.Status.ACCEPTED,
                "fulfilments": [(D(2026, 11, 20), "45000.00")],
            },
        ],
    },
    {
        "org": "ngo",
        "title": "Цифровая грамотность для старшего поколения",
        "status": Project.Status.PREPARING,
        "entry": FairEntry.Status.ACCEPTED,
        "summary": "Бесплатные занятия для пенсионеров: смартфон, Госуслуги, онлайн-запись к врачу "
        "и защита от телефонных мошенников.",
        "goal": "Научить 200 пенсионеров Калуги пользоваться Госуслугами и распознавать мошенников.",
        "tasks": [
            "Подготовить программу из восьми занятий",
            "Провести занятия в четырёх библиотеках",
        ],
        "significance": "Пожилые люди чаще других становятся жертвами телефонных мошенников.",
        "targets": "Пенсионеры",
        "spheres": ["education", "social-support"],
        "municipalities": ["Калуга"],
        "dates": (D(2027, 2, 1), D(2027, 6, 30)),
        "budget": ("180000.00", "20000.00", "0.00"),
        "needs": [
            ("equipment", "Планшеты для занятий", "12", "шт."),
            ("volunteers", "Волонтёры-наставники", "15", "чел."),
        ],
        "results": [("Пенсионеров прошли курс", "чел.", "200", None)],
        "team": [],
        "pledges": [],
    },
]


def _project(ctx: DemoContext, spec: dict[str, Any]) -> Project:
    organization = ctx.organizations[spec["org"]]
    existing = Project.objects.filter(organization=organization, title=spec["title"]).first()
    if existing is not None:
        return existing
    budget, own, cofinancing = (Decimal(v) for v in spec["budget"])
    project = Project.objects.create(
        organization=organization,
        title=spec["title"],
        summary=spec["summary"],
        goal=spec["goal"],
        social_significance=spec["significance"],
        target_groups=spec["targets"],
        starts_on=spec["dates"][0],
        ends_on=spec["dates"][1],
        budget_total=budget,
        own_contribution=own,
        cofinancing=cofinancing,
        status=spec["status"],
        outcome_story=spec.get("story", ""),
        results_reported_at=timezone.now() if spec.get("story") else None,
        created_by=ctx.users["ngo_owner" if spec["org"] == "ngo" else "ngo2_owner"],
        is_demo=True,
    )
    project.search_text = project.build_search_text()
    project.save(update_fields=["search_text"])
    project.spheres.set(Sphere.objects.filter(code__in=spec["spheres"]))
    project.municipalities.set(
        Municipality.objects.filter(name__in=spec["municipalities"], region__code="40")
    )
    for number, text in enumerate(spec["tasks"], start=1):
        ProjectTask.objects.create(project=project, position=number, text=text)
    for position, (kind, description, quantity, unit) in enumerate(spec["needs"]):
        ProjectNeed.objects.create(
            project=project,
            kind=kind,
            description=description,
            quantity=Decimal(quantity),
            unit=unit,
            position=position,
        )
    for number, (name, unit, planned, actual) in enumerate(spec["results"], start=1):
        PlannedResult.objects.create(
            project=project,
            position=number,
            name=name,
            unit=unit,
            planned_value=Decimal(planned),
            actual_value=Decimal(actual) if actual else None,
        )
    for position, (full_name, role) in enumerate(spec["team"]):
        TeamMember.objects.create(
            project=project, full_name=full_name, role=role, position=position
        )
    needs = list(project.needs.order_by("position"))
    for pledge_spec in spec["pledges"]:
        _pledge(ctx, project, needs, pledge_spec)
    return project


def _pledge(
    ctx: DemoContext, project: Project, needs: list[ProjectNeed], spec: dict[str, Any]
) -> None:
    team_user = ctx.users[
        "ngo_owner" if project.organization == ctx.organizations["ngo"] else "ngo2_owner"
    ]
    decided = spec["status"] != Pledge.Status.PENDING
    pledge = Pledge.objects.create(
        project=project,
        need=needs[spec["need"]] if spec["need"] is not None else None,
        pledged_by=ctx.users[spec["by"]],
        organization=ctx.organizations[spec["org"]] if spec["org"] else None,
        kind=spec["kind"],
        amount=Decimal(spec["amount"]) if spec["amount"] else None,
        description=spec["description"],
        conditions=spec.get("conditions", ""),
        status=spec["status"],
        decided_by=team_user if decided else None,
        decided_at=timezone.now() if decided else None,
        decline_reason=spec.get("reason", ""),
        is_demo=True,
    )
    if spec["status"] != Pledge.Status.ACCEPTED:
        return
    partnership = Partnership.objects.create(pledge=pledge)
    received = Decimal("0")
    for received_on, amount in spec.get("fulfilments", []):
        Fulfilment.objects.create(
            partnership=partnership,
            received_on=received_on,
            amount=Decimal(amount),
            recorded_by=team_user,
        )
        received += Decimal(amount)
    if pledge.amount is not None and received >= pledge.amount:
        partnership.status = Partnership.Status.FULFILLED
        partnership.closed_at = timezone.now()
        partnership.save(update_fields=["status", "closed_at"])


def load(ctx: DemoContext) -> None:
    season, _ = FairSeason.objects.get_or_create(
        slug=SEASON["slug"], defaults={**SEASON, "is_demo": True}
    )
    operator = ctx.users["operator"]
    for spec in PROJECTS:
        project = _project(ctx, spec)
        if spec.get("cover", True):
            seed = zlib.crc32(spec["title"].encode())
            services.project_set_demo_cover(project=project, jpeg=cover_jpeg(seed))
        if spec["entry"] and not FairEntry.objects.filter(season=season, project=project).exists():
            decided = spec["entry"] != FairEntry.Status.SUBMITTED
            FairEntry.objects.create(
                season=season,
                project=project,
                status=spec["entry"],
                submitted_by=project.created_by,
                decided_by=operator if decided else None,
                decided_at=timezone.now() if decided else None,
            )
    preferences, created = SponsorPreferences.objects.get_or_create(
        organization=ctx.organizations["business"]
    )
    if created:
        preferences.spheres.set(
            Sphere.objects.filter(code__in=["social-support", "family", "culture", "health"])
        )
        preferences.municipalities.set(
            Municipality.objects.filter(name__in=["Калуга", "Обнинск"], region__code="40")
        )
    ctx.add_login("sponsor", ctx.users["sponsor"].email, "спонсор: ООО «КСК» на ярмарке проектов")
