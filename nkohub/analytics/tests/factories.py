import datetime
import random
from decimal import Decimal

import factory

from nkohub.analytics.models import MediaFigure, Subsidy
from nkohub.core.identifiers import make_inn_legal

_rng = random.Random(19)


class SubsidyFactory(factory.django.DjangoModelFactory[Subsidy]):
    class Meta:
        model = Subsidy

    recipient = factory.Sequence(lambda n: f"АНО «Получатель {n}»")
    inn = factory.LazyFunction(lambda: make_inn_legal(_rng))
    direction = "Социальная поддержка и защита граждан"
    sphere = "Социальное обслуживание"
    amount = Decimal("153000.00")
    year = 2021
    source = "Приказ министерства № 1"
    source_date = datetime.date(2021, 3, 15)


class MediaFigureFactory(factory.django.DjangoModelFactory[MediaFigure]):
    class Meta:
        model = MediaFigure

    year = 2021
    month = 1
    rating_place = 25
    publications = 50
    mentions = 120
    source = "Медиарейтинг"


def subsidies_totalling(total: int, count: int, year: int = 2021) -> list[Subsidy]:
    """`count` recipients whose subsidies add up to exactly `total` rubles."""
    each = total // count
    made = [SubsidyFactory.create(amount=Decimal(each), year=year) for _ in range(count - 1)]
    made.append(SubsidyFactory.create(amount=Decimal(total - each * (count - 1)), year=year))
    return made
