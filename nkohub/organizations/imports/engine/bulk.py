"""PostgreSQL's bulk path: a batch goes to a staging table through COPY, is matched with the
registry by one join, and is written by one `INSERT … SELECT … ON CONFLICT DO NOTHING` and one
`UPDATE … FROM`.

    COPY organizations_import_staging          ← every candidate of the batch (its line, its columns)
    SELECT … FROM staging LEFT JOIN registry a ON a.ogrn = s.ogrn LEFT JOIN registry b ON b.inn = s.inn
                                               → matches (and conflicts: OGRN → one, INN → another)
    INSERT INTO registry SELECT … FROM staging WHERE line = ANY(new) ON CONFLICT DO NOTHING RETURNING id
    COPY organizations_import_updates          ← the merged values of the rows that change
    UPDATE registry SET … FROM updates         (locked by the match's FOR UPDATE)

The staging tables are temporary (the session's own, never logged). What an update changes is
decided in Python by the same `matching.apply` as on the ORM path, so the report is the same.
"""

import functools
import json
from types import SimpleNamespace
from typing import Any

from django.db import connection
from django.db.models import FileField
from django.utils import timezone

from nkohub.organizations.imports.engine.matching import COMPARED, apply, conflict_reason
from nkohub.organizations.imports.engine.report import ImportResult
from nkohub.organizations.imports.engine.writing import (
    TAKEN,
    Changed,
    New,
    new_organization,
    set_spheres,
)
from nkohub.organizations.imports.validation import Candidate, Problem
from nkohub.organizations.models import Organization

TABLE = "organizations_organization"
STAGING = "organizations_import_staging"
UPDATES = "organizations_import_updates"


@functools.cache
def _columns() -> tuple[list[str], list[str], list[int], int]:
    """Inserted columns (database names), their attribute names, the file columns, social links."""
    fields = [f for f in Organization._meta.concrete_fields if not f.primary_key]
    attnames = [f.attname for f in fields]
    files = [i for i, f in enumerate(fields) if isinstance(f, FileField)]  # logo, thumbnail
    return [str(f.column) for f in fields], attnames, files, attnames.index("social_links")


def _quoted(names: list[str] | tuple[str, ...]) -> str:
    return ", ".join(f'"{n}"' for n in names)


def _update_columns() -> list[str]:
    by_attname = {f.attname: str(f.column) for f in Organization._meta.concrete_fields}
    return [by_attname[name] for name in (*COMPARED, "search_text")]


@functools.cache
def _statements() -> dict[str, str]:
    """The bulk path's SQL. Only table and column names (the model's own) are formatted in;
    every value goes as a parameter or through COPY."""
    columns = _quoted(_columns()[0])
    updated = _update_columns()
    compared = ", ".join(f'm."{c}"' for c in updated if c != "search_text")
    assignments = ", ".join(f'"{c}" = u."{c}"' for c in updated)
    # (S608 below: names from the model's metadata, no input of any kind)
    return {
        "create staging": f"CREATE TEMP TABLE IF NOT EXISTS {STAGING} AS SELECT 0::integer AS line, {columns} FROM {TABLE} WITH NO DATA",  # noqa: S608
        "create updates": f"CREATE TEMP TABLE IF NOT EXISTS {UPDATES} AS SELECT id, {_quoted(updated)} FROM {TABLE} WITH NO DATA",  # noqa: S608
        "empty": f"TRUNCATE {STAGING}, {UPDATES}",
        # the batch's transaction need not wait for the WAL's flush: a crash loses at most the
        # last batches, which the report does not yet count as written
        "no flush wait": "SET LOCAL synchronous_commit = off",
        "copy staging": f"COPY {STAGING} (line, {columns}) FROM STDIN",
        "match": (
            f"SELECT s.line, a.id, b.id, m.id, {compared} FROM {STAGING} s "  # noqa: S608
            f"LEFT JOIN {TABLE} a ON a.ogrn = s.ogrn LEFT JOIN {TABLE} b ON b.inn = s.inn "
            f"JOIN {TABLE} m ON m.id = COALESCE(a.id, b.id) FOR UPDATE OF m"
        ),
        "insert": (
            f"INSERT INTO {TABLE} ({columns}) SELECT {columns} FROM {STAGING} "  # noqa: S608
            "WHERE line = ANY(%s) ON CONFLICT DO NOTHING RETURNING id, ogrn, inn"
        ),
        "copy updates": f"COPY {UPDATES} (id, {_quoted(updated)}) FROM STDIN",
        "update": (
            f"UPDATE {TABLE} o SET {assignments}, updated_at = %s "  # noqa: S608
            f"FROM {UPDATES} u WHERE o.id = u.id"
        ),
    }


