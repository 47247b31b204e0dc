"""Demo offers, requests, bookings and reviews between the demo organisations (ngo, ngo2, business)."""

import datetime as dt
from typing import Any

from django.utils import timezone

from nkohub.core.demo_context import DemoContext
from nkohub.resources import services
from nkohub.resources.models import (
    AvailabilityRule,
    Booking,
    Category,
    ResourceOffer,
    ResourceRequest,
    Review,
    Terms,
)
from nkohub.territories.models import Municipality

WORKDAYS = [(day, dt.time(9), dt.time(18)) for day in range(5)]
WEEKENDS = [(5, dt.time(10), dt.time(16)), (6, dt.time(10), dt.time(16))]

OFFERS: list[dict[str, Any]] = [
    {
        "key": "hall",
        "org": "ngo",
        "category": Category.PREMISES,
        "municipality": "Калуга",
        "title": "Зал для мероприятий на 40 человек",
        "description": "Светлый зал на первом этаже с отдельным входом, стулья и столы, проектор, "
        "доступная среда (пандус). Подходит для семинаров, собраний и занятий с детьми.",
        "address": "ул. Ленина, д. 15",
        "terms": Terms.FREE,
        "capacity": 40,
        "schedule": WORKDAYS,
    },
    {
        "key": "bus",
        "org": "ngo2",
        "category": Category.TRANSPORT,
        "municipality": "Обнинск",
        "title": "Микроавтобус с водителем на 16 мест",
        "description": "Перевозка волонтёров, детей и пожилых людей на мероприятия по области. "
        "Водитель с опытом, детские кресла по запросу.",
        "address": "пр. Ленина, д. 84",
        "terms": Terms.DISCOUNTED,
        "terms_note": "оплата только топлива",
        "capacity": 16,
        "schedule": WORKDAYS + WEEKENDS,
    },
    {
        "key": "projector",
        "org": "ngo2",
        "category": Category.EQUIPMENT,
        "municipality": "Обнинск",
        "title": "Проектор, экран и звуковая колонка",
        "description": "Комплект для показа презентаций и фильмов: проектор Full HD, экран 2×1,5 м, колонка с микрофоном.",
        "address": "пр. Ленина, д. 84",
        "terms": Terms.FREE,
        "capacity": 1,
        "schedule": WORKDAYS,
    },
    {
        "key": "meeting_room",
        "org": "business",
        "category": Category.PREMISES,
        "municipality": "Калуга",
        "title": "Переговорная комната в офисе на 12 человек",
        "description": "Переговорная с флипчартом и экраном для встреч, обучения и стратегических сессий НКО по вечерам.",
        "address": "ул. Кирова, д. 40",
        "terms": Terms.FREE,
        "capacity": 12,
        "schedule": [(day, dt.time(17), dt.time(21)) for day in range(5)],
    },
    {
        "key": "materials",
        "org": "business",
        "category": Category.MATERIALS,
        "municipality": "Калуга",
        "title": "Остатки строительных материалов: краска, доски, утеплитель",
        "description": "Отдадим бесплатно остатки после объектов: краска фасадная, доски обрезные, утеплитель. "
        "Самовывоз со склада.",
        "address": "ул. Московская, д. 250",
        "terms": Terms.FREE,
        "schedule": [],
    },
    {
        "key": "accountant",
        "org": "ngo",
        "category": Category.SPECIALIST,
        "municipality": "Калуга",
        "title": "Консультация бухгалтера НКО",
        "description": "Помощь с отчётностью некоммерческой организации в Минюст и налоговую, разбор первичных документов.",
        "address": "",
        "terms": Terms.EXCHANGE,
        "terms_note": "взамен — помощь волонтёров на нашей акции",
        "schedule": [],
    },
]

REQUESTS: list[dict[str, Any]] = [
    {
        "org": "ngo",
        "category": Category.TRANSPORT,
        "municipality": "Калуга",
        "days": (10, 10),
        "title": "Нужен микроавтобус для поездки волонтёров",
        "purpose": "Отвезти волонтёров и пожилых подопечных на праздник в Тарусу и обратно.",
        "quantity": 14,
    },
    {
        "org": "ngo2",
        "category": Category.PREMISES,
        "municipality": "Калуга",
        "days": (7, 21),
        "title": "Ищем зал для семинара для школьников",
        "purpose": "Проводим семинар по проектной деятельности для 30 школьников, нужен зал с проектором.",
        "quantity": 30,
    },
    {
        "org": "ngo2",
        "category": Category.MATERIALS,
        "municipality": "Обнинск",
        "days": (3, 40),
        "title": "Краска и доски для ремонта кружка",
        "purpose": "Ремонтируем помещение художественного кружка для детей, нужны краска и доски.",
        "quantity": None,
    },
]


