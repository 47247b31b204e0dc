"""Time intervals that must not overlap: bookings of a resource, an expert's consultation slots.

One rule, in two halves that must agree:

- in Python, `save_without_overlap(...)`: the overlap check and the insert are one serialised step.
  SQLite: the surrounding transaction began IMMEDIATE (settings), holding the write lock, so no other
  writer can insert between the check and the insert. PostgreSQL: the writers of one owner (an offer, an
  expert) queue on an advisory lock (`queue_writers_of`), and the exclusion constraint still refuses any
  overlap that reaches the table; its error becomes the same domain error as the check's;
- in the database (PostgreSQL), `no_overlap_constraint(...)`: an exclusion constraint over
  `(owner =, tstzrange(starts_at, ends_at) &&)` for the rows that hold their interval, added by a
  migration through `OnPostgres` (SQLite has no exclusion constraints; there the lock is the authority).

Why the advisory lock: the exclusion constraint inserts first and looks for conflicts second, so two
concurrent inserts of the same interval can each find the other's uncommitted row and wait for each
other; PostgreSQL then breaks the cycle by failing one with "deadlock detected" (a 500, seen as a flaky
20-way race test under load). With the lock the second writer waits for the first to finish, and its
overlap check then sees the committed row. Writers of different owners never wait for each other.
"""

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.contrib.postgres.constraints import ExclusionConstraint
from django.contrib.postgres.fields import RangeBoundary, RangeOperators
from django.db import IntegrityError, connection, migrations, models, transaction
from django.db.models import Func, Q, QuerySet

from nkohub.core.errors import DomainError

_INT4 = 2_147_483_647


def overlapping(
    holding: QuerySet[Any], starts_at: dt.datetime, ends_at: dt.datetime, *, exclude_pk: Any = None
) -> bool:
    """Whether any row of `holding` (the rows that hold their interval, of one owner) overlaps
    [starts_at, ends_at). Touching ends do not overlap."""
    rows = holding.filter(starts_at__lt=ends_at, ends_at__gt=starts_at)
    if exclude_pk is not None:
        rows = rows.exclude(pk=exclude_pk)
    return rows.exists()


def queue_writers_of(namespace: int, owner_id: int) -> None:
    """PostgreSQL: writers of one owner's intervals take turns until their transaction ends."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [namespace, owner_id % _INT4])


def save_without_overlap(
    obj: models.Model,
    *,
    holding: QuerySet[Any],
    lock: tuple[int, int],
    constraint: str,
    conflict: Callable[[], DomainError],
) -> None:
    """Save `obj` (an interval with `starts_at` and `ends_at`) unless it overlaps a row of `holding`.

    `lock` is (namespace, owner id) for `queue_writers_of`; `constraint` the name of the exclusion
    constraint whose error means the same conflict; `conflict()` makes the domain error raised.
    Call inside the service's transaction.
    """
    queue_writers_of(*lock)
    starts_at, ends_at = obj.starts_at, obj.ends_at  # type: ignore[attr-defined]
    if overlapping(holding, starts_at, ends_at, exclude_pk=obj.pk):
        raise conflict()
    try:
        with transaction.atomic():
            obj.save()
    except IntegrityError as error:
        if constraint in str(error):
            raise conflict() from error
        raise


# --- the database half (migrations) ---------------------------------------------------------
class TsTzRange(Func):
    function = "TSTZRANGE"
    output_field = models.JSONField()  # any field will do: the expression is only compiled into DDL


def no_overlap_constraint(
    *, name: str, owner: str, holding_statuses: list[str], message: str
) -> ExclusionConstraint:
    """PostgreSQL: no two rows of one `owner` in `holding_statuses` overlap in [starts_at, ends_at)."""
    return ExclusionConstraint(
        name=name,
        expressions=[
            (owner, RangeOperators.EQUAL),
            (TsTzRange("starts_at", "ends_at", RangeBoundary()), RangeOperators.OVERLAPS),
        ],
        condition=Q(status__in=holding_statuses),
        violation_error_message=message,
    )


class OnPostgres(migrations.operations.base.Operation):
    """Add a constraint or index in the database on PostgreSQL only, leaving the migration state alone."""

    reversible = True

    def __init__(self, model_name: str, constraint: Any = None, index: Any = None) -> None:
        self.model_name = model_name
        self.constraint = constraint
        self.index = index

    def deconstruct(self) -> tuple[str, list[Any], dict[str, Any]]:
        return (
            self.__class__.__qualname__,
            [],
            {"model_name": self.model_name, "constraint": self.constraint, "index": self.index},
        )

    def state_forwards(self, app_label: str, state: Any) -> None:
        pass

    def _model(self, app_label: str, state: Any) -> Any:
        return state.apps.get_model(app_label, self.model_name)

    def database_forwards(
        self, app_label: str, schema_editor: Any, from_state: Any, to_state: Any
    ) -> None:
        if schema_editor.connection.vendor != "postgresql":
            return
        model = self._model(app_label, to_state)
        if self.constraint is not None:
            schema_editor.add_constraint(model, self.constraint)
        if self.index is not None:
            schema_editor.add_index(model, self.index)

    def database_backwards(
        self, app_label: str, schema_editor: Any, from_state: Any, to_state: Any
    ) -> None:
        if schema_editor.connection.vendor != "postgresql":
            return
        model = self._model(app_label, from_state)
        if self.constraint is not None:
            schema_editor.remove_constraint(model, self.constraint)
        if self.index is not None:
            schema_editor.remove_index(model, self.index)

    def describe(self) -> str:
        what = self.constraint.name if self.constraint is not None else self.index.name
        return f"On PostgreSQL: add {what} to {self.model_name}"
