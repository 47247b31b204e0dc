"""Facet counts of the directory and the choices of its filters."""

import hashlib
from dataclasses import dataclass
from typing import Any, cast

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Max
from django.db.models.functions import Coalesce
from django.utils.translation import gettext

from nkohub.organizations.models import (
    LegalForm,
    Organization,
    Sphere,
)
from nkohub.organizations.selectors.common import DirectoryQuery
from nkohub.organizations.selectors.directory import _filtered


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


def directory_facets(query: DirectoryQuery) -> dict[str, list[FacetValue]]:
    """Counts next to each filter value: for each filter, the rows matching all the *other* filters."""
    newest = Organization.objects.aggregate(newest=Max("pk"))[
        "newest"
    ]  # a new row refreshes the counts
    key = (
        f"organizations:facets:v2:{newest}:"  # v2: values carry their parameter
        + hashlib.md5(repr(query).encode(), usedforsecurity=False).hexdigest()
    )
    cached = cache.get(key) if settings.DATABASE_IS_POSTGRES else None
    if cached is not None:
        return cached
    facets: dict[str, list[FacetValue]] = {}

    kinds = dict(Organization.Kind.choices)
    rows = cast(
        Any,
        _filtered(query, without="kind")
        .order_by()
        .values("kind")
        .annotate(n=Count("pk", distinct=True)),
    )
    facets["kind"] = sorted(
        (
            FacetValue(
                "kind",
                r["kind"],
                str(kinds.get(r["kind"], r["kind"])),
                r["n"],
                r["kind"] == query.kind,
            )
            for r in rows
        ),
        key=lambda v: -v.count,
    )

    rows = cast(
        Any,
        _filtered(query, without="sphere")
        .filter(spheres__isnull=False)
        .order_by()
        .values("spheres__code", "spheres__name", "spheres__position")
        .annotate(n=Count("pk", distinct=True)),
    )
    facets["sphere"] = [
        FacetValue(
            "sphere",
            r["spheres__code"],
            r["spheres__name"],
            r["n"],
            r["spheres__code"] == query.sphere,
        )
        for r in sorted(rows, key=lambda r: (r["spheres__position"], r["spheres__name"]))
    ]

    # the registers of the Ministry of Justice: shown once the registry holds more than one
    registers = dict(Organization.Register.choices)
    rows = cast(
        Any,
        _filtered(query, without="register")
        .order_by()
        .values("register")
        .annotate(n=Count("pk", distinct=True)),
    )
    register_values = [
        FacetValue(
            "register",
            r["register"],
            str(registers.get(r["register"], r["register"])),
            r["n"],
            r["register"] == query.register,
        )
        for r in sorted(rows, key=lambda r: list(registers).index(r["register"]))
    ]
    facets["register"] = register_values if len(register_values) > 1 or query.register else []

    rows = cast(
        Any,
        _filtered(query, without="legal_form")
        .filter(legal_form__isnull=False)
        .order_by()
        .values("legal_form_id", "legal_form__name")
        .annotate(n=Count("pk", distinct=True)),
    )
    facets["legal_form"] = sorted(
        (
            FacetValue(
                "legal_form",
                str(r["legal_form_id"]),
                r["legal_form__name"],
                r["n"],
                r["legal_form_id"] == query.legal_form,
            )
            for r in rows
        ),
        key=lambda v: (-v.count, v.label),
    )

    rows = cast(
        Any,
        _filtered(query, without="municipality")
        .filter(municipality__isnull=False)
        .order_by()
        .values("municipality_id", "municipality__name")
        .annotate(n=Count("pk", distinct=True)),
    )
    facets["municipality"] = sorted(
        (
            FacetValue(
                "municipality",
                str(r["municipality_id"]),
                r["municipality__name"],
                r["n"],
                r["municipality_id"] == query.municipality,
            )
            for r in rows
        ),
        key=lambda v: v.label,
    )

    verified = (
        _filtered(query, without="verified")
        .filter(is_verified=True)
        .order_by()
        .aggregate(n=Coalesce(Count("pk", distinct=True), 0))["n"]
    )
    facets["verified"] = (
        [FacetValue("verified", "1", gettext("only verified"), verified, query.verified)]
        if verified or query.verified
        else []
    )
    if settings.DATABASE_IS_POSTGRES:  # counts of a big registry: a minute old is fine
        cache.set(key, facets, 60)
    return facets


def filter_choices() -> dict[str, Any]:
    """Every value a filter may take (for validating the query string)."""
    return {
        "spheres": list(Sphere.objects.values_list("code", flat=True)),
        "legal_forms": list(LegalForm.objects.values_list("pk", flat=True)),
    }


# --- profile, members, claims, invitations, imports ---------------------------------------------
