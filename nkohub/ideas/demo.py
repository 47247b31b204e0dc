"""Demo ideas of Kaluga region through the services: one in every status, and one past the threshold
that became an appeal to the ministry, registered and answered, with its supporters and comments
(one hidden by the operator). A second run changes nothing: each idea is looked up by its title."""

from dataclasses import dataclass, field
from typing import Any

from django.conf import settings

from nkohub.accounts.models import User
from nkohub.core.demo_context import DemoContext
from nkohub.ideas import services
from nkohub.ideas.models import Idea
from nkohub.organizations.models import Sphere
from nkohub.reception import services as reception
from nkohub.territories.models import Municipality

S = Idea.Status
FIRST_NAMES = ("Ирина", "Наталья", "Ольга", "Татьяна", "Светлана", "Екатерина")
LAST_NAMES = ("Смирнова", "Белова", "Котова", "Орлова", "Зайцева", "Фролова")


@dataclass(frozen=True)
class DemoIdea:
    title: str
    author: str
    municipality: str
    sphere: str
    to: str | None
    problem: str
    proposal: str
    statuses: tuple[tuple[str, str], ...] = ()  # (status, reason) in order, set by the addressee
    supporters: int = 0
    comments: tuple[tuple[str, str], ...] = field(default=())  # (person, text)


IDEAS = (
    DemoIdea(
        title="Пандус и кнопка вызова у поликлиники №2 на Московской",
        author="member",
        municipality="Калуга",
        sphere="disability",
        to="ministry",
        problem=(
            "У входа в поликлинику №2 восемь ступеней и нет пандуса. Жители на колясках и пожилые "
            "люди с ходунками не могут попасть к врачу без посторонней помощи."
        ),
        proposal=(
            "Установить пандус с поручнями по ГОСТ и кнопку вызова персонала у входа, а до этого "
            "организовать приём маломобильных пациентов на первом этаже по записи."
        ),
        supporters=-1,  # the threshold and a few more: this one becomes an appeal
        comments=(
            ("ngo_owner", "Наши подопечные сталкиваются с этим каждую неделю. Поддерживаем!"),
            ("ngo_editor", "Можем помочь с обследованием входной группы вместе с волонтёрами."),
        ),
    ),
    DemoIdea(
        title="Велодорожка по набережной Оки от Каменного моста до Яченки",
        author="ngo_editor",
        municipality="Калуга",
        sphere="environment",
        to="city_admin",
        problem="Велосипедисты едут по проезжей части набережной: машин много, обочины нет.",
        proposal="Выделить двустороннюю велополосу и поставить велопарковки у пляжа и парка.",
        supporters=12,
        comments=(("member", "Каждое лето езжу здесь с детьми — очень страшно."),),
    ),
    DemoIdea(
        title="Школьный автобус для деревень Козельского района",
        author="ngo2_owner",
        municipality="Козельский район",
        sphere="education",
        to="ministry",
        problem="Дети из деревень за рекой добираются до школы пешком по трассе по 4 км.",
        proposal="Включить деревни в маршрут школьного автобуса и поставить остановку с павильоном.",
        statuses=((S.UNDER_REVIEW, ""),),
        supporters=21,
    ),
    DemoIdea(
        title="Площадка для выгула собак в Обнинске",
        author="member",
        municipality="Обнинск",
        sphere="animals",
        to="city_admin",
        problem="Собак выгуливают на детских площадках и во дворах, жители жалуются.",
        proposal="Оборудовать огороженную площадку с тренажёрами на пустыре у улицы Курчатова.",
        statuses=((S.ACCEPTED, "Площадка включена в план благоустройства на следующий год."),),
        supporters=9,
    ),
    DemoIdea(
        title="Мастерская по ремонту технических средств реабилитации в Людинове",
        author="ngo_owner",
        municipality="Людиновский район",
        sphere="social-support",
        to="ministry",
        problem="За ремонтом коляски приходится ехать в Калугу и ждать неделями.",
        proposal="Открыть пункт ремонта ТСР при центре социального обслуживания в Людинове.",
        statuses=(
            (S.ACCEPTED, ""),
            (S.IMPLEMENTING, "Помещение выделено, закупается оборудование."),
        ),
        supporters=17,
    ),
    DemoIdea(
        title="Бесплатный юридический день для НКО раз в месяц",
        author="ngo2_owner",
        municipality="Калуга",
        sphere="civil-society",
        to=None,
        problem="Небольшим НКО не по карману юрист, а ошибки в отчётности грозят штрафами.",
        proposal="Раз в месяц проводить в ресурсном центре приём юристов-волонтёров для НКО.",
        statuses=(
            (S.ACCEPTED, ""),
            (S.IMPLEMENTING, ""),
            (S.IMPLEMENTED, "Юридический день проходит каждый второй четверг месяца."),
        ),
        supporters=14,
        comments=(("ngo_editor", "Были в прошлом месяце — очень помогли с уставом."),),
    ),
    DemoIdea(
        title="Перенести городскую ёлку на Театральную площадь",
        author="ngo_editor",
        municipality="Калуга",
        sphere="culture",
        to="city_admin",
        problem="На площади Победы ёлку плохо видно, рядом оживлённый перекрёсток.",
        proposal="Ставить главную ёлку на Театральной площади у драмтеатра.",
        statuses=(
            (S.REJECTED, "Площадь на реконструкции до 2028 года; вернёмся к идее после неё."),
        ),
        supporters=4,
    ),
    DemoIdea(
        title="Кружки робототехники в сельских домах культуры",
        author="member",
        municipality="Козельский район",
        sphere="young-talents",
        to=None,
        problem="Сельские школьники не могут заниматься техническим творчеством.",
        proposal="Передать домам культуры наборы конструкторов и обучить руководителей кружков.",
        supporters=3,
    ),
)


