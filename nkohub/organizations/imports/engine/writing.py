"""Writing matched rows: the ORM path (SQLite), the row-by-row fallback, spheres, the search
index's bulk-load mode. PostgreSQL's bulk path is `bulk.BulkBatch`."""

import functools
from collections.abc import Callable
from typing import Any

from django.db import DatabaseError, DataError, IntegrityError, connection, transaction
from django.db.models.base import ModelState
from django.utils import timezone

try:
    from psycopg.errors import DataError as PsycopgDataError
    from psycopg.errors import IntegrityError as PsycopgIntegrityError
except ImportError:  # pragma: no cover — SQLite-only installs
    PsycopgIntegrityError = IntegrityError  # type: ignore[misc,assignment]
    PsycopgDataError = DataError  # type: ignore[misc,assignment]

from nkohub.organizations.imports.engine.report import ImportResult
from nkohub.organizations.imports.validation import Candidate, Problem
from nkohub.organizations.models import Organization, Sphere

BULK_LOAD_ROWS = 500  # new rows in one batch from which the search index's pending list is used
SEARCH_INDEX = "organization_search_vector"
# what the database refuses of a batch (a CHECK, a unique key taken meanwhile, a value too long):
# the batch is then retried row by row
REFUSED = (IntegrityError, DataError, PsycopgIntegrityError, PsycopgDataError)
TAKEN = "ИНН или ОГРН уже есть в реестре у другой организации"

New = list[tuple[Candidate, Organization]]
Changed = list[tuple[Candidate, Organization, list[str]]]


@functools.cache
def _blank_organization() -> dict[str, Any]:
    """Every column's default, by attribute name (what `Organization()` would set)."""
    return {f.attname: f.get_default() for f in Organization._meta.concrete_fields}


def new_organization(data: dict[str, Any]) -> Organization:
    """`Organization(**data, is_published=True)` without the model constructor's per-field work.

    Only plain values: the defaults are those of `_blank_organization`, mutable ones made afresh.
    """
    organization = Organization.__new__(Organization)
    values = organization.__dict__
    values.update(_blank_organization())
    values["social_links"] = []
    values.update(data)
    values["is_published"] = True
    organization._state = ModelState()
    return organization


def write_orm(new: New, changed: Changed, result: ImportResult) -> None:
    """One batch through the ORM, in one transaction (SQLite)."""
    with transaction.atomic():
        Organization.objects.bulk_create([o for _, o in new], batch_size=1000)
        if changed:
            names = sorted(
                {f for _, _, fields in changed for f in fields} | {"search_text", "updated_at"}
            )
            now = timezone.now()
            for _, organization, _fields in changed:
                organization.updated_at = now
            Organization.objects.bulk_update([o for _, o, _ in changed], names, batch_size=1000)
        set_spheres(
            [(c.spheres, o.pk) for c, o in new] + [(c.spheres, o.pk) for c, o, _ in changed]
        )
    for candidate, organization in new:
        result.created_one(candidate.line, organization.full_name)
    for candidate, organization, fields in changed:
        result.updated_one(candidate.line, organization.full_name, fields)


def write_one_by_one(
    new: New, changed: Changed, result: ImportResult, problem: Callable[[Problem], None]
) -> None:
    """A batch the database refused as a whole: each row in its own savepoint, so that only the
    row at fault is reported and the others go in."""
    for candidate, organization in new:
        organization.pk = None
        try:
            with transaction.atomic():
                organization.save(force_insert=True)
                set_spheres([(candidate.spheres, organization.pk)])
        except REFUSED:
            problem(Problem(candidate.line, TAKEN))
            continue
        result.created_one(candidate.line, organization.full_name)
    for candidate, organization, fields in changed:
        try:
            with transaction.atomic():
                organization.save()
                set_spheres([(candidate.spheres, organization.pk)])
        except REFUSED:
            problem(Problem(candidate.line, TAKEN))
            continue
        result.updated_one(candidate.line, organization.full_name, fields)


def set_spheres(pairs: list[tuple[list[str], Any]]) -> None:
    """Link each organisation (by id) with the spheres of its row; links already there stay."""
    through = Organization.spheres.through
    wanted = [(pk, code) for codes, pk in pairs for code in codes]
    if not wanted:
        return
    sphere_ids = dict(Sphere.objects.values_list("code", "pk"))
    through.objects.bulk_create(
        [through(organization_id=pk, sphere_id=sphere_ids[code]) for pk, code in wanted],
        ignore_conflicts=True,
    )


def start_bulk_load() -> bool:
    """PostgreSQL, a file of many new organisations: let the full-text index take them in its
    pending list (one sorted merge at the end instead of an in-place update per row).

    Migration 0003 keeps the list off for the searches' sake; `end_bulk_load` turns it off
    again and merges it, so searches after the import read no pending list. While the import
    runs, searches may read it (bounded by `gin_pending_list_limit`). Only when the index is
    as the migration left it, and never waiting long for its lock. True when it was turned on.
    """
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reloptions FROM pg_class WHERE relname = %s AND relkind = 'i'", [SEARCH_INDEX]
        )
        row = cursor.fetchone()
        if not row or "fastupdate=off" not in (row[0] or []):
            return False
        try:
            with transaction.atomic():
                cursor.execute("SET LOCAL lock_timeout = '2s'")
                cursor.execute(f"ALTER INDEX {SEARCH_INDEX} SET (fastupdate = on)")
        except DatabaseError:
            return False
    return True


def end_bulk_load() -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"ALTER INDEX {SEARCH_INDEX} SET (fastupdate = off)")
        cursor.execute("SELECT gin_clean_pending_list(%s::regclass)", [SEARCH_INDEX])