class BulkBatch:
    """One batch of candidates on the bulk path, inside the caller's transaction."""

    def __init__(self, candidates: list[Candidate]) -> None:
        self.candidates = candidates
        self.now = timezone.now()
        self.new: New = []
        self.changed: Changed = []
        self.unchanged = 0
        self.conflicts: list[Candidate] = []
        self.refused: list[Candidate] = []
        self._organizations: dict[int, Organization] = {}

    def stage(self) -> None:
        """Create the session's staging tables once, empty them, COPY the batch in."""
        _names, attnames, files, social_links = _columns()
        sql = _statements()
        with connection.cursor() as cursor:
            # one round trip: four statements without parameters
            cursor.execute(
                "; ".join(
                    sql[name]
                    for name in ("create staging", "create updates", "empty", "no flush wait")
                )
            )
            with cursor.copy(sql["copy staging"]) as copy:
                for candidate in self.candidates:
                    organization = new_organization(candidate.data)
                    organization.search_text = candidate.search_text
                    organization.created_at = organization.updated_at = self.now
                    values = organization.__dict__
                    row = [candidate.line, *(values[name] for name in attnames)]
                    row[social_links + 1] = json.dumps(row[social_links + 1] or [])
                    for i in files:
                        row[i + 1] = getattr(row[i + 1], "name", row[i + 1]) or ""
                    copy.write_row(row)
                    self._organizations[candidate.line] = organization

    def match(self) -> None:
        """Join the staging table with the registry: new rows, changes, conflicts."""
        with connection.cursor() as cursor:
            cursor.execute(_statements()["match"])
            matches = {row[0]: row[1:] for row in cursor.fetchall()}
        for candidate in self.candidates:
            found = matches.get(candidate.line)
            if found is None:
                self.new.append((candidate, self._organizations[candidate.line]))
                continue
            by_ogrn, by_inn, pk, *values = found
            if by_ogrn is not None and by_inn is not None and by_ogrn != by_inn:
                self.conflicts.append(candidate)
                continue
            current = SimpleNamespace(**dict(zip(COMPARED, values, strict=True)), pk=pk)
            fields = apply(current, candidate.data)
            if fields:
                self.changed.append((candidate, current, fields))  # type: ignore[arg-type]
            else:
                self.unchanged += 1

    def write(self) -> None:
        sql = _statements()
        with connection.cursor() as cursor:
            if self.new:
                cursor.execute(sql["insert"], [[c.line for c, _ in self.new]])
                inserted = cursor.fetchall()
                by_key = {}
                for pk, ogrn, inn in inserted:
                    by_key[ogrn or "inn" + inn] = pk
                written: New = []
                for candidate, organization in self.new:
                    data = candidate.data
                    organization.pk = by_key.get(data["ogrn"] or "inn" + data["inn"])
                    if organization.pk is None:  # taken meanwhile by another organisation
                        self.refused.append(candidate)
                    else:
                        written.append((candidate, organization))
                self.new = written
            if self.changed:
                names = [*COMPARED, "search_text"]
                with cursor.copy(sql["copy updates"]) as copy:
                    for _candidate, current, _fields in self.changed:
                        copy.write_row([current.pk, *(getattr(current, n) for n in names)])
                cursor.execute(sql["update"], [self.now])
        set_spheres(
            [(c.spheres, o.pk) for c, o in self.new]
            + [(c.spheres, o.pk) for c, o, _ in self.changed]
        )

    def report(self, result: ImportResult, problem: Any) -> None:
        for candidate in self.refused:
            problem(Problem(candidate.line, TAKEN))
        for candidate, organization in self.new:
            result.created_one(candidate.line, organization.full_name)
        for candidate, current, fields in self.changed:
            result.updated_one(candidate.line, current.full_name, fields)

    def report_conflicts(self, result: ImportResult, problem: Any) -> None:
        result.unchanged += self.unchanged
        for candidate in self.conflicts:
            problem(Problem(candidate.line, conflict_reason(candidate)))

    def for_fallback(self) -> tuple[New, Changed]:
        """The batch as model instances, for `writing.write_one_by_one`."""
        stored = Organization.objects.in_bulk([current.pk for _, current, _ in self.changed])
        changed: Changed = []
        for candidate, current, fields in self.changed:
            organization = stored.get(current.pk)
            if organization is not None:
                apply(organization, candidate.data)
                changed.append((candidate, organization, fields))
        new = [(c, o) for c, o in self.new] + [
            (c, self._organizations[c.line]) for c in self.refused
        ]
        return new, changed
