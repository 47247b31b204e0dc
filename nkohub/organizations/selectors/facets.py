"""Facet counts of the directory and the choices of its filters."""

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast

from django.core.cache import cache
from django.utils.translation import gettext

from nkohub.core.db_router import read_connection
from nkohub.organizations.models import (
    LegalForm,
    Organization,
    Sphere,
)
from nkohub.organizations.selectors.common import DirectoryQuery, registry_stamp
from nkohub.organizations.selectors.directory import _filtered
from nkohub.territories.models import Municipality


@dataclass
class FacetValue:
    """One value of a filter with its count; `toggle` is the change to the query string that selects
    it (or, when selected, removes it), back to the first page: `{% querystring request.GET value.toggle %}`."""

    param: str
    value: str
    label: str
    count: int
    selected: bool

    @property
    def toggle(self) -> dict[str, str | None]:
        return {self.param: None if self.selected else self.value, "page": None}


@dataclass(frozen=True)
class Facet:
    """One filter of the directory and how its values are counted: `sql` selects (value, label,
    position, count) from `{rows}`, the organisations matching every *other* filter (their id, kind,
    register, legal_form_id, municipality_id, is_verified), with the tables it joins in braces."""

    param: str
    sql: str
    order: Callable[[FacetValue, int], Any]  # the sort key of a value (and its position)
    label: Callable[[str, str], str] = lambda value, label: label
    shown: Callable[[list[FacetValue], DirectoryQuery], bool] = lambda values, query: bool(values)


def _choice_label(choices: Any) -> Callable[[str, str], str]:
    return lambda value, _label: str(dict(choices).get(value, value))


FACETS = (
    Facet(
        "kind",
        "SELECT r.kind, '', 0, COUNT(*) FROM {rows} r GROUP BY r.kind",
        order=lambda v, _position: -v.count,
        label=_choice_label(Organization.Kind.choices),
    ),
    Facet(
        "sphere",
        "SELECT sp.code, sp.name, sp.position, COUNT(*) FROM {rows} r"
        " JOIN {through} t ON t.organization_id = r.id JOIN {sphere} sp ON sp.id = t.sphere_id"
        " GROUP BY sp.code, sp.name, sp.position",
        order=lambda v, position: (position, v.label),
    ),
    # the registers of the Ministry of Justice: shown once the registry holds more than one
    Facet(
        "register",
        "SELECT r.register, '', 0, COUNT(*) FROM {rows} r GROUP BY r.register",
        order=lambda v, _position: list(Organization.Register.values).index(v.value),
        label=_choice_label(Organization.Register.choices),
        shown=lambda values, query: len(values) > 1 or bool(query.register),
    ),
    Facet(
        "legal_form",
        "SELECT CAST(lf.id AS TEXT), lf.name, 0, COUNT(*) FROM {rows} r"
        " JOIN {legal_form} lf ON lf.id = r.legal_form_id GROUP BY lf.id, lf.name",
        order=lambda v, _position: (-v.count, v.label),
    ),
    Facet(
        "municipality",
        "SELECT CAST(m.id AS TEXT), m.name, 0, COUNT(*) FROM {rows} r"
        " JOIN {municipality} m ON m.id = r.municipality_id GROUP BY m.id, m.name",
        order=lambda v, _position: v.label,
    ),
    Facet(
        "verified",
        "SELECT '1', '', 0, COUNT(*) FROM {rows} r WHERE r.is_verified",
        order=lambda v, _position: 0,
        label=lambda _value, _label: gettext("only verified"),
        shown=lambda values, query: bool(values and values[0].count) or query.verified,
    ),
)
ROW_FIELDS = ("id", "kind", "register", "legal_form_id", "municipality_id", "is_verified")
FACETS_SECONDS = 60  # counts of a big registry: a minute old is fine (and any write renews them)


def _selected_value(query: DirectoryQuery, param: str) -> str:
    value = getattr(query, param)
    if value in (None, "", False):
        return ""
    return "1" if value is True else str(value)


def _facets_sql(query: DirectoryQuery) -> tuple[str, list[Any]]:
    """One statement for every facet: the rows of each distinct "every other filter" set once (a
    CTE; the facets of the filters not in use share the query's own rows), a GROUP BY per facet."""
    sets: dict[str, str] = {}  # `without` → the CTE's name
    ctes: list[str] = []
    selects: list[str] = []
    params: list[Any] = []
    facet_params: list[Any] = []
    tables = {
        "through": Organization.spheres.through._meta.db_table,
        "sphere": Sphere._meta.db_table,
        "legal_form": LegalForm._meta.db_table,
        "municipality": Municipality._meta.db_table,
    }
    materialized = "MATERIALIZED " if read_connection(Organization).vendor == "postgresql" else ""
    for facet in FACETS:
        without = facet.param if _selected_value(query, facet.param) else ""
        if without not in sets:
            sets[without] = f"facet_rows_{len(sets)}"
            rows = _filtered(query, without=without).order_by().values(*ROW_FIELDS)
            sql, row_params = rows.query.sql_with_params()
            ctes.append(f"{sets[without]} AS {materialized}({sql})")
            params.extend(row_params)
        branch = facet.sql.format(rows=sets[without], **tables)
        # only FACETS' constant SQL and the models' table names are spliced in; values are parameters
        selects.append("SELECT %s, v.* FROM (" + branch + ") v")  # noqa: S608
        facet_params.append(facet.param)
    return "WITH " + ", ".join(ctes) + " " + " UNION ALL ".join(selects), params + facet_params


def directory_facets(
    query: DirectoryQuery, *, stamp: str | None = None
) -> dict[str, list[FacetValue]]:
    """Counts next to each filter value: for each filter, the rows matching all the *other* filters.
    One query for all of them, cached until the registry changes (`registry_stamp`, which the page
    may pass when it has read it already) or FACETS_SECONDS pass."""
    stamp = stamp if stamp is not None else registry_stamp()
    digest = hashlib.md5(repr((query, stamp)).encode(), usedforsecurity=False).hexdigest()
    key = "organizations:facets:v3:" + digest
    cached = cache.get(key)
    if cached is not None:
        return cast(dict[str, list[FacetValue]], cached)
    return _computed_facets(query, key)


def _computed_facets(query: DirectoryQuery, key: str | None = None) -> dict[str, list[FacetValue]]:
    sql, params = _facets_sql(query)
    with read_connection(Organization).cursor() as cursor:  # the replica, on heavy pages
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    by_param: dict[str, list[tuple[FacetValue, int]]] = {facet.param: [] for facet in FACETS}
    facets_by_param = {facet.param: facet for facet in FACETS}
    for param, value, label, position, count in rows:
        facet = facets_by_param[param]
        selected = _selected_value(query, param)
        item = FacetValue(param, str(value), facet.label(str(value), label), count, False)
        item.selected = bool(selected) and item.value == selected
        by_param[param].append((item, position))
    facets = {}
    for facet in FACETS:
        values = [v for v, _ in sorted(by_param[facet.param], key=lambda p: facet.order(*p))]
        facets[facet.param] = values if facet.shown(values, query) else []
    if key is not None:
        cache.set(key, facets, FACETS_SECONDS)
    return facets


def filter_choices() -> dict[str, Any]:
    """Every value a filter may take (for validating the query string)."""
    return {
        "spheres": list(Sphere.objects.values_list("code", flat=True)),
        "legal_forms": list(LegalForm.objects.values_list("pk", flat=True)),
    }


# --- profile, members, claims, invitations, imports ---------------------------------------------
