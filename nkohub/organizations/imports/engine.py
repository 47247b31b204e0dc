"""Validating, matching and writing imported rows in batches.

Re-importing updates the same organisations (matched by OGRN, then INN) instead of duplicating them.
Every skipped row is reported with its number and all its reasons (`validation`), a repeat of an
earlier row first; one bad row never aborts the rest (a batch that fails as a whole is retried row by
row, each in its own savepoint). Records a reader marks as excluded by design (an EGRUL company, an
organisation of another region) are counted by reason, not reported as skipped.
"""

import functools
import json
import operator
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.db import DatabaseError, IntegrityError, connection, transaction
from django.db.models import FileField, Q
from django.db.models.base import ModelState
from django.utils import timezone

try:
    from psycopg.errors import IntegrityError as PsycopgIntegrityError
except ImportError:  # pragma: no cover — SQLite-only installs
    PsycopgIntegrityError = IntegrityError  # type: ignore[misc,assignment]

from nkohub.organizations.imports.readers import SourceRow
from nkohub.organizations.imports.validation import (
    Candidate,
    Problem,
    Reference,
    Rejected,
    validate_row,
)
from nkohub.organizations.models import Organization, Sphere
from nkohub.organizations.search import search_text_for

BATCH_SIZE = 1000
BULK_LOAD_ROWS = 500  # new rows in one batch from which the search index's pending list is used
SEARCH_INDEX = "organization_search_vector"
MAX_REPORTED_PROBLEMS = 5000
MAX_REPORTED_CHANGES = 200
UPDATABLE = (
    "full_name", "short_name", "kpp", "legal_form_id", "municipality_id", "address", "registration_date",
    "register", "state_registration_number", "state_registration_date", "status", "website",
    "public_email", "public_phone", "description", "source_id",
)  # fmt: skip


@dataclass
class Change:
    line: int
    action: str  # created / updated
    name: str
    fields: list[str] = field(default_factory=list)


@dataclass
class Exclusion:
    """A record the source holds but the registry does not take by design (EGRUL: a company, an
    organisation of another region): counted by reason, not listed among the skipped rows."""

    line: int
    reason: str
    detail: str


@dataclass
class ImportResult:
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    excluded: int = 0
    excluded_reasons: dict[str, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)

    def add_problem(self, problem: Problem) -> None:
        self.skipped += 1
        if len(self.problems) < MAX_REPORTED_PROBLEMS:
            self.problems.append(problem)

    def add_exclusion(self, exclusion: Exclusion) -> None:
        self.excluded += 1
        self.excluded_reasons[exclusion.reason] = self.excluded_reasons.get(exclusion.reason, 0) + 1

    def add_change(self, change: Change) -> None:
        if len(self.changes) < MAX_REPORTED_CHANGES:
            self.changes.append(change)


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


Checked = Candidate | Rejected | Exclusion


def _batches(rows: Iterable[SourceRow], size: int) -> Iterator[list[SourceRow]]:
    batch: list[SourceRow] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


