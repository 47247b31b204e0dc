"""Demo appeals: two authorities with different records (the ministry answers on time, the city
administration is late) and appeals in every state. Idempotent: each appeal has a fixed submission key."""

import uuid
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone

from nkohub.core.demo_context import DemoContext
from nkohub.reception import deadlines
from nkohub.reception.models import Appeal, AppealEvent, Topic

if TYPE_CHECKING:
    from nkohub.accounts.models import User

DEMO_NAMESPACE = uuid.UUID("6c1f3a52-5d0e-4d5c-9d59-0d7c2b4f6a10")

TOPICS = {
    "ministry": [
        ("Социальное обслуживание и компенсации поставщикам", "official"),
        ("Субсидии социально ориентированным НКО", "official"),
        ("Доступная среда для людей с инвалидностью", None),
    ],
    "city_admin": [
        ("Помещения для НКО в муниципальной собственности", "official2"),
        ("Благоустройство и дворовые территории", "official2"),
        ("Поддержка ТОС и гражданских инициатив", None),
    ],
}


@dataclass(frozen=True)
class DemoAppeal:
    key: str
    to: str  # organisation key
    author: str  # user key
    on_behalf: str | None  # organisation key
    topic: int  # index in TOPICS[to]
    kind: str
    subject: str
    text: str
    status: str
    submitted_ago: int  # days before today
    registered_after: int | None = None  # days after submission
    finished_after: int | None = None  # days after registration (answer, redirect, closing)
    extension: int = 0
    extension_reason: str = ""
    answer: str = ""
    publish: bool = False
    rating: int | None = None
    rating_comment: str = ""
    redirect_to: str | None = None
    ground: str = ""
    note: str = ""


