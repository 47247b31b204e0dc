"""Demo events of Kaluga region: upcoming ones (a webinar, a full strategic session with a waiting list,
a fair day in Obninsk, a staff meeting, a cancelled seminar) and past ones with attendance and feedback.
Built through the services where the rules allow it; a second run changes nothing (titles are the keys)."""

import datetime as dt
from typing import Any

from django.db.models import F
from django.utils import timezone

from nkohub.accounts.models import User
from nkohub.core.demo_context import DemoContext
from nkohub.events import services
from nkohub.events.models import Event, Registration
from nkohub.territories.models import Municipality

# Participants of the demo's events besides the demo's own people.
PARTICIPANTS = [
    ("Ирина Павловна Смирнова", "smirnova"),
    ("Алексей Николаевич Попов", "popov"),
    ("Татьяна Юрьевна Васильева", "vasileva"),
    ("Николай Андреевич Фёдоров", "fedorov"),
    ("Светлана Игоревна Морозова", "morozova-s"),
    ("Павел Викторович Новиков", "novikov"),
    ("Екатерина Сергеевна Козлова", "kozlova"),
    ("Андрей Михайлович Егоров", "egorov"),
    ("Юлия Александровна Орлова", "orlova"),
    ("Виктор Степанович Зайцев", "zaytsev"),
]

KALUGA_ADDRESS = "г. Калуга, ул. Ленина, д. 74, ресурсный центр НКО, конференц-зал"

EVENTS: list[dict[str, Any]] = [
    {
        "title": "Вебинар: как подать заявку в Фонд президентских грантов",
        "org": "resource_centre",
        "kind": Event.Kind.WEBINAR,
        "days": 5,
        "hour": 11,
        "hours": 2,
        "online": "https://meet.nko-cluster.example/pfg-webinar",
        "capacity": 100,
        "summary": "Разбираем разделы заявки на второй конкурс 2027 года: обоснование, календарный план, бюджет.",
        "description": "Ведущая — эксперт Фонда президентских грантов. Подготовьте вопросы по своей заявке: "
        "их можно задать при регистрации.",
        "questions": ["Какой раздел заявки вызывает больше всего вопросов?"],
        "people": ["member", "ngo_editor", 0, 1, 2, 3],
    },
    {
        "title": "Стратегическая сессия «НКО Калужской области: приоритеты на 2027 год»",
        "org": "resource_centre",
        "kind": Event.Kind.STRATEGIC_SESSION,
        "days": 12,
        "hour": 10,
        "hours": 6,
        "address": KALUGA_ADDRESS,
        "municipality": "Калуга",
        "capacity": 6,
        "summary": "Руководители НКО, министерство и бизнес вместе определяют проблемные зоны сектора "
        "и план совместных действий.",
        "description": "Работа в группах по направлениям: деньги, помещения, кадры, СМИ. Мест мало — "
        "при освобождении место получает первый из листа ожидания.",
        "questions": ["Какую проблему вашей организации обсудить в первую очередь?"],
        "people": ["ngo_owner", "ngo2_owner", 4, 5, 6, 7, "member", 8],  # the last two wait
    },
    {
        "title": "День ярмарки социальных проектов в Обнинске",
        "org": "ngo2",
        "kind": Event.Kind.FAIR_DAY,
        "days": 20,
        "hour": 12,
        "hours": 5,
        "address": "г. Обнинск, пр. Ленина, д. 129, Дом учёных",
        "municipality": "Обнинск",
        "capacity": 40,
        "summary": "НКО представляют проекты ярмарки, бизнес и спонсоры выбирают, кого поддержать.",
        "description": "Питч-сессия проектов по 5 минут, затем встречи с партнёрами за столами.",
        "questions": [],
        "people": ["sponsor", "ngo_owner", 9],
    },
    {
        "title": "Планёрка волонтёров «Добрых соседей»",
        "org": "ngo",
        "kind": Event.Kind.MEETING,
        "days": 3,
        "hour": 18,
        "hours": 1,
        "address": "г. Калуга, ул. Кирова, д. 12, офис АНО «Добрые соседи»",
        "municipality": "Калуга",
        "capacity": 15,
        "audience": Event.Audience.STAFF,
        "summary": "График доставки продуктовых наборов на декабрь и новые адреса подопечных.",
        "description": "",
        "questions": [],
        "people": ["ngo_editor"],
    },
    {
        "title": "Выездной семинар «Некоммерческие организации Козельского района»",
        "org": "resource_centre",
        "kind": Event.Kind.TRAINING,
        "days": 9,
        "hour": 11,
        "hours": 3,
        "address": "г. Козельск, ул. Большая Советская, д. 53, районный Дом культуры",
        "municipality": "Козельский",
        "capacity": 30,
        "summary": "Регистрация НКО, отчётность в Минюст, поддержка от района.",
        "description": "",
        "questions": [],
        "people": [0, 9],
        "cancel": "Перенос на весну: дорога закрыта на ремонт моста.",
    },
    {
        "title": "Школа НКО: проектная заявка от идеи до бюджета",
        "org": "resource_centre",
        "kind": Event.Kind.TRAINING,
        "days": -20,
        "hour": 10,
        "hours": 4,
        "address": KALUGA_ADDRESS,
        "municipality": "Калуга",
        "capacity": 20,
        "summary": "Практикум: каждый участник собирает черновик своей заявки.",
        "description": "",
        "questions": [],
        "people": ["ngo_owner", "ngo_editor", "member", 0, 1, 2, 3, 4],
        "came": 6,
        "feedback": [
            (5, "Разобрали бюджет по строкам на примере реальной заявки.", ""),
            (5, "Шаблон календарного плана — сразу взяли в работу.", "Больше времени на вопросы."),
            (
                4,
                "Понятно, как писать обоснование социальной значимости.",
                "Раздать материалы заранее.",
            ),
            (4, "", "Зал был тесноват."),
            (3, "Часть про софинансирование.", "Меньше теории, больше разбора заявок участников."),
        ],
    },
    {
        "title": "Вебинар: работа со СМИ для НКО",
        "org": "resource_centre",
        "kind": Event.Kind.WEBINAR,
        "days": -45,
        "hour": 15,
        "hours": 2,
        "online": "https://meet.nko-cluster.example/media-webinar",
        "capacity": 100,
        "summary": "Как написать пресс-релиз, который опубликуют, и как говорить с журналистами.",
        "description": "",
        "questions": [],
        "people": ["ngo_owner", "member", 5, 6, 7, 8],
        "came": 5,
        "feedback": [
            (5, "Примеры удачных пресс-релизов калужских НКО.", ""),
            (4, "Список региональных СМИ с контактами.", "Запись вебинара выложить быстрее."),
            (4, "", "Связь прерывалась."),
            (5, "Разбор наших текстов в прямом эфире.", ""),
        ],
    },
]