class Importer:
    def __init__(
        self, *, source: str, dry_run: bool, default_kind: str = Organization.Kind.NGO
    ) -> None:
        self.source = source
        self.dry_run = dry_run
        self.default_kind = default_kind
        self.reference = Reference()
        self.result = ImportResult()
        self.seen: dict[
            str, int
        ] = {}  # identifier → first line with it (duplicates inside the file)
        self.on_problem: Callable[[Problem], None] | None = None
        self.on_exclusion: Callable[[Exclusion], None] | None = None
        self.bulk_load = False
        self._pending_batches: Iterator[list[SourceRow]] = iter(())
        self._ahead: list[Checked] | None = None
        self._ahead_error: Exception | None = None
        self._ahead_done = False

    def _problem(self, problem: Problem) -> None:
        self.result.add_problem(problem)
        if self.on_problem:
            self.on_problem(problem)

    def run(
        self, rows: Iterable[SourceRow], *, on_batch: Callable[[ImportResult], None] | None = None
    ) -> ImportResult:
        self._pending_batches = _batches(rows, BATCH_SIZE)
        try:
            checked = self._prepare_next()
            while checked is not None:
                self._ahead, self._ahead_error, self._ahead_done = None, None, False
                self._process(checked)
                if not self._ahead_done:
                    self._prepare_ahead()
                if on_batch:
                    on_batch(self.result)
                if self._ahead_error is not None:
                    raise self._ahead_error
                checked = self._ahead
        finally:
            if self.bulk_load:
                self._end_bulk_load()
        return self.result

    def _prepare_next(self) -> list[Checked] | None:
        batch = next(self._pending_batches, None)
        return None if batch is None else self._prepare(batch)

    def _prepare_ahead(self) -> None:
        """Read and validate the next batch — called while the database is busy with this one's
        COPY (see `_copy_insert`), so that the two overlap. A reader's error is raised only after
        this batch is written, as it would be without the overlap."""
        self._ahead_done = True
        try:
            self._ahead = self._prepare_next()
        except Exception as exc:  # re-raised by `run` after this batch
            self._ahead_error = exc

    def _start_bulk_load(self) -> None:
        """PostgreSQL, a file of many new organisations: let the full-text index take them in its
        pending list (one sorted merge at the end instead of an in-place update per row).

        Migration 0005 keeps the list off for the searches' sake; `_end_bulk_load` turns it off
        again and merges it, so searches after the import read no pending list. While the import
        runs, searches may read it (bounded by `gin_pending_list_limit`). Only when the index is
        as the migration left it, and never waiting long for its lock.
        """
        self.bulk_load = True  # tried once per run
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT reloptions FROM pg_class WHERE relname = %s AND relkind = 'i'",
                [SEARCH_INDEX],
            )
            row = cursor.fetchone()
            if not row or "fastupdate=off" not in (row[0] or []):
                self.bulk_load = False
                return
            try:
                with transaction.atomic():
                    cursor.execute("SET LOCAL lock_timeout = '2s'")
                    cursor.execute(f"ALTER INDEX {SEARCH_INDEX} SET (fastupdate = on)")
            except DatabaseError:
                self.bulk_load = False

    @staticmethod
    def _end_bulk_load() -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"ALTER INDEX {SEARCH_INDEX} SET (fastupdate = off)")
            cursor.execute("SELECT gin_clean_pending_list(%s::regclass)", [SEARCH_INDEX])

    def _prepare(self, batch: list[SourceRow]) -> list[Checked]:
        """What needs no database: reading, validating, lemmatising the search text."""
        checked_rows: list[Checked] = []
        for row in batch:
            if row.excluded:
                checked_rows.append(Exclusion(row.line, row.excluded, row.excluded_detail))
                continue
            checked = validate_row(
                row, self.reference, source=self.source, default_kind=self.default_kind
            )
            if isinstance(checked, Candidate):
                data = checked.data
                checked.search_text = search_text_for(
                    data["full_name"], data["short_name"], data["description"],
                    data["inn"] or "", data["ogrn"] or "",
                )  # fmt: skip
            checked_rows.append(checked)
        return checked_rows

    def _process(self, checked_rows: list[Checked]) -> None:
        candidates: list[Candidate] = []
        for checked in checked_rows:
            self.result.rows += 1
            if isinstance(checked, Exclusion):
                self.result.add_exclusion(checked)
                if self.on_exclusion:
                    self.on_exclusion(checked)
                continue
            # a repeat of an earlier row is the reason to give first, whatever else is wrong
            duplicate_of = next((self.seen[k] for k in checked.keys if k in self.seen), None)
            reasons = checked.reasons if isinstance(checked, Rejected) else []
            if duplicate_of is not None:
                reasons = [f"повтор организации из строки {duplicate_of}", *reasons]
            if reasons or not isinstance(checked, Candidate):
                self._problem(Problem(checked.line, "; ".join(reasons)))
                continue
            for key in checked.keys:
                self.seen[key] = checked.line
            candidates.append(checked)
        if not candidates:
            return
        if self._any_known(candidates):
            by_ogrn, by_inn = self._known(candidates)
        else:  # a file of new organisations: nothing to match
            by_ogrn, by_inn = {}, {}
        new: list[tuple[Candidate, Organization]] = []
        changed: list[tuple[Candidate, Organization, list[str]]] = []
        for candidate in candidates:
            data = candidate.data
            match = by_ogrn.get(data["ogrn"]) if data["ogrn"] else None
            inn_match = by_inn.get(data["inn"]) if data["inn"] else None
            if match is None:
                match = inn_match
            elif inn_match is not None and inn_match.pk != match.pk:
                self._problem(
                    Problem(
                        candidate.line,
                        f"ИНН {data['inn']} уже принадлежит другой организации реестра",
                    )
                )
                continue
            if match is None:
                organization = new_organization(data)
                organization.search_text = candidate.search_text
                new.append((candidate, organization))
                continue
            fields = self._apply(match, data)
            if fields:
                changed.append((candidate, match, fields))
            else:
                self.result.unchanged += 1
        if self.dry_run:
            for candidate, organization in new:
                self.result.created += 1
                self.result.add_change(Change(candidate.line, "created", organization.full_name))
            for candidate, organization, fields in changed:
                self.result.updated += 1
                self.result.add_change(
                    Change(candidate.line, "updated", organization.full_name, fields)
                )
            return
        self._write(new, changed)

    @staticmethod
    def _any_known(candidates: list[Candidate]) -> bool:
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

    @staticmethod
    def _known(
        candidates: list[Candidate],
    ) -> tuple[dict[str | None, Organization], dict[str | None, Organization]]:
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

    @staticmethod
    def _apply(organization: Organization, data: dict[str, Any]) -> list[str]:
        """Copy non-empty incoming values; empty cells never erase what the registry knows."""
        fields = []
        for name in (*UPDATABLE, "inn", "ogrn"):
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

    def _write(
        self,
        new: list[tuple[Candidate, Organization]],
        changed: list[tuple[Candidate, Organization, list[str]]],
    ) -> None:
        if len(new) >= BULK_LOAD_ROWS and not self.bulk_load and connection.vendor == "postgresql":
            self._start_bulk_load()
        try:
            with transaction.atomic():
                if connection.vendor == "postgresql":
                    self._copy_insert(
                        [o for _, o in new],
                        need_pk=[o for c, o in new if c.spheres],
                        meanwhile=self._prepare_ahead,
                    )
                else:
                    Organization.objects.bulk_create([o for _, o in new], batch_size=BATCH_SIZE)
                if changed:
                    names = sorted(
                        {f for _, _, fields in changed for f in fields}
                        | {"search_text", "updated_at"}
                    )
                    now = timezone.now()
                    for _, organization, _fields in changed:
                        organization.updated_at = now
                    Organization.objects.bulk_update(
                        [o for _, o, _ in changed], names, batch_size=BATCH_SIZE
                    )
                self._set_spheres([(c, o) for c, o in new] + [(c, o) for c, o, _ in changed])
        except (IntegrityError, PsycopgIntegrityError):
            self._write_one_by_one(new, changed)
            return
        for candidate, organization in new:
            self.result.created += 1
            self.result.add_change(Change(candidate.line, "created", organization.full_name))
        for candidate, organization, fields in changed:
            self.result.updated += 1
            self.result.add_change(
                Change(candidate.line, "updated", organization.full_name, fields)
            )

    @staticmethod
    def _copy_insert(
        organizations: list[Organization],
        *,
        need_pk: list[Organization],
        meanwhile: Callable[[], None] | None = None,
    ) -> None:
        """PostgreSQL: new rows go in with COPY (the database still checks every constraint).

        `meanwhile` runs once the rows are sent, while the server is still inserting them.
        """
        if not organizations:
            return
        now = timezone.now()
        columns = [f for f in Organization._meta.concrete_fields if not f.primary_key]
        names = ", ".join(f'"{f.column}"' for f in columns)
        sql = f"COPY organizations_organization ({names}) FROM STDIN"
        values_of = operator.attrgetter(*(f.attname for f in columns))
        attnames = [f.attname for f in columns]
        social_links = attnames.index("social_links")
        files = [i for i, f in enumerate(columns) if isinstance(f, FileField)]  # logo, thumbnail
        with connection.cursor() as cursor, cursor.copy(sql) as copy:
            for organization in organizations:
                organization.created_at = organization.updated_at = now
                row = list(values_of(organization))
                row[social_links] = json.dumps(row[social_links] or [])
                for i in files:
                    row[i] = row[i].name or ""
                copy.write_row(row)
            if meanwhile is not None:
                meanwhile()
        if (
            not need_pk
        ):  # COPY returns no ids; fetch them only for rows whose spheres must be linked
            return
        keyed = {o.ogrn or o.inn: o for o in need_pk}
        for pk, ogrn, inn in Organization.objects.filter(
            Q(ogrn__in=[o.ogrn for o in need_pk if o.ogrn])
            | Q(inn__in=[o.inn for o in need_pk if o.inn])
        ).values_list("pk", "ogrn", "inn"):
            match = keyed.get(ogrn) or keyed.get(inn)
            if match is not None:
                match.pk = pk

    def _write_one_by_one(
        self,
        new: list[tuple[Candidate, Organization]],
        changed: list[tuple[Candidate, Organization, list[str]]],
    ) -> None:
        for candidate, organization in new:
            organization.pk = None
            try:
                with transaction.atomic():
                    organization.save(force_insert=True)
                    self._set_spheres([(candidate, organization)])
            except IntegrityError:
                self._problem(
                    Problem(candidate.line, "ИНН или ОГРН уже есть в реестре у другой организации")
                )
                continue
            self.result.created += 1
            self.result.add_change(Change(candidate.line, "created", organization.full_name))
        for candidate, organization, fields in changed:
            try:
                with transaction.atomic():
                    organization.save()
                    self._set_spheres([(candidate, organization)])
            except IntegrityError:
                self._problem(
                    Problem(candidate.line, "ИНН или ОГРН уже есть в реестре у другой организации")
                )
                continue
            self.result.updated += 1
            self.result.add_change(
                Change(candidate.line, "updated", organization.full_name, fields)
            )

    def _set_spheres(self, pairs: list[tuple[Candidate, Organization]]) -> None:
        through = Organization.spheres.through
        wanted = [(o.pk, code) for c, o in pairs for code in c.spheres]
        if not wanted:
            return
        sphere_ids = dict(Sphere.objects.values_list("code", "pk"))
        through.objects.bulk_create(
            [through(organization_id=pk, sphere_id=sphere_ids[code]) for pk, code in wanted],
            ignore_conflicts=True,
        )
