"""Demo grants: funders, competitions (some accepting applications on 23 November 2026),
applications of the demo NGOs in every state, and Belgorod region's figures for comparison.

Idempotent: everything is found by its natural key before it is made. Competitions and
applications are marked as demo; the funders are real reference data.
"""

from datetime import date
from decimal import Decimal
from typing import Any

from nkohub.core.demo_context import DemoContext
from nkohub.grants import services
from nkohub.grants.models import Application, Competition, Funder, RegionComparison
from nkohub.grants.reference import federal_funder
from nkohub.organizations.models import Sphere
from nkohub.projects.models import Project
from nkohub.territories.models import Municipality, Region

FUNDERS = [
    # code, kind, name, short name, website (the federal ones come from reference.py)
    (
        "kaluga-region",
        "regional_subsidy",
        "Министерство внутренней политики и массовых коммуникаций Калужской области",
        "Субсидии области",
        "",
    ),
    ("kaluga-city", "municipal_subsidy", "Городская Управа города Калуги", "Гранты г. Калуги", ""),
    (
        "demo-foundation",
        "private_foundation",
        "Благотворительный фонд «Опора» (демо)",
        "Фонд «Опора»",
        "",
    ),
]
FUND_DIRECTIONS = [
    "social-support",
    "health",
    "family",
    "youth",
    "education",
    "culture",
    "historical-memory",
    "human-rights",
    "environment",
    "interethnic",
    "public-diplomacy",
    "civil-society",
    "young-talents",
]
COMPETITIONS: list[dict[str, Any]] = [
    {
        "funder": "pfg",
        "title": "Первый конкурс 2027 года (демо)",
        "open": date(2026, 11, 2),
        "close": date(2026, 12, 1),
        "from": date(2027, 3, 1),
        "to": date(2028, 6, 30),
        "min": "500000",
        "max": "10000000",
        "cofinancing": "10",
        "directions": FUND_DIRECTIONS,
    },
    {
        "funder": "pfci",
        "title": "Первый конкурс ПФКИ 2027 года (демо)",
        "open": date(2026, 11, 10),
        "close": date(2026, 12, 21),
        "from": date(2027, 4, 1),
        "to": date(2028, 3, 31),
        "min": "300000",
        "max": "7000000",
        "cofinancing": "5",
        "directions": ["culture", "young-talents", "historical-memory"],
    },
    {
        "funder": "kaluga-region",
        "title": "Субсидии социально ориентированным НКО на 2027 год (демо)",
        "open": date(2026, 11, 16),
        "close": date(2027, 1, 20),
        "from": date(2027, 3, 1),
        "to": date(2027, 12, 15),
        "min": "100000",
        "max": "1500000",
        "cofinancing": "15",
        "directions": ["social-support", "family", "health", "volunteering", "veterans"],
    },
    {
        "funder": "kaluga-city",
        "title": "Муниципальный грант «Калуга — город инициатив» 2027 (демо)",
        "open": date(2027, 2, 1),
        "close": date(2027, 3, 1),
        "from": date(2027, 5, 1),
        "to": date(2027, 11, 30),
        "min": "50000",
        "max": "500000",
        "cofinancing": "20",
        "directions": ["civil-society", "youth", "environment"],
    },
    {
        "funder": "demo-foundation",
        "title": "Конкурс «Активное долголетие» (демо)",
        "open": date(2026, 10, 1),
        "close": date(2026, 11, 30),
        "from": date(2027, 1, 15),
        "to": date(2027, 12, 31),
        "min": "200000",
        "max": "1200000",
        "cofinancing": "0",
        "directions": ["social-support", "health"],
    },
    {
        "funder": "pfg",
        "title": "Второй конкурс 2026 года (демо)",
        "open": date(2026, 2, 2),
        "close": date(2026, 3, 16),
        "from": date(2026, 7, 1),
        "to": date(2027, 12, 31),
        "min": "500000",
        "max": "10000000",
        "cofinancing": "10",
        "directions": FUND_DIRECTIONS,
    },
    {
        "funder": "pfg",
        "title": "Первый конкурс 2026 года (демо)",
        "open": date(2025, 9, 15),
        "close": date(2025, 10, 15),
        "from": date(2026, 2, 1),
        "to": date(2027, 6, 30),
        "min": "500000",
        "max": "10000000",
        "cofinancing": "10",
        "directions": FUND_DIRECTIONS,
    },
]