APPEALS = [
    # Ministry of labour: answers on time, publishes.
    DemoAppeal(
        "m-answered-1",
        "ministry",
        "ngo_owner",
        "ngo",
        0,
        Appeal.Kind.QUESTION,
        "Порядок выплаты компенсации поставщику социальных услуг",
        "АНО «Добрые соседи» включена в реестр поставщиков социальных услуг с марта. Просим разъяснить, "
        "в какие сроки и по каким документам выплачивается компенсация за услуги, оказанные на дому.",
        Appeal.Status.ANSWERED,
        120,
        1,
        12,
        answer="Компенсация выплачивается ежемесячно на основании акта об оказанных услугах и реестра "
        "получателей, поданных до 10-го числа следующего месяца. Форма акта утверждена приказом "
        "министерства; образец размещён на сайте в разделе «Поставщикам».",
        publish=True,
        rating=5,
        rating_comment="Исчерпывающе, спасибо.",
    ),
    DemoAppeal(
        "m-answered-2",
        "ministry",
        "ngo2_owner",
        "ngo2",
        1,
        Appeal.Kind.QUESTION,
        "Сроки конкурса субсидий СО НКО в текущем году",
        "Подскажите, когда будет объявлен региональный конкурс субсидий для социально ориентированных НКО "
        "и будет ли направление «образование и просвещение».",
        Appeal.Status.ANSWERED,
        90,
        2,
        18,
        answer="Конкурс планируется объявить в феврале; направление «образование и просвещение» сохраняется. "
        "Объявление будет опубликовано на портале министерства и на платформе НКО-Кластер.",
        publish=True,
        rating=4,
    ),
    DemoAppeal(
        "m-answered-3",
        "ministry",
        "ngo_editor",
        "ngo",
        2,
        Appeal.Kind.PROPOSAL,
        "Пандус у входа в центр социального обслуживания",
        "Предлагаем оборудовать пандус у входа в комплексный центр социального обслуживания на ул. Ленина: "
        "наши подопечные на колясках не могут попасть на приём без помощи.",
        Appeal.Status.ANSWERED,
        60,
        1,
        25,
        answer="Предложение поддержано: работы включены в план капитального ремонта учреждения на второй квартал.",
        publish=True,
    ),
    DemoAppeal(
        "m-in-work",
        "ministry",
        "ngo_owner",
        "ngo",
        0,
        Appeal.Kind.SUPPORT,
        "Просьба о методической поддержке при включении в реестр поставщиков",
        "Просим провести консультацию для сотрудников нашей организации по подготовке документов.",
        Appeal.Status.IN_WORK,
        12,
        1,
    ),
    DemoAppeal(
        "m-extended",
        "ministry",
        "ngo2_owner",
        "ngo2",
        1,
        Appeal.Kind.COMPLAINT,
        "Задержка перечисления субсидии по соглашению",
        "Субсидия по соглашению, заключённому в мае, до сих пор не перечислена, хотя отчёт принят.",
        Appeal.Status.IN_WORK,
        27,
        1,
        extension=20,
        extension_reason="Направлен запрос в министерство финансов области о сроках перечисления.",
    ),
    DemoAppeal(
        "m-registered",
        "ministry",
        "ngo_editor",
        "ngo",
        2,
        Appeal.Kind.QUESTION,
        "Нормы обеспечения техническими средствами реабилитации",
        "Просим сообщить, какие технические средства реабилитации выдаются через пункт проката центра.",
        Appeal.Status.REGISTERED,
        2,
        1,
    ),
    DemoAppeal(
        "m-submitted",
        "ministry",
        "ngo_owner",
        "ngo",
        0,
        Appeal.Kind.QUESTION,
        "Можно ли оказывать социальные услуги в форме сопровождения",
        "Вправе ли поставщик оказывать услуги сопровождения при посещении медицинских организаций?",
        Appeal.Status.SUBMITTED,
        0,
    ),
    DemoAppeal(
        "m-draft",
        "ministry",
        "ngo_editor",
        "ngo",
        1,
        Appeal.Kind.PROPOSAL,
        "Предложение о грантах на развитие волонтёрства",
        "Черновик: предлагаем выделить отдельное направление конкурса для волонтёрских центров.",
        Appeal.Status.DRAFT,
        0,
    ),
    DemoAppeal(
        "m-redirected",
        "ministry",
        "ngo_owner",
        "ngo",
        0,
        Appeal.Kind.QUESTION,
        "Аренда муниципального помещения на льготных условиях",
        "Просим сообщить, на каких условиях НКО может получить в аренду муниципальное помещение.",
        Appeal.Status.REDIRECTED,
        40,
        1,
        3,
        redirect_to="city_admin",
        note="Вопрос распоряжения муниципальным имуществом относится к ведению Городской Управы.",
    ),
    DemoAppeal(
        "m-closed",
        "ministry",
        "member",
        None,
        0,
        Appeal.Kind.QUESTION,
        "Повторный вопрос о компенсации",
        "Снова прошу разъяснить порядок компенсации, ответ на который мне уже давали.",
        Appeal.Status.CLOSED,
        35,
        1,
        5,
        ground=Appeal.NoAnswerGround.REPEATED,
        note="Ответ по существу уже дан на предыдущее обращение автора по тому же вопросу; новых доводов нет.",
    ),
    # City administration: late answers and overdue appeals.
    DemoAppeal(
        "c-answered-late",
        "city_admin",
        "ngo_owner",
        "ngo",
        1,
        Appeal.Kind.PROPOSAL,
        "Обустройство детской площадки во дворе дома № 12",
        "Жители и волонтёры АНО готовы участвовать в субботнике; просим включить двор в программу благоустройства.",
        Appeal.Status.ANSWERED,
        100,
        3,
        44,
        answer="Двор включён в адресный перечень программы благоустройства на следующий год.",
        publish=True,
        rating=3,
        rating_comment="Ответ пришёл позже срока.",
    ),
    DemoAppeal(
        "c-answered-ontime",
        "city_admin",
        "ngo2_owner",
        "ngo2",
        2,
        Appeal.Kind.QUESTION,
        "Как зарегистрировать устав ТОС",
        "Инициативная группа жителей просит разъяснить порядок регистрации устава ТОС.",
        Appeal.Status.ANSWERED,
        70,
        2,
        28,
        answer="Устав ТОС регистрируется постановлением Городской Управы; перечень документов приложен к ответу.",
        publish=True,
    ),
    DemoAppeal(
        "c-overdue",
        "city_admin",
        "ngo_editor",
        "ngo",
        0,
        Appeal.Kind.SUPPORT,
        "Предоставление помещения для клуба пожилых людей",
        "Просим предоставить в безвозмездное пользование помещение площадью около 40 кв. м.",
        Appeal.Status.IN_WORK,
        50,
        2,
    ),
    DemoAppeal(
        "c-unregistered",
        "city_admin",
        "ngo2_owner",
        "ngo2",
        1,
        Appeal.Kind.COMPLAINT,
        "Не вывозится мусор с контейнерной площадки",
        "Контейнерная площадка у дома № 5 не убирается вторую неделю.",
        Appeal.Status.SUBMITTED,
        9,
    ),
]


