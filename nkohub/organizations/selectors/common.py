"""Shared pieces of the registry's reads: the directory query, its constants, the registry itself."""

import re
from dataclasses import dataclass, field, replace
from typing import Any

from django.db import connection
from django.db.models import Max, Q, QuerySet

from nkohub.organizations.models import (
    Organization,
)

IDENTIFIER_RE = re.compile(r"^\d{10}$|^\d{12}$|^\d{13}$")
COUNT_LIMIT = 1000  # a broader search shows "more than 1 000" instead of counting every match
SEARCH_CANDIDATES = (
    COUNT_LIMIT + 1
)  # matches a PostgreSQL search takes to count (not to rank: all are)
SORTS = ("relevance", "name", "-registration_date", "-created_at")


@dataclass(frozen=True)
class DirectoryQuery:
    """What the person asked the directory: a search string, filters and a sort order."""

    q: str = ""
    kind: str = ""
    sphere: str = ""
    register: str = ""
    legal_form: int | None = None
    municipality: int | None = None
    verified: bool = False
    sort: str = ""
    any_word: bool = field(default=False, compare=False)

    @property
    def effective_sort(self) -> str:
        if self.sort in SORTS and not (self.sort == "relevance" and not self.q.strip()):
            return self.sort
        return "relevance" if self.q.strip() else "name"

    @property
    def is_filtered(self) -> bool:
        return bool(
            self.q.strip()
            or self.kind
            or self.sphere
            or self.register
            or self.legal_form
            or self.municipality
            or self.verified
        )


def published_organizations() -> QuerySet[Organization]:
    return Organization.objects.filter(is_published=True)


def organization_by_identifier(q: str) -> Organization | None:
    """An exact INN (10 or 12 digits) or OGRN (13 digits) goes straight to its organisation."""
    value = "".join(q.split())
    if not IDENTIFIER_RE.match(value):
        return None
    lookup = Q(ogrn=value) if len(value) == 13 else Q(inn=value)
    return published_organizations().filter(lookup).only("pk").first()


def registry_stamp() -> str:
    """What changes with any write to the registry: its newest id and latest change (two index
    lookups). The directory's cached counts and fragments are kept under it; a deletion alone is
    seen when they expire (a minute)."""
    stamp = Organization.objects.aggregate(newest=Max("pk"), changed=Max("updated_at"))
    changed = stamp["changed"].isoformat() if stamp["changed"] else ""
    return f"{stamp['newest']}:{changed}"


def _is_postgres() -> bool:
    return connection.vendor == "postgresql"


def directory_query_changed(query: DirectoryQuery, **changes: Any) -> DirectoryQuery:
    return replace(query, **changes)
