"""Matching rows with the registry: by OGRN, then by INN; what an update would change.

The ORM path (SQLite, and dry runs) fetches the matches of a batch with two `IN` queries; the bulk
path (PostgreSQL) joins the staging table with the registry in one statement (`writing.BulkBatch`).
Either way a row whose OGRN points to one organisation and its INN to another is skipped.
"""

from typing import Any

from django.db import connection

from nkohub.organizations.imports.validation import Candidate
from nkohub.organizations.models import Organization
from nkohub.organizations.search import search_text_for

UPDATABLE = (
    "full_name", "short_name", "kpp", "legal_form_id", "municipality_id", "address", "registration_date",
    "register", "state_registration_number", "state_registration_date", "status", "website",
    "public_email", "public_phone", "description", "source_id",
)  # fmt: skip
COMPARED = (*UPDATABLE, "inn", "ogrn")  # the columns an import may change, in this order


def conflict_reason(candidate: Candidate) -> str:
    return f"ИНН {candidate.data['inn']} уже принадлежит другой организации реестра"


def apply(organization: Any, data: dict[str, Any]) -> list[str]:
    """Copy non-empty incoming values onto `organization` (a model instance or any object with
    the columns as attributes); empty cells never erase what the registry knows. The names of
    the fields that changed; the search text is recomputed when any did."""
    fields = []
    for name in COMPARED:
        value = data.get(name)
        if value in (None, ""):
            continue
        if getattr(organization, name) != value:
            setattr(organization, name, value)
            fields.append(name)
    if fields:
        organization.search_text = search_text_for(
            organization.full_name, organization.short_name, organization.description,
            organization.inn or "", organization.ogrn or "",
        )  # fmt: skip
    return fields


def any_known(candidates: list[Candidate]) -> bool:
    """PostgreSQL: one cheap probe (arrays, not a thousand parameters) before fetching matches."""
    if connection.vendor != "postgresql":
        return True
    ogrns = [c.data["ogrn"] for c in candidates if c.data["ogrn"]]
    inns = [c.data["inn"] for c in candidates if c.data["inn"]]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT EXISTS (SELECT 1 FROM organizations_organization WHERE ogrn = ANY(%s::text[]))"
            " OR EXISTS (SELECT 1 FROM organizations_organization WHERE inn = ANY(%s::text[]))",
            [ogrns, inns],
        )
        row = cursor.fetchone()
    return bool(row and row[0])


def known(
    candidates: list[Candidate],
) -> tuple[dict[str | None, Organization], dict[str | None, Organization]]:
    """The registry's organisations with the batch's OGRNs, and those with its INNs."""
    by_ogrn = {
        o.ogrn: o
        for o in Organization.objects.filter(
            ogrn__in=[c.data["ogrn"] for c in candidates if c.data["ogrn"]]
        )
    }
    by_inn = {
        o.inn: o
        for o in Organization.objects.filter(
            inn__in=[c.data["inn"] for c in candidates if c.data["inn"]]
        )
    }
    return by_ogrn, by_inn
