"""Reference data of the surveys: the sixteen problem zones of the sector's needs research (in the order
the Smolensk interviews named them), the groups that must act and the platform's tools, with the
strategic session's first mapping (the operator changes it on the zones page). Idempotent: an existing
zone keeps the mapping the operator gave it."""

from django.db import transaction

from nkohub.surveys.models import Actor, ProblemZone, Tool

ACTORS = (
    ("administration", "Региональная и местная власть"),
    ("experts", "Внешние эксперты"),
    ("business", "Бизнес"),
    ("media", "СМИ"),
)

TOOLS = (
    ("courses", "Курсы", "learning:index"),
    ("library", "Библиотека материалов", "learning:library"),
    ("resources", "Банк ресурсов", "resources:catalogue"),
    ("fair", "Ярмарка проектов", "projects:fair"),
    ("grants", "Календарь конкурсов", "grants:calendar"),
    ("reception", "Приёмная", "reception:public"),
    ("consultations", "Консультации", "consultations:index"),
    ("events", "События", "events:index"),
    ("news", "Новости и СМИ", "news:index"),
    ("ideas", "Банк идей", "ideas:index"),
    ("volunteering", "Волонтёры и партнёрства", "volunteering:index"),
)

# code, title, groups that must act, tools that answer it
ZONES = (
    (
        "money",
        "Недостаток финансирования",
        ("administration", "business"),
        ("grants", "fair", "courses"),
    ),
    ("media", "Мало освещения в СМИ, нет доступа к СМИ", ("media",), ("news",)),
    (
        "public-interest",
        "Низкий интерес общества и благополучателей",
        ("media",),
        ("news", "events", "volunteering"),
    ),
    ("authorities", "Слабая поддержка местной власти", ("administration",), ("reception", "ideas")),
    ("sponsors", "Низкий интерес спонсоров и бизнеса", ("business",), ("fair", "resources")),
    ("transport", "Транспорт", ("business",), ("resources",)),
    ("premises", "Помещения", ("administration", "business"), ("resources",)),
    ("burnout", "Выгорание руководителей и сотрудников", ("experts",), ("consultations", "events")),
    (
        "information",
        "Недостаток информации, нужной для работы",
        ("experts",),
        ("news", "library", "events"),
    ),
    (
        "leaders-skills",
        "Недостаток знаний и навыков у руководителей",
        ("experts",),
        ("courses", "consultations"),
    ),
    (
        "staff-skills",
        "Недостаток знаний и навыков у сотрудников",
        ("experts",),
        ("courses", "library"),
    ),
    ("staff-inertia", "Инертность сотрудников", ("experts",), ("courses", "events")),
    (
        "no-time",
        "Не хватает времени на всё задуманное",
        ("experts",),
        ("volunteering", "resources"),
    ),
    (
        "specialists",
        "Мало специалистов",
        ("experts",),
        ("consultations", "volunteering", "resources"),
    ),
    ("results", "Нет значимых результатов", ("experts",), ("courses", "consultations")),
    ("communications", "Коммуникации", ("business",), ("events", "volunteering")),
)


@transaction.atomic
def load() -> str:
    actors = {}
    for position, (code, title) in enumerate(ACTORS, start=1):
        actors[code], _ = Actor.objects.update_or_create(
            code=code, defaults={"title": title, "position": position}
        )
    tools = {}
    for position, (code, title, url_name) in enumerate(TOOLS, start=1):
        tools[code], _ = Tool.objects.update_or_create(
            code=code, defaults={"title": title, "url_name": url_name, "position": position}
        )
    created = 0
    for position, (code, title, acting, answering) in enumerate(ZONES, start=1):
        zone, was_created = ProblemZone.objects.get_or_create(
            code=code, defaults={"title": title, "position": position}
        )
        if was_created:
            zone.actors.set([actors[a] for a in acting])
            zone.tools.set([tools[t] for t in answering])
            created += 1
    return f"проблемные зоны опросов: создано {created}"
