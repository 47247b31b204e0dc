"""Demo figures for the dashboard and the report: a year of regional subsidies (100 recipients,
15 300 000 ₽ in 2021, and 2020 to compare with), five years of the Fund's results for the region
(117 applications, 45 supported: 38,5 %) beside a comparison region, and media figures by month."""

import datetime
import random
from decimal import Decimal

from django.utils import timezone

from nkohub.analytics import services
from nkohub.core.demo_context import DemoContext
from nkohub.core.identifiers import make_inn_legal
from nkohub.grants import selectors as grants_selectors
from nkohub.grants import services as grants_services

SOURCE = "Демо: приказ министерства экономического развития о предоставлении субсидий СО НКО"
DIRECTIONS = (
    ("Социальная поддержка и защита граждан", "Социальное обслуживание"),
    ("Охрана здоровья и пропаганда здорового образа жизни", "Здравоохранение"),
    ("Поддержка семьи, материнства и детства", "Социальное обслуживание"),
    ("Развитие культуры и искусства", "Культура"),
    ("Патриотическое воспитание", "Образование"),
    ("Охрана окружающей среды", "Экология"),
)
NAMES = (
    "Благотворительный фонд «Добрые руки»",
    "АНО «Центр семейной поддержки»",
    "Региональная общественная организация «Здоровое поколение»",
    "АНО «Открытая культура»",
    "Местная общественная организация «Ветераны Калуги»",
    "АНО «Зелёный край»",
    "Фонд «Наследие»",
    "АНО «Равные возможности»",
    "Общественная организация «Милосердие»",
    "АНО «Школа волонтёров»",
)
# the Fund's results for the cluster region by year: 117 applications, 45 supported in all
FUND_YEARS = (
    (2017, 18, 6, 9_800_000),
    (2018, 21, 8, 14_200_000),
    (2019, 23, 9, 16_900_000),
    (2020, 25, 10, 19_300_000),
    (2021, 30, 12, 24_600_000),
)
COMPARISON_YEARS = (
    (2017, 240, 25),
    (2018, 262, 28),
    (2019, 281, 30),
    (2020, 290, 32),
    (2021, 305, 34),
)


def _amounts(rng: random.Random, count: int, total: int) -> list[Decimal]:
    """`count` amounts in thousands of rubles that add up to exactly `total`."""
    weights = [rng.uniform(0.3, 3.0) for _ in range(count)]
    scale = total / sum(weights)
    amounts = [int(w * scale / 1000) * 1000 for w in weights[:-1]]
    amounts.append(total - sum(amounts))
    return [Decimal(a) for a in amounts]


def _subsidies(rng: random.Random, year: int, count: int, total: int, actor: object) -> None:
    for index, amount in enumerate(_amounts(rng, count, total)):
        direction, sphere = DIRECTIONS[index % len(DIRECTIONS)]
        name = NAMES[index % len(NAMES)]
        services.subsidy_record(
            actor=actor,  # type: ignore[arg-type]
            recipient=f"{name} № {index + 1}",
            inn=make_inn_legal(rng),
            direction=direction,
            sphere=sphere,
            amount=amount,
            year=year,
            source=SOURCE,
            source_date=datetime.date(year, 3, 15),
        )


def load(ctx: DemoContext) -> None:
    actor = ctx.users.get("operator")
    rng = random.Random(19_2021)
    if not services.Subsidy.objects.filter(year=2021).exists():
        _subsidies(rng, 2021, 100, 15_300_000, actor)
        _subsidies(rng, 2020, 88, 13_100_000, actor)
    own = grants_selectors.region_by_text("40")
    other = grants_selectors.region_by_text("31")
    funder = grants_selectors.funder_by_text("pfg")
    if own is not None and funder is not None:
        for year, applications, winners, amount in FUND_YEARS:
            grants_services.fund_result_record(
                actor=actor,
                region=own,
                funder=funder,
                year=year,
                applications=applications,
                winners=winners,
                amount=Decimal(amount),
                source="Демо: открытые данные Фонда президентских грантов",
                source_date=datetime.date(year + 1, 1, 20),
            )
    if other is not None and funder is not None:
        for year, applications, winners in COMPARISON_YEARS:
            grants_services.fund_result_record(
                actor=actor,
                region=other,
                funder=funder,
                year=year,
                applications=applications,
                winners=winners,
                source="Демо: открытые данные Фонда президентских грантов",
                source_date=datetime.date(year + 1, 1, 20),
            )
    today = timezone.localdate()
    months = [(2021, month) for month in range(1, 13)]
    first = today.replace(day=1)
    for back in range(12):
        month = first.month - back
        year = first.year + (month - 1) // 12
        months.append((year, (month - 1) % 12 + 1))
    for year, month in sorted(set(months)):
        services.media_figure_record(
            actor=actor,
            year=year,
            month=month,
            rating_place=rng.randint(18, 34),
            publications=rng.randint(40, 120),
            mentions=rng.randint(90, 260),
            source="Демо: медиарейтинг НКО (Медиалогия) и мониторинг упоминаний",
            source_date=datetime.date(year, month, 28),
        )