def _supporters(ctx: DemoContext, count: int) -> list[User]:
    """Demo residents who support ideas (no login: the password is unusable)."""
    people = list(User.objects.filter(email__startswith="supporter-", is_demo=True).order_by("pk"))
    for number in range(len(people), count):
        people.append(
            User.objects.create_user(
                email=f"supporter-{number + 1}@demo.nko-cluster.ru",
                password=None,
                full_name=f"{ctx.rng.choice(FIRST_NAMES)} {ctx.rng.choice(LAST_NAMES)}",
                is_demo=True,
            )
        )
    return people[:count]


def _build(ctx: DemoContext, spec: DemoIdea) -> Idea | None:
    if Idea.objects.filter(title=spec.title).exists():
        return None
    municipality = Municipality.objects.filter(name=spec.municipality).first()
    sphere = Sphere.objects.filter(code=spec.sphere).first()
    if municipality is None or sphere is None:
        return None
    addressee = ctx.organizations.get(spec.to) if spec.to else None
    idea = services.idea_propose(
        actor=ctx.users[spec.author],
        title=spec.title,
        problem=spec.problem,
        proposal=spec.proposal,
        municipality=municipality,
        sphere=sphere,
        addressee=addressee,
    )
    count = settings.IDEAS_APPEAL_THRESHOLD + 3 if spec.supporters < 0 else spec.supporters
    for person in _supporters(ctx, count):
        services.idea_support(actor=person, idea=idea)
    for key, text in spec.comments:
        services.comment_add(actor=ctx.users[key], idea=idea, text=text)
    official = ctx.users["official" if spec.to == "ministry" else "official2"]
    deciding = official if addressee is not None else ctx.users["operator"]
    for status, reason in spec.statuses:
        services.idea_set_status(actor=deciding, idea=idea, status=status, reason=reason)
    return idea


def _answer(ctx: DemoContext, idea: Idea) -> None:
    """The ministry registers the appeal the idea became, answers it and takes the idea under review."""
    idea.refresh_from_db()
    if idea.appeal is None:
        return
    official = ctx.users["official"]
    reception.appeal_register(actor=official, appeal=idea.appeal)
    reception.appeal_answer(
        actor=official,
        appeal=idea.appeal,
        text=(
            "Министерство включило поликлинику №2 в программу «Доступная среда»: пандус и кнопка "
            "вызова будут установлены до 1 июня. До этого маломобильных пациентов принимают в "
            "кабинете 104 на первом этаже по записи через регистратуру."
        ),
    )
    services.idea_set_status(
        actor=official, idea=idea, status=S.ACCEPTED, reason="Работы запланированы, см. ответ."
    )


def _hide_spam(ctx: DemoContext, idea: Idea) -> None:
    spammer = _supporters(ctx, 1)[0]
    comment = services.comment_add(
        actor=spammer, idea=idea, text="Пандусы недорого от производителя, звоните!"
    )
    services.comment_hide(
        actor=ctx.users["operator"], comment=comment, reason="Реклама, не относится к идее."
    )


def load(ctx: DemoContext) -> None:
    built: list[Any] = [_build(ctx, spec) for spec in IDEAS]
    first = built[0]
    if first is not None:
        _answer(ctx, first)
        _hide_spam(ctx, first)