def _people(ctx: DemoContext) -> list[User]:
    people = []
    for name, login in PARTICIPANTS:
        email = f"{login}@demo.nko-cluster.ru"
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(
                email=email, password=None, full_name=name, is_demo=True
            )
        people.append(user)
    return people


def _person(ctx: DemoContext, people: list[User], key: Any) -> User | None:
    if isinstance(key, int):
        return people[key]
    return ctx.users.get(key)


def _municipality(name: str | None) -> Municipality | None:
    if not name:
        return None
    return Municipality.objects.filter(region__code="40", name__startswith=name).first()


def _moment(days: int, hour: int) -> dt.datetime:
    day = timezone.localdate() + dt.timedelta(days=days)
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, 0)))


def _build(ctx: DemoContext, spec: dict[str, Any], people: list[User]) -> None:
    if Event.objects.filter(title=spec["title"]).exists():
        return
    organizer = ctx.organizations.get(spec["org"])
    if organizer is None:
        return
    actor = ctx.users["operator"]
    starts = _moment(spec["days"], spec["hour"])
    event = services.event_create(
        actor=actor,
        organizer=organizer,
        starts_at=starts,
        ends_at=starts + dt.timedelta(hours=spec["hours"]),
        questions=spec["questions"],
        title=spec["title"],
        kind=spec["kind"],
        summary=spec["summary"],
        description=spec["description"],
        is_online="online" in spec,
        online_url=spec.get("online", ""),
        address=spec.get("address", ""),
        municipality=_municipality(spec.get("municipality")),
        capacity=spec["capacity"],
        audience=spec.get("audience", Event.Audience.PUBLIC),
    )
    Event.objects.filter(pk=event.pk).update(is_demo=True)
    registrants = [p for p in (_person(ctx, people, key) for key in spec["people"]) if p]
    if spec["days"] >= 0:
        for person in registrants:
            services.registration_create(actor=person, event=event)
    else:  # the past: registrations as they were, then attendance and feedback through the services
        for number, person in enumerate(registrants):
            Registration.objects.create(
                event=event,
                user=person,
                status=Registration.Status.CONFIRMED,
                registered_at=starts - dt.timedelta(days=10 - number % 5),
                confirmed_at=starts - dt.timedelta(days=10 - number % 5),
            )
        Event.objects.filter(pk=event.pk).update(seats_taken=F("seats_taken") + len(registrants))
        came = list(Registration.objects.filter(event=event).order_by("pk")[: spec["came"]])
        services.attendance_set(actor=actor, event=event, present=[r.pk for r in came])
        came = list(Registration.objects.filter(pk__in=[r.pk for r in came]).order_by("pk"))
        for registration, (rating, useful, to_change) in zip(came, spec["feedback"], strict=False):
            services.feedback_submit(
                actor=registration.user,
                registration=registration,
                rating=rating,
                useful=useful,
                to_change=to_change,
            )
        Event.objects.filter(pk=event.pk).update(feedback_requested_at=timezone.now())
    if "cancel" in spec:
        services.event_cancel(actor=actor, event=event, reason=spec["cancel"])


def load(ctx: DemoContext) -> None:
    if "operator" not in ctx.users:
        return
    people = _people(ctx)
    for spec in EVENTS:
        _build(ctx, spec, people)