def _offer(ctx: DemoContext, spec: dict[str, Any]) -> ResourceOffer:
    organization = ctx.organizations[spec["org"]]
    offer = ResourceOffer.objects.filter(organization=organization, title=spec["title"]).first()
    if offer is not None:
        return offer
    owner = {"ngo": "ngo_owner", "ngo2": "ngo2_owner", "business": "sponsor"}[spec["org"]]
    offer = ResourceOffer.objects.create(
        organization=organization,
        created_by=ctx.users[owner],
        category=spec["category"],
        title=spec["title"],
        description=spec["description"],
        municipality=Municipality.objects.get(name=spec["municipality"], region__code="40"),
        address=spec["address"],
        terms=spec["terms"],
        terms_note=spec.get("terms_note", ""),
        capacity=spec.get("capacity"),
        status=ResourceOffer.Status.PUBLISHED,
        published_at=timezone.now(),
        is_demo=True,
    )
    AvailabilityRule.objects.bulk_create(
        AvailabilityRule(offer=offer, weekday=day, start_time=start, end_time=end)
        for day, start, end in spec["schedule"]
    )
    services.sync_weekdays(offer)
    services.refresh_search_of(offer)
    return offer


def _request(ctx: DemoContext, spec: dict[str, Any]) -> ResourceRequest:
    organization = ctx.organizations[spec["org"]]
    existing = ResourceRequest.objects.filter(
        organization=organization, title=spec["title"]
    ).first()
    if existing is not None:
        return existing
    today = timezone.localdate()
    owner = {"ngo": "ngo_owner", "ngo2": "ngo2_owner"}[spec["org"]]
    resource_request = ResourceRequest.objects.create(
        organization=organization,
        created_by=ctx.users[owner],
        category=spec["category"],
        title=spec["title"],
        purpose=spec["purpose"],
        municipality=Municipality.objects.get(name=spec["municipality"], region__code="40"),
        needed_from=today + dt.timedelta(days=spec["days"][0]),
        needed_until=today + dt.timedelta(days=spec["days"][1]),
        quantity=spec["quantity"],
        is_demo=True,
    )
    services.refresh_search_of(resource_request)
    return resource_request


def _next_weekday(day: dt.date, weekday: int) -> dt.date:
    return day + dt.timedelta(days=(weekday - day.weekday()) % 7)


def _at(day: dt.date, hour: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def load(ctx: DemoContext) -> None:
    offers = {spec["key"]: _offer(ctx, spec) for spec in OFFERS}
    requests = [_request(ctx, spec) for spec in REQUESTS]
    for resource_request in requests:
        services.matches_refresh_for_request(request_id=resource_request.pk)
    today = timezone.localdate()
    ngo, ngo2 = ctx.organizations["ngo"], ctx.organizations["ngo2"]
    # A past confirmed booking with reviews from both sides: ngo2 used ngo's hall.
    past_day = _next_weekday(today - dt.timedelta(days=14), 2)
    past, created = Booking.objects.get_or_create(
        offer=offers["hall"],
        organization=ngo2,
        is_demo=True,
        status=Booking.Status.CONFIRMED,
        defaults={
            "requested_by": ctx.users["ngo2_owner"],
            "starts_at": _at(past_day, 10),
            "ends_at": _at(past_day, 13),
            "message": "Проведём встречу с родителями участников проекта.",
            "decided_by": ctx.users["ngo_owner"],
            "decided_at": timezone.now(),
        },
    )
    if created:
        Review.objects.create(
            booking=past,
            side=Review.Side.REQUESTER,
            author=ctx.users["ngo2_owner"],
            rating=5,
            text="Отличный светлый зал, всё подготовили заранее. Спасибо «Добрым соседям»!",
        )
        Review.objects.create(
            booking=past,
            side=Review.Side.OWNER,
            author=ctx.users["ngo_owner"],
            rating=5,
            text="Аккуратные и пунктуальные партнёры, будем рады видеть снова.",
        )
    # An upcoming pending booking: ngo asks ngo2 for the minibus for its request.
    trip_day = _next_weekday(today + dt.timedelta(days=10), 5)
    Booking.objects.get_or_create(
        offer=offers["bus"],
        organization=ngo,
        is_demo=True,
        status=Booking.Status.PENDING,
        defaults={
            "requested_by": ctx.users["ngo_owner"],
            "request": requests[0],
            "starts_at": _at(trip_day, 10),
            "ends_at": _at(trip_day, 15),
            "message": "Поездка в Тарусу с подопечными, 14 человек.",
        },
    )
    # An upcoming confirmed booking: ngo2 books the business's meeting room for a strategy session.
    session_day = _next_weekday(today + dt.timedelta(days=5), 3)
    Booking.objects.get_or_create(
        offer=offers["meeting_room"],
        organization=ngo2,
        is_demo=True,
        status=Booking.Status.CONFIRMED,
        defaults={
            "requested_by": ctx.users["ngo2_owner"],
            "starts_at": _at(session_day, 18),
            "ends_at": _at(session_day, 20),
            "message": "Стратегическая сессия совета фонда.",
            "decided_by": ctx.users["sponsor"],
            "decided_at": timezone.now(),
        },
    )
