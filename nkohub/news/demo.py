"""Demo news of the demo organisations (two of them still waiting for the operator), the regional
newspaper «Калужские новости» as a media partner with pick-ups in work and published, and mentions found
in other media over the last months, so that the media-activity chart has something to show.

Built through the services; dates are then moved into the past (the demo shows a year of activity, the
services stamp «now»). Idempotent: an item is looked up by its organisation and title."""

import datetime as dt
import zlib
from typing import Any

from django.utils import timezone

from nkohub.core.demo_context import DemoContext
from nkohub.core.demo_images import cover_jpeg
from nkohub.news import services
from nkohub.news.models import Mention, NewsItem, Pickup
from nkohub.organizations.models import Organization

# organisation key, author key, days ago, title, text, photo, awaiting the operator
ITEMS: list[tuple[str, str, int, str, str, bool, bool]] = [
    (
        "ngo",
        "ngo_owner",
        3,
        "Сорок волонтёров помогли пожилым жителям Калуги подготовиться к зиме",
        "В субботу волонтёры АНО «Добрые соседи» утеплили окна и заменили лампы в квартирах "
        "**23 пожилых жителей** Калуги. Заявки собирали через городскую горячую линию.\n\n"
        "Следующая акция — 14 декабря; присоединиться может любой желающий.",
        True,
        False,
    ),
    (
        "ngo",
        "ngo_editor",
        24,
        "«Добрые соседи» запустили доставку продуктов в сёла Перемышльского района",
        "Раз в неделю машина с продуктами и лекарствами объезжает шесть сёл района. "
        "Маршрут согласован с администрацией, заказы принимают по телефону.",
        True,
        False,
    ),
    (
        "ngo",
        "ngo_owner",
        70,
        "Итоги года: 1 200 выездов к подопечным",
        "За год команда и волонтёры совершили 1 200 выездов к пожилым людям и семьям в трудной "
        "ситуации. Спасибо партнёрам и всем, кто помогал!",
        False,
        False,
    ),
    (
        "ngo2",
        "ngo2_owner",
        10,
        "Фонд «Калужский край» объявил конкурс сельских библиотечных проектов",
        "Библиотеки районов области могут подать заявку до 31 января. Победители получат "
        "до 150 000 рублей на книги, оборудование и просветительские программы.",
        True,
        False,
    ),
    (
        "ngo2",
        "ngo2_owner",
        130,
        "В Тарусе прошёл фестиваль детского чтения",
        "Более 300 детей и родителей пришли на фестиваль: мастер-классы, встречи с писателями, "
        "книжный обмен.",
        False,
        False,
    ),
    (
        "ngo2",
        "ngo2_owner",
        1,
        "Фонд ищет волонтёров для оцифровки архива районной газеты",
        "Нужны пять человек на два месяца: сканирование и описание выпусков 1960–1990 годов.",
        False,
        True,
    ),
    (
        "ngo",
        "ngo_editor",
        0,
        "Открыт набор в школу ухода за пожилыми родственниками",
        "Бесплатные занятия для семей: как организовать уход дома, где получить помощь, "
        "как не выгореть. Первое занятие — в январе.",
        False,
        True,
    ),
]

# item title → (days after the item the outlet took it, days after that it published, or None)
PICKUPS = {
    ITEMS[0][3]: (0, None),
    ITEMS[1][3]: (1, 2),
    ITEMS[2][3]: (2, 3),
    ITEMS[3][3]: (1, 1),
}

OUTLETS = ["Ника ТВ", "ГТРК «Калуга»", "Калужская неделя", "Весть", "Обнинск.Ньюс", "КП-Калуга"]


def _item(ctx: DemoContext, spec: tuple[str, str, int, str, str, bool, bool]) -> NewsItem | None:
    key, author, days_ago, title, body, photo, waiting = spec
    organization = ctx.organizations.get(key)
    if organization is None or author not in ctx.users:
        return None
    item = NewsItem.objects.filter(organization=organization, title=title).first()
    if item is not None:
        return item
    project = organization.projects.order_by("pk").first() if days_ago == 24 else None
    item = services.news_create(
        actor=ctx.users[author], organization=organization, title=title, body=body, project=project
    )
    when = timezone.now() - dt.timedelta(days=days_ago, hours=ctx.rng.randint(1, 9))
    if waiting:  # written while the organisation was not yet verified
        NewsItem.objects.filter(pk=item.pk).update(
            status=NewsItem.Status.PENDING, published_at=None, created_at=when, is_demo=True
        )
    else:
        NewsItem.objects.filter(pk=item.pk).update(published_at=when, created_at=when, is_demo=True)
    item.refresh_from_db()
    if photo:
        services.news_set_demo_photo(item=item, jpeg=cover_jpeg(zlib.crc32(title.encode())))
    return item


def _pickup(ctx: DemoContext, item: NewsItem, outlet: Organization) -> None:
    if item.title not in PICKUPS or Pickup.objects.filter(news=item, outlet=outlet).exists():
        return
    taken_after, published_after = PICKUPS[item.title]
    journalist = ctx.users["media"]
    pickup = services.pickup_take(actor=journalist, item=item, outlet=outlet)
    assert item.published_at is not None
    taken_at = item.published_at + dt.timedelta(days=taken_after, hours=2)
    Pickup.objects.filter(pk=pickup.pk).update(taken_at=min(taken_at, timezone.now()))
    if published_after is not None:
        pickup.refresh_from_db()
        published_on = min(
            timezone.localdate(taken_at + dt.timedelta(days=published_after)),
            timezone.localdate(),
        )
        services.pickup_mark_published(
            actor=journalist,
            pickup=pickup,
            publication_url=f"https://kaluga-news.example/novosti/{item.pk}",
            published_on=published_on,
        )


def _mentions(ctx: DemoContext) -> None:
    if Mention.objects.filter(is_demo=True).exists():
        return
    organizations: list[Any] = [
        ctx.organizations[k] for k in ("ngo", "ngo2") if k in ctx.organizations
    ]
    organizations += list(
        Organization.objects.filter(is_demo=True, kind=Organization.Kind.NGO, is_verified=True)
        .exclude(pk__in=[o.pk for o in organizations])
        .order_by("pk")[:6]
    )
    today = timezone.localdate()
    for number in range(18):
        organization = organizations[number % len(organizations)]
        published_on = today - dt.timedelta(days=ctx.rng.randint(0, 330))
        mention = services.mention_create(
            actor=ctx.users["operator"],
            organization=organization,
            url=f"https://smi-kaluga.example/{published_on:%Y/%m}/{number + 1}",
            outlet=OUTLETS[number % len(OUTLETS)],
            published_on=published_on,
            title=f"{organization.display_name}: о работе организации",
        )
        Mention.objects.filter(pk=mention.pk).update(is_demo=True)


def load(ctx: DemoContext) -> None:
    outlet = ctx.organizations.get("media")
    for spec in ITEMS:
        item = _item(ctx, spec)
        if item is not None and outlet is not None and item.is_published and "media" in ctx.users:
            _pickup(ctx, item, outlet)
    if "operator" in ctx.users:
        _mentions(ctx)
    if "media" in ctx.users:
        ctx.add_login(
            "СМИ",
            ctx.users["media"].email,
            "СМИ-партнёр «Калужские новости»: редакция новостей /news/desk/",
        )
