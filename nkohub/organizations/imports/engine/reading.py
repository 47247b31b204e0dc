"""Reading and validating rows — what needs no database — in batches, one batch ahead.

A thread reads and validates the next batches while the database writes the current one (the
driver releases the GIL while it waits for the server), so the two overlap. A reader's error is
raised in the importing thread when its batch is due, as it would be without the overlap.
"""

import queue
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from django.utils import translation

from nkohub.organizations.imports.engine.report import Checked, Exclusion
from nkohub.organizations.imports.readers import SourceRow
from nkohub.organizations.imports.validation import Candidate, Reference, validate_row
from nkohub.organizations.search import search_text_for

BATCH_SIZE = 1000
AHEAD = 2  # batches read and validated in advance (bounded: memory stays flat)
_DONE = object()


def batches(rows: Iterable[SourceRow], size: int) -> Iterator[list[SourceRow]]:
    batch: list[SourceRow] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def prepare(
    batch: list[SourceRow], reference: Reference, *, source: str, default_kind: str
) -> list[Checked]:
    """Validate each row and lemmatise the search text of those that can be taken."""
    checked_rows: list[Checked] = []
    for row in batch:
        if row.excluded:
            checked_rows.append(Exclusion(row.line, row.excluded, row.excluded_detail))
            continue
        checked = validate_row(row, reference, source=source, default_kind=default_kind)
        if isinstance(checked, Candidate):
            data = checked.data
            checked.search_text = search_text_for(
                data["full_name"], data["short_name"], data["description"],
                data["inn"] or "", data["ogrn"] or "",
            )  # fmt: skip
        checked_rows.append(checked)
    return checked_rows


class ReadAhead:
    """Iterates `produce(batch)` over the batches of `rows` in a thread, `AHEAD` batches ahead."""

    def __init__(
        self, rows: Iterable[SourceRow], produce: Callable[[list[SourceRow]], list[Checked]]
    ) -> None:
        self._rows = rows
        self._produce = produce
        self._queue: queue.Queue[Any] = queue.Queue(maxsize=AHEAD)
        self._stop = threading.Event()
        self._language = translation.get_language()
        self._thread = threading.Thread(target=self._work, name="import-reader", daemon=True)
        self._thread.start()

    def _put(self, item: Any) -> bool:
        while not self._stop.is_set():
            try:
                self._queue.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def _work(self) -> None:
        try:
            with translation.override(self._language):
                for batch in batches(self._rows, BATCH_SIZE):
                    if not self._put(self._produce(batch)):
                        return
        except BaseException as exc:  # handed to the importing thread, raised there
            self._put(exc)
            return
        self._put(_DONE)

    def __iter__(self) -> Iterator[list[Checked]]:
        while True:
            item = self._queue.get()
            if item is _DONE:
                return
            if isinstance(item, BaseException):
                raise item
            yield item

    def close(self) -> None:
        """Stop reading (the import ended or failed) and wait for the thread."""
        self._stop.set()
        self._thread.join()