GOAL = "Снизить социальную изоляцию одиноких пожилых жителей Калуги через регулярную помощь волонтёров и совместный досуг."
SIGNIFICANCE = (
    "В Калуге проживает более 70 тысяч человек старше 65 лет, и почти каждый пятый из них живёт "
    "один. Социальные службы обеспечивают надомное обслуживание, но не могут закрыть потребность "
    "в общении и мелкой бытовой помощи. Опрос, проведённый организацией весной 2026 года среди "
    "240 пожилых жителей, показал, что 58 % из них выходят из дома реже раза в неделю, а 41 % не "
    "знают, к кому обратиться за помощью. Одиночество ухудшает здоровье, повышает риск депрессии "
    "и мошенничества. Проект соединяет пожилых людей с волонтёрами из их же микрорайонов, создаёт "
    "постоянный клуб досуга и обучает новых добровольцев, поэтому помощь продолжится и после "
    "окончания гранта."
)


def _document(title: str, kaluga: Municipality | None, direction: Sphere | None) -> dict[str, Any]:
    return {
        "title": title,
        "direction_id": direction.pk if direction else None,
        "starts_on": "2027-03-01",
        "ends_on": "2027-12-31",
        "requested_amount": "1450000.00",
        "cofinancing_amount": "380000.00",
        "total_amount": "1830000.00",
        "summary": (
            "Проект объединяет волонтёров и одиноких пожилых жителей Калуги. Волонтёры еженедельно "
            "помогают с покупкой продуктов и лекарств, сопровождают к врачу, а в клубе выходного "
            "дня пожилые люди вместе готовят праздники и учатся пользоваться смартфоном."
        ),
        "goal": GOAL,
        "social_significance": SIGNIFICANCE,
        "covers_whole_region": False,
        "municipalities": [{"id": kaluga.pk, "name": kaluga.name}] if kaluga else [],
        "geography": "",
        "target_groups": "Одинокие пожилые люди старше 65 лет\nВолонтёры",
        "contacts": "+7 (4842) 00-00-00, demo@example.org",
        "tasks": [
            {
                "position": 1,
                "text": "Организовать регулярную помощь волонтёров 120 одиноким пожилым жителям.",
            },
            {
                "position": 2,
                "text": "Провести 40 встреч клуба совместного досуга для пожилых людей.",
            },
            {
                "position": 3,
                "text": "Подготовить 30 новых волонтёров для работы с пожилыми людьми.",
            },
        ],
        "budget_items": [
            {
                "position": 1,
                "category": "pay",
                "name": "Оплата труда координатора волонтёров",
                "amount": "720000.00",
                "cofinancing": "0.00",
            },
            {
                "position": 2,
                "category": "events",
                "name": "Встречи клуба досуга",
                "amount": "410000.00",
                "cofinancing": "180000.00",
            },
            {
                "position": 3,
                "category": "travel",
                "name": "Транспортные расходы волонтёров",
                "amount": "200000.00",
                "cofinancing": "0.00",
            },
            {
                "position": 4,
                "category": "premises",
                "name": "Аренда помещения клуба",
                "amount": "120000.00",
                "cofinancing": "200000.00",
            },
        ],
        "plan_events": [
            {
                "position": 1,
                "task_number": 1,
                "title": "Набор заявок и распределение волонтёров",
                "starts_on": "2027-03-01",
                "ends_on": "2027-04-30",
                "expected_result": "120 пожилых жителей получают помощь",
            },
            {
                "position": 2,
                "task_number": 2,
                "title": "Встречи клуба выходного дня",
                "starts_on": "2027-03-15",
                "ends_on": "2027-12-25",
                "expected_result": "40 встреч, в каждой не менее 25 участников",
            },
            {
                "position": 3,
                "task_number": 3,
                "title": "Школа волонтёров",
                "starts_on": "2027-03-01",
                "ends_on": "2027-10-31",
                "expected_result": "Волонтёры обучены",
            },  # planted: a result without numbers
        ],
    }


