"""Reference data of the grants app: the federal grant operators (idempotent).

Regional, municipal and private funders differ by deployment and are added by operators in the
admin; the demo adds a few.
"""

from django.db import transaction

from nkohub.grants.models import Funder

FEDERAL_FUNDERS = [
    # code, name, short name, website
    ("pfg", "Фонд президентских грантов", "ФПГ", "https://президентскиегранты.рф"),
    (
        "pfci",
        "Президентский фонд культурных инициатив",
        "ПФКИ",
        "https://фондкультурныхинициатив.рф",
    ),
]


def federal_funder(code: str) -> Funder:
    """The federal funder with this code, created from the reference list if missing."""
    position, (_code, name, short_name, website) = next(
        (n, item) for n, item in enumerate(FEDERAL_FUNDERS, start=1) if item[0] == code
    )
    funder, _created = Funder.objects.get_or_create(
        code=code,
        defaults={
            "name": name,
            "short_name": short_name,
            "website": website,
            "kind": Funder.Kind.FEDERAL_FUND,
            "position": position,
        },
    )
    return funder


@transaction.atomic
def load() -> str:
    created = 0
    for code, *_rest in FEDERAL_FUNDERS:
        existed = Funder.objects.filter(code=code).exists()
        federal_funder(code)
        created += not existed
    return f"грантодатели: создано {created}"