def _moment(day: date, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def _event(
    appeal: Appeal,
    kind: str,
    actor: "User",
    before: str,
    after: str,
    when: datetime,
    text: str = "",
) -> None:
    AppealEvent.objects.create(
        appeal=appeal,
        kind=kind,
        actor=actor,
        status_before=before,
        status_after=after,
        created_at=when,
        text=text,
    )


def _official_for(ctx: DemoContext, key: str) -> Any:
    return ctx.users["official"] if key == "ministry" else ctx.users["official2"]


@transaction.atomic
def _build(
    ctx: DemoContext, spec: DemoAppeal, topics: dict[str, list[Topic]], numbers: dict[str, int]
) -> None:
    author = ctx.users[spec.author]
    key = uuid.uuid5(DEMO_NAMESPACE, spec.key)
    if Appeal.objects.filter(author=author, idempotency_key=key).exists():
        return
    today = timezone.localdate()
    authority = ctx.organizations[spec.to]
    official = _official_for(ctx, spec.to)
    submitted_on = today - timedelta(days=spec.submitted_ago)
    S = Appeal.Status
    appeal = Appeal(
        authority=authority,
        topic=topics[spec.to][spec.topic],
        author=author,
        organization=ctx.organizations[spec.on_behalf] if spec.on_behalf else None,
        kind=spec.kind,
        subject=spec.subject,
        text=spec.text,
        publish_consent=spec.publish,
        idempotency_key=key,
        status=spec.status,
    )
    if spec.status != S.DRAFT:
        appeal.submitted_at = _moment(submitted_on, 10)
        appeal.registration_due = deadlines.registration_due(submitted_on)
    registered_on = None
    if spec.registered_after is not None:
        registered_on = submitted_on + timedelta(days=spec.registered_after)
        numbers[spec.to] += 1
        appeal.registration_number = f"ЭО-{registered_on.year}-{numbers[spec.to]:05d}-Д"
        appeal.registered_on = registered_on
        appeal.registered_by = official
        appeal.redirect_due = deadlines.redirect_due(registered_on)
        appeal.answer_due = deadlines.answer_due(registered_on, spec.extension)
        appeal.extension_days = spec.extension
        appeal.extension_reason = spec.extension_reason
        appeal.assignee = official
    finished_on = (
        registered_on + timedelta(days=spec.finished_after)
        if registered_on and spec.finished_after is not None
        else None
    )
    if spec.status == S.ANSWERED and finished_on:
        appeal.answer_text, appeal.answered_on, appeal.answered_by = (
            spec.answer,
            finished_on,
            official,
        )
        if spec.rating:
            appeal.rating, appeal.rating_comment = spec.rating, spec.rating_comment
            appeal.rated_at = _moment(finished_on + timedelta(days=1), 18)
    if spec.status in (S.REDIRECTED, S.CLOSED) and finished_on:
        appeal.closing_note, appeal.closed_on = spec.note, finished_on
        appeal.no_answer_ground = spec.ground
        if spec.redirect_to:
            appeal.redirect_authority = ctx.organizations[spec.redirect_to]
    appeal.full_clean()
    appeal.save()

    _event(appeal, AppealEvent.Kind.CREATED, author, "", S.DRAFT, _moment(submitted_on, 9))
    if spec.status == S.DRAFT:
        return
    _event(
        appeal, AppealEvent.Kind.SUBMITTED, author, S.DRAFT, S.SUBMITTED, _moment(submitted_on, 10)
    )
    if registered_on is None:
        return
    _event(
        appeal,
        AppealEvent.Kind.REGISTERED,
        official,
        S.SUBMITTED,
        S.REGISTERED,
        _moment(registered_on, 11),
    )
    if spec.status == S.IN_WORK:
        _event(
            appeal,
            AppealEvent.Kind.ASSIGNED,
            official,
            S.REGISTERED,
            S.IN_WORK,
            _moment(registered_on, 12),
        )
    if spec.extension:
        _event(
            appeal,
            AppealEvent.Kind.EXTENDED,
            official,
            S.IN_WORK,
            S.IN_WORK,
            _moment(registered_on + timedelta(days=20), 12),
            spec.extension_reason,
        )
    if finished_on:
        finishing: dict[str, str] = {
            S.ANSWERED: AppealEvent.Kind.ANSWERED,
            S.REDIRECTED: AppealEvent.Kind.REDIRECTED,
            S.CLOSED: AppealEvent.Kind.CLOSED,
        }
        kind = finishing[spec.status]
        _event(
            appeal, kind, official, S.REGISTERED, spec.status, _moment(finished_on, 15), spec.note
        )
        if appeal.rating:
            _event(
                appeal,
                AppealEvent.Kind.RATED,
                author,
                S.ANSWERED,
                S.ANSWERED,
                _moment(finished_on + timedelta(days=1), 18),
                spec.rating_comment,
            )
    if spec.redirect_to and finished_on:
        forwarded = Appeal.objects.create(
            authority=ctx.organizations[spec.redirect_to],
            author=author,
            organization=appeal.organization,
            kind=appeal.kind,
            subject=appeal.subject,
            text=appeal.text,
            publish_consent=appeal.publish_consent,
            status=S.SUBMITTED,
            redirected_from=appeal,
            submitted_at=_moment(finished_on, 15),
            registration_due=deadlines.registration_due(finished_on),
        )
        _event(
            forwarded,
            AppealEvent.Kind.RECEIVED_BY_REDIRECT,
            official,
            "",
            S.SUBMITTED,
            _moment(finished_on, 15),
            spec.note,
        )


def load(ctx: DemoContext) -> None:
    topics: dict[str, list[Topic]] = {}
    for org_key, items in TOPICS.items():
        authority = ctx.organizations[org_key]
        topics[org_key] = []
        for position, (name, responsible) in enumerate(items, start=1):
            topic, _ = Topic.objects.get_or_create(
                authority=authority,
                name=name,
                defaults={
                    "responsible": ctx.users[responsible] if responsible else None,
                    "position": position,
                },
            )
            topics[org_key].append(topic)
    numbers = {
        key: Appeal.objects.filter(authority=ctx.organizations[key])
        .exclude(registration_number="")
        .count()
        for key in TOPICS
    }
    for spec in APPEALS:
        _build(ctx, spec, topics, numbers)
