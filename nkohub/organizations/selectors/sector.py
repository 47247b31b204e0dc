"""The sector in numbers: the registry's organisations counted by sphere, legal form, municipality,
year of registration and verification (the dashboard and the sector report read these).

Each count is one GROUP BY over the rows the directory shows for `?kind=<kind>` (published,
liquidated included), so the totals agree with `registry_count`."""

from dataclasses import dataclass

from django.db.models import Count, QuerySet
from django.db.models.functions import Coalesce, ExtractYear

from nkohub.organizations.models import Organization
from nkohub.organizations.selectors.common import published_organizations


@dataclass(frozen=True)
class CountRow:
    label: str
    count: int


def _of_kind(kind: str) -> QuerySet[Organization]:
    return published_organizations().filter(kind=kind)


def _rows(pairs: list[tuple[object, int]], unknown: str) -> list[CountRow]:
    rows = [CountRow(label=str(label) if label else unknown, count=n) for label, n in pairs]
    return sorted(rows, key=lambda row: (-row.count, row.label))


def count_by_sphere(*, kind: str = Organization.Kind.NGO) -> list[CountRow]:
    """Organisations per sphere (an organisation of several spheres counts in each)."""
    pairs = (
        _of_kind(kind)
        .filter(spheres__isnull=False)
        .values_list("spheres__name")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return _rows(list(pairs), "")


def count_by_legal_form(*, kind: str = Organization.Kind.NGO) -> list[CountRow]:
    pairs = _of_kind(kind).values_list("legal_form__name").annotate(n=Count("pk")).order_by()
    return _rows(list(pairs), "не указана")


def count_by_municipality(*, kind: str = Organization.Kind.NGO) -> list[CountRow]:
    pairs = _of_kind(kind).values_list("municipality__name").annotate(n=Count("pk")).order_by()
    return _rows(list(pairs), "не указан")


def count_by_registration_year(*, kind: str = Organization.Kind.NGO) -> list[tuple[int, int]]:
    """(year, organisations registered that year), oldest first; unknown dates left out."""
    pairs = (
        _of_kind(kind)
        .annotate(year=ExtractYear(Coalesce("registration_date", "state_registration_date")))
        .filter(year__isnull=False)
        .values_list("year")
        .annotate(n=Count("pk"))
        .order_by("year")
    )
    return [(int(year), n) for year, n in pairs]


def count_verified(*, kind: str = Organization.Kind.NGO) -> tuple[int, int]:
    """(verified by an operator, not verified)."""
    pairs = dict(_of_kind(kind).values_list("is_verified").annotate(n=Count("pk")).order_by())
    return pairs.get(True, 0), pairs.get(False, 0)
