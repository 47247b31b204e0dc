"""Demo volunteering for the Kaluga region, built through the services: calls in the past (with hours
recorded and confirmed) and in the future (with responses waiting and accepted), a public volunteer
record, a partnership of the two demo NGOs, a coalition with members and announcements, internships
with requests. Idempotent: what exists (by title) is left alone."""

import datetime as dt
from decimal import Decimal
from typing import Any

from django.utils import timezone

from nkohub.core.demo_context import DemoContext
from nkohub.territories.models import Municipality
from nkohub.volunteering import services
from nkohub.volunteering.models import (
    Alliance,
    Coalition,
    Internship,
    VolunteerCall,
    VolunteerResponse,
)
from nkohub.volunteering.reference import skill

CALLS = [
    # org key, title, description, days from today (start), hours long, days long, municipality, places, skills
    (
        "ngo", "Осенний субботник в парке у реки Яченки",
        "Убираем листву и мусор, красим скамейки. Перчатки, грабли и горячий чай — от нас.",
        -20, 4, 0, "Калуга", 12, ["ecology", "no-skills"],
    ),
    (
        "ngo", "Доставка продуктовых наборов пожилым людям",
        "Развозим наборы одиноким пожилым людям по Калуге: забрать на складе, привезти, "
        "поговорить пару минут. Нужен свой автомобиль.",
        5, 5, 0, "Калуга", 6, ["driving", "elderly"],
    ),
    (
        "ngo2", "Новогодние подарки для воспитанников детского дома",
        "Упаковываем подарки, готовим праздник с аниматорами, помогаем провести утренник.",
        14, 6, 0, "Обнинск", 8, ["children", "events"],
    ),
    (
        "ngo2", "Онлайн-репетиторы для школьников из сёл",
        "Занятия по математике и русскому языку по видеосвязи, два раза в неделю в течение месяца.",
        3, 2, 30, None, 5, ["tutoring", "it"],
    ),
    (
        "ngo", "Фотограф на благотворительный концерт",
        "Снять концерт в доме культуры и сделать 30–40 обработанных кадров для соцсетей.",
        9, 3, 0, "Калуга", 1, ["photo-video"],
    ),
]  # fmt: skip


def _moment(days: int, hour: int = 10) -> dt.datetime:
    day = timezone.localdate() + dt.timedelta(days=days)
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def _call(ctx: DemoContext, spec: tuple[Any, ...]) -> VolunteerCall | None:
    key, title, description, start, hours, days, town, places, skills = spec
    organization = ctx.organizations.get(key)
    author = ctx.users.get(f"{key}_owner")
    if organization is None or author is None:
        return None
    existing = VolunteerCall.objects.filter(organization=organization, title=title).first()
    if existing is not None:
        return existing
    starts_at = _moment(
        max(start, 1)
    )  # a past call is posted ahead, its date moved after the responses
    call = services.call_create(
        actor=author,
        organization=organization,
        title=title,
        description=description,
        starts_at=starts_at,
        ends_at=starts_at + dt.timedelta(days=days, hours=hours),
        places=places,
        is_online=town is None,
        municipality=Municipality.objects.filter(name=town, region__code="40").first()
        if town
        else None,
        address="" if town is None else "место сбора сообщим принятым волонтёрам",
        skills=[skill(code) for code in skills],
    )
    VolunteerCall.objects.filter(pk=call.pk).update(is_demo=True)
    return call


def _respond(person: Any, call: VolunteerCall, message: str) -> VolunteerResponse:
    return services.response_create(actor=person, call=call, message=message)


def _calls(ctx: DemoContext) -> None:
    users = ctx.users
    calls = [_call(ctx, spec) for spec in CALLS]
    past, delivery, gifts, tutors, _photo = calls
    volunteers = [users[key] for key in ("member", "expert", "media") if key in users]
    if past is not None and not past.responses.exists() and volunteers:
        owner = users["ngo_owner"]
        for person in volunteers:
            response = _respond(person, past, "Приду с друзьями, грабли свои.")
            services.response_decide(actor=owner, response=response, accept=True)
        # the call took place 20 days ago: it was posted before, its date is moved now
        begin = _moment(-20)
        VolunteerCall.objects.filter(pk=past.pk).update(
            starts_at=begin, ends_at=begin + dt.timedelta(hours=4)
        )
        past.refresh_from_db()
        for response, hours in zip(past.responses.order_by("pk"), ("4", "3.5", "4"), strict=False):
            services.hours_record(actor=owner, response=response, hours=Decimal(hours))
            if "media" not in users or response.user_id != users["media"].pk:
                services.hours_confirm(actor=owner, response=response)  # the media's hours wait
    if delivery is not None and not delivery.responses.exists() and "member" in users:
        accepted = _respond(users["member"], delivery, "Есть машина, свободна в субботу.")
        services.response_decide(actor=users["ngo_owner"], response=accepted, accept=True)
        if "sponsor" in users:
            _respond(users["sponsor"], delivery, "Могу взять служебный микроавтобус.")
    if gifts is not None and not gifts.responses.exists() and "expert" in users:
        _respond(users["expert"], gifts, "Умею проводить детские игры.")
    if tutors is not None and not tutors.responses.exists() and "member" in users:
        response = _respond(users["member"], tutors, "Математика, 5–9 классы.")
        services.response_decide(actor=users["ngo2_owner"], response=response, accept=True)
    if "member" in users:
        services.profile_set_public(actor=users["member"], public=True)