# org key, title, competition title, status, fund number, submitted on, awarded
APPLICATIONS = [
    (
        "ngo",
        "Соседи рядом: помощь волонтёров одиноким пожилым людям (демо)",
        "Первый конкурс 2027 года (демо)",
        "draft",
        None,
        None,
        None,
    ),
    (
        "ngo",
        "Тёплые встречи: клуб для пожилых жителей Калуги (демо)",
        "Субсидии социально ориентированным НКО на 2027 год (демо)",
        "submitted",
        "27-1-000514",
        date(2026, 11, 18),
        None,
    ),
    (
        "ngo",
        "Серебряные волонтёры Калуги (демо)",
        "Второй конкурс 2026 года (демо)",
        "won",
        "26-2-004417",
        date(2026, 3, 12),
        "1450000.00",
    ),
    (
        "ngo",
        "Продукты на дом: доставка для маломобильных пожилых людей (демо)",
        "Первый конкурс 2026 года (демо)",
        "not_supported",
        "26-1-008815",
        date(2025, 10, 10),
        None,
    ),
    (
        "ngo",
        "Зимний лагерь для внуков и бабушек (демо)",
        "Конкурс «Активное долголетие» (демо)",
        "withdrawn",
        None,
        None,
        None,
    ),
    (
        "ngo2",
        "Музыкальная школа без границ: концерты молодых музыкантов (демо)",
        "Первый конкурс ПФКИ 2027 года (демо)",
        "draft",
        None,
        None,
        None,
    ),
    (
        "ngo2",
        "Юные художники Обнинска (демо)",
        "Первый конкурс 2027 года (демо)",
        "submitted",
        "27-1-000733",
        date(2026, 11, 20),
        None,
    ),
    (
        "ngo2",
        "Наука рядом: лаборатории для школьников (демо)",
        "Второй конкурс 2026 года (демо)",
        "won",
        "26-2-006120",
        date(2026, 3, 14),
        "2380000.00",
    ),
    (
        "ngo2",
        "Театр в каждой школе (демо)",
        "Первый конкурс 2026 года (демо)",
        "not_supported",
        "26-1-011002",
        date(2025, 10, 12),
        None,
    ),
    (
        "ngo2",
        "Краеведческие экспедиции (демо)",
        "Первый конкурс 2026 года (демо)",
        "withdrawn",
        None,
        None,
        None,
    ),
]


def _funders() -> dict[str, Funder]:
    funders = {code: federal_funder(code) for code in ("pfg", "pfci")}
    for position, (code, kind, name, short_name, website) in enumerate(FUNDERS, start=3):
        funders[code], _created = Funder.objects.get_or_create(
            code=code,
            defaults={
                "kind": kind,
                "name": name,
                "short_name": short_name,
                "website": website,
                "position": position,
            },
        )
    return funders


def _competitions(funders: dict[str, Funder]) -> dict[str, Competition]:
    competitions = {}
    for item in COMPETITIONS:
        funder = funders[item["funder"]]
        competition = Competition.objects.filter(funder=funder, title=item["title"]).first()
        if competition is None:
            competition = services.competition_save(
                actor=None,
                competition=Competition(
                    funder=funder,
                    title=item["title"],
                    description="Демонстрационный конкурс: даты и суммы условные.",
                    applications_open_on=item["open"],
                    applications_close_on=item["close"],
                    implementation_starts_from=item["from"],
                    implementation_ends_by=item["to"],
                    min_amount=Decimal(item["min"]),
                    max_amount=Decimal(item["max"]),
                    cofinancing_min_percent=Decimal(item["cofinancing"]),
                    url=funder.website,
                    is_demo=True,
                ),
                directions=Sphere.objects.filter(code__in=item["directions"]),
            )
        competitions[item["title"]] = competition
    return competitions


def _application(ctx: DemoContext, row: tuple[Any, ...], competition: Competition) -> None:
    key, title, _competition, status, number, submitted_on, awarded = row
    organization = ctx.organizations.get(key)
    if (
        organization is None
        or Application.objects.filter(organization=organization, title=title).exists()
    ):
        return
    actor = ctx.users.get("ngo_owner" if key == "ngo" else "ngo2_owner")
    project = Project.objects.filter(organization=organization).order_by("pk").first()
    application = services.application_start(
        actor=actor, organization=organization, competition=competition, project=project
    )
    kaluga = Municipality.objects.filter(name="Калуга").first()
    direction = competition.directions.order_by("position").first()
    document = _document(title, kaluga, direction)
    services.application_save(
        actor=actor,
        application=application,
        document=document,
        base_version=application.version,
        note="Заполнили все разделы",
    )
    Application.objects.filter(pk=application.pk).update(is_demo=True)
    application.refresh_from_db()
    if status in ("submitted", "won", "not_supported"):
        services.application_change_status(
            actor=actor,
            application=application,
            status="submitted",
            fund_number=number,
            submitted_on=submitted_on,
        )
    if status == "won":
        services.application_change_status(
            actor=actor, application=application, status="won", awarded_amount=Decimal(awarded)
        )
    elif status in ("not_supported", "withdrawn"):
        services.application_change_status(actor=actor, application=application, status=status)


def load(ctx: DemoContext) -> None:
    funders = _funders()
    competitions = _competitions(funders)
    for row in APPLICATIONS:
        _application(ctx, row, competitions[row[2]])
    belgorod = Region.objects.filter(code="31").first()
    if belgorod is not None:
        RegionComparison.objects.get_or_create(
            region=belgorod,
            funder=funders["pfg"],
            year_from=2017,
            year_to=2021,
            defaults={
                "applications": 1378,
                "winners": 149,
                "source": "Исследование сектора НКО Калужской области, 2022 (для сравнения)",
                "entered_by": ctx.users.get("operator"),
            },
        )
