"""The sector in numbers: the registry's organisations counted by sphere, legal form, municipality,
year of registration and verification (the dashboard and the sector report read these).

Each count is one GROUP BY over the rows the directory shows for `?kind=<kind>` (published,
liquidated included), so the totals agree with `registry_count`."""

from dataclasses import dataclass

from django.db.models import Count, QuerySet
from django.db.models.functions import Coalesce, ExtractYear

from nkohub.organizations.models import Organization
from nkohub.organizations.selectors.common import _is_postgres, published_organizations


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


@dataclass(frozen=True)
class SectorBreakdown:
    by_legal_form: list[CountRow]
    by_municipality: list[CountRow]
    by_year: list[tuple[int, int]]
    verified: int
    not_verified: int


# one pass over the registry groups it by every column at once (a few thousand groups); the four
# breakdowns are then summed from those groups
_GROUPING_SETS_SQL = """
WITH g AS (
    SELECT o.legal_form_id AS form, o.municipality_id AS place, {year} AS year,
           o.is_verified AS verified, COUNT(*) AS n
    FROM {organization} o
    WHERE o.is_published AND o.kind = %s
    GROUP BY 1, 2, 3, 4
)
SELECT GROUPING(lf.name), GROUPING(m.name), GROUPING(g.year), GROUPING(g.verified),
       lf.name, m.name, g.year, g.verified, SUM(g.n)::int
FROM g
LEFT JOIN {legal_form} lf ON lf.id = g.form
LEFT JOIN {municipality} m ON m.id = g.place
GROUP BY GROUPING SETS ((lf.name), (m.name), (g.year), (g.verified))
"""


def sector_breakdown(*, kind: str = Organization.Kind.NGO) -> SectorBreakdown:
    """The counts by legal form, municipality, year and verification together. On PostgreSQL one
    scan of the registry (GROUPING SETS) instead of four: the dashboard's cold cost at 200,000."""
    if not _is_postgres():
        verified, not_verified = count_verified(kind=kind)
        return SectorBreakdown(
            by_legal_form=count_by_legal_form(kind=kind),
            by_municipality=count_by_municipality(kind=kind),
            by_year=count_by_registration_year(kind=kind),
            verified=verified,
            not_verified=not_verified,
        )
    from django.db import connection

    from nkohub.territories.models import Municipality

    sql = _GROUPING_SETS_SQL.format(
        year="EXTRACT(YEAR FROM COALESCE(o.registration_date, o.state_registration_date))::int",
        organization=Organization._meta.db_table,
        legal_form=Organization._meta.get_field("legal_form").related_model._meta.db_table,
        municipality=Municipality._meta.db_table,
    )
    forms: list[tuple[object, int]] = []
    places: list[tuple[object, int]] = []
    years: list[tuple[int, int]] = []
    flags: dict[bool, int] = {}
    with connection.cursor() as cursor:
        cursor.execute(sql, [kind])
        for g_form, g_place, g_year, _g_flag, form, place, year, flag, n in cursor.fetchall():
            if not g_form:
                forms.append((form, n))
            elif not g_place:
                places.append((place, n))
            elif not g_year:
                if year is not None:
                    years.append((int(year), n))
            else:
                flags[bool(flag)] = n
    return SectorBreakdown(
        by_legal_form=_rows(forms, "не указана"),
        by_municipality=_rows(places, "не указан"),
        by_year=sorted(years),
        verified=flags.get(True, 0),
        not_verified=flags.get(False, 0),
    )