def _ties(ctx: DemoContext) -> None:
    users, organizations = ctx.users, ctx.organizations
    ngo, ngo2 = organizations.get("ngo"), organizations.get("ngo2")
    centre = organizations.get("resource_centre")
    if ngo is None or ngo2 is None or "ngo_owner" not in users or "ngo2_owner" not in users:
        return
    if not Alliance.objects.filter(proposer=ngo, partner=ngo2).exists():
        alliance = services.alliance_propose(
            actor=users["ngo_owner"],
            proposer=ngo,
            partner=ngo2,
            description="Совместные праздники для пожилых людей и школьников: поколения вместе.",
        )
        services.alliance_answer(actor=users["ngo2_owner"], alliance=alliance, accept=True)
        Alliance.objects.filter(pk=alliance.pk).update(is_demo=True)
    title = "Коалиция «Серебряный возраст» Калужской области"
    if not Coalition.objects.filter(title=title).exists():
        coalition = services.coalition_create(
            actor=users["ngo_owner"],
            founder=ngo,
            title=title,
            description="НКО региона, которые помогают пожилым людям: общие акции, обмен "
            "волонтёрами, единый календарь мероприятий и совместные заявки на гранты.",
        )
        Coalition.objects.filter(pk=coalition.pk).update(is_demo=True)
        member = services.coalition_invite(
            actor=users["ngo_owner"], coalition=coalition, organization=ngo2
        )
        services.coalition_answer(actor=users["ngo2_owner"], member=member, accept=True)
        if centre is not None:
            services.coalition_invite(
                actor=users["ngo_owner"], coalition=coalition, organization=centre
            )
        services.announcement_create(
            actor=users["ngo_owner"],
            coalition=coalition,
            organization=ngo,
            text="15 декабря — общая встреча коалиции в ресурсном центре: планируем акцию "
            "«Тёплый декабрь». Приходите сами и зовите коллег.",
        )
        services.announcement_create(
            actor=users["ngo2_owner"],
            coalition=coalition,
            organization=ngo2,
            text="Наши школьники готовят концерт для подопечных всех организаций коалиции — "
            "пришлите, сколько гостей вы приведёте.",
        )
    _internships(ctx)


def _internships(ctx: DemoContext) -> None:
    users, organizations = ctx.users, ctx.organizations
    ngo, ngo2 = organizations["ngo"], organizations["ngo2"]
    today = timezone.localdate()
    topic = "Как организовать службу доставки продуктов пожилым"
    if not Internship.objects.filter(host=ngo, topic=topic).exists():
        internship = services.internship_create(
            actor=users["ngo_owner"],
            host=ngo,
            topic=topic,
            description="Три дня в нашей команде: склад, маршруты, учёт подопечных, работа с "
            "волонтёрами-водителями.",
            starts_on=today + dt.timedelta(days=21),
            ends_on=today + dt.timedelta(days=23),
            places=3,
        )
        Internship.objects.filter(pk=internship.pk).update(is_demo=True)
        request = services.internship_request(
            actor=users["ngo2_owner"],
            internship=internship,
            organization=ngo2,
            message="Хотим запустить такую же службу в Обнинске.",
        )
        services.internship_decide(actor=users["ngo_owner"], request=request, accept=True)
    topic = "Проектная школа для подростков: как мы ведём кружки"
    if not Internship.objects.filter(host=ngo2, topic=topic).exists():
        internship = services.internship_create(
            actor=users["ngo2_owner"],
            host=ngo2,
            topic=topic,
            description="Неделя занятий с нашими педагогами: программы, набор детей, отчётность по гранту.",
            starts_on=today + dt.timedelta(days=35),
            ends_on=today + dt.timedelta(days=40),
            places=2,
        )
        Internship.objects.filter(pk=internship.pk).update(is_demo=True)
        if "ngo_editor" in users:
            services.internship_request(
                actor=users["ngo_editor"],
                internship=internship,
                organization=ngo,
                message="Запускаем кружки для внуков наших подопечных.",
            )


def load(ctx: DemoContext) -> None:
    _calls(ctx)
    _ties(ctx)
