"""The importer: reads ahead, reports what no database is needed for, matches and writes each
batch in its own transaction, and logs what it does with the run's id in every record."""

import logging
import time
from collections.abc import Callable, Iterable

from django.db import connection, transaction

from nkohub.organizations.imports.engine import matching, writing
from nkohub.organizations.imports.engine.bulk import BulkBatch
from nkohub.organizations.imports.engine.reading import ReadAhead, prepare
from nkohub.organizations.imports.engine.report import Checked, Exclusion, ImportResult
from nkohub.organizations.imports.readers import SourceRow
from nkohub.organizations.imports.validation import Candidate, Problem, Reference, Rejected
from nkohub.organizations.models import Organization

logger = logging.getLogger("nkohub.organizations.imports")


def _key(identifier: str) -> int:
    """An INN or OGRN (digits only, checked) as one small int: the same for the same identifier,
    different for identifiers of different lengths («0274062111» is not «274062111»)."""
    return int(identifier) * 100 + len(identifier)


class Importer:
    def __init__(
        self,
        *,
        source: str,
        dry_run: bool,
        default_kind: str = Organization.Kind.NGO,
        run_id: str = "",
        file_format: str = "",
        size: int | None = None,
    ) -> None:
        self.source = source
        self.dry_run = dry_run
        self.default_kind = default_kind
        self.run_id = run_id
        self.file_format = file_format
        self.size = size
        self.reference = Reference()
        self.result = ImportResult()
        # identifier → first line with it (repeats inside the file): ints, a million take ~90 MB less
        self.seen: dict[int, int] = {}
        self.on_problem: Callable[[Problem], None] | None = None
        self.on_exclusion: Callable[[Exclusion], None] | None = None
        self.bulk = connection.vendor == "postgresql" and not dry_run
        self.bulk_load = False

    def _log(self, message: str, *args: object, **extra: object) -> None:
        logger.info(
            "import %s: " + message, self.run_id, *args, extra={"run": self.run_id, **extra}
        )

    def _problem(self, problem: Problem) -> None:
        self.result.add_problem(problem)
        if self.on_problem:
            self.on_problem(problem)

    def _prepare(self, batch: list[SourceRow]) -> list[Checked]:
        return prepare(batch, self.reference, source=self.source, default_kind=self.default_kind)

    def run(
        self, rows: Iterable[SourceRow], *, on_batch: Callable[[ImportResult], None] | None = None
    ) -> ImportResult:
        started = time.perf_counter()
        self._log(
            "started (source %s, format %s, %s bytes%s)", self.source, self.file_format or "?",
            "?" if self.size is None else self.size, ", dry run" if self.dry_run else "",
            event="started", source=self.source, file_format=self.file_format,
            size_bytes=self.size, dry_run=self.dry_run,
        )  # fmt: skip
        ahead = ReadAhead(rows, self._prepare)
        try:
            for checked in ahead:
                batch_started = time.perf_counter()
                self._process(checked)
                seconds = time.perf_counter() - batch_started
                self._log(
                    "batch of %d rows in %.3f s", len(checked), seconds,
                    event="batch", rows=len(checked), seconds=round(seconds, 4),
                )  # fmt: skip
                if on_batch:
                    on_batch(self.result)
        finally:
            ahead.close()
            if self.bulk_load:
                writing.end_bulk_load()
        seconds = time.perf_counter() - started
        r = self.result
        self._log(
            "finished in %.2f s: %d rows, created %d, updated %d, unchanged %d, skipped %d, "
            "excluded %d", seconds, r.rows, r.created, r.updated, r.unchanged, r.skipped, r.excluded,
            event="finished", seconds=round(seconds, 3), rows=r.rows, created_rows=r.created,
            updated_rows=r.updated, unchanged_rows=r.unchanged, skipped_rows=r.skipped,
            excluded_rows=r.excluded,
        )  # fmt: skip
        return self.result

    def _candidates(self, checked_rows: list[Checked]) -> list[Candidate]:
        """Count every row, report the skipped ones (a repeat of an earlier row first, whatever
        else is wrong with it) and the excluded; the rest are to match."""
        candidates: list[Candidate] = []
        seen = self.seen
        for checked in checked_rows:
            self.result.rows += 1
            if isinstance(checked, Exclusion):
                self.result.add_exclusion(checked)
                if self.on_exclusion:
                    self.on_exclusion(checked)
                continue
            keys = [_key(k) for k in checked.keys]
            duplicate_of = next((seen[k] for k in keys if k in seen), None)
            reasons = checked.reasons if isinstance(checked, Rejected) else []
            if duplicate_of is not None:
                reasons = [f"повтор организации из строки {duplicate_of}", *reasons]
            if reasons or not isinstance(checked, Candidate):
                self._problem(Problem(checked.line, "; ".join(reasons)))
                continue
            for key in keys:
                seen[key] = checked.line
            candidates.append(checked)
        return candidates

    def _process(self, checked_rows: list[Checked]) -> None:
        candidates = self._candidates(checked_rows)
        if not candidates:
            return
        if self.bulk:
            self._process_bulk(candidates)
            return
        if matching.any_known(candidates):
            by_ogrn, by_inn = matching.known(candidates)
        else:  # a file of new organisations: nothing to match
            by_ogrn, by_inn = {}, {}
        new: writing.New = []
        changed: writing.Changed = []
        for candidate in candidates:
            data = candidate.data
            match = by_ogrn.get(data["ogrn"]) if data["ogrn"] else None
            inn_match = by_inn.get(data["inn"]) if data["inn"] else None
            if match is None:
                match = inn_match
            elif inn_match is not None and inn_match.pk != match.pk:
                self._problem(Problem(candidate.line, matching.conflict_reason(candidate)))
                continue
            if match is None:
                organization = writing.new_organization(data)
                organization.search_text = candidate.search_text
                new.append((candidate, organization))
                continue
            fields = matching.apply(match, data)
            if fields:
                changed.append((candidate, match, fields))
            else:
                self.result.unchanged += 1
        if self.dry_run:
            for candidate, organization in new:
                self.result.created_one(candidate.line, organization.full_name)
            for candidate, organization, fields in changed:
                self.result.updated_one(candidate.line, organization.full_name, fields)
            return
        try:
            writing.write_orm(new, changed, self.result)
        except writing.REFUSED as exc:
            self._log_fallback(exc, len(new) + len(changed))
            writing.write_one_by_one(new, changed, self.result, self._problem)

    def _process_bulk(self, candidates: list[Candidate]) -> None:
        if len(candidates) >= writing.BULK_LOAD_ROWS and not self.bulk_load:
            self.bulk_load = writing.start_bulk_load()
        batch = BulkBatch(candidates)
        try:
            with transaction.atomic():
                batch.stage()
                batch.match()
                batch.write()
        except writing.REFUSED as exc:
            batch.report_conflicts(self.result, self._problem)
            self._log_fallback(exc, len(batch.new) + len(batch.changed) + len(batch.refused))
            new, changed = batch.for_fallback()
            writing.write_one_by_one(new, changed, self.result, self._problem)
            return
        batch.report_conflicts(self.result, self._problem)
        batch.report(self.result, self._problem)

    def _log_fallback(self, exc: Exception, rows: int) -> None:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        logger.warning(
            "import %s: the database refused a batch of %d rows (%s); writing it row by row",
            self.run_id, rows, reason,
            extra={"run": self.run_id, "event": "fallback", "rows": rows, "reason": reason},
        )  # fmt: skip
