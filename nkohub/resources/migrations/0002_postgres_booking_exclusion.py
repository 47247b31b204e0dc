"""PostgreSQL only: bookings of one offer that hold their slot never overlap, and search indexes.

The exclusion constraint and GIN indexes are not part of the models' state (SQLite has no tstzrange, gist or
gin); on SQLite these operations do nothing and the booking service's serialised check keeps the rule.
"""

from django.contrib.postgres.constraints import ExclusionConstraint
from django.contrib.postgres.fields import RangeBoundary, RangeOperators
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.operations import BtreeGistExtension
from django.db import migrations, models
from django.db.models import Func, Q


class TsTzRange(Func):
    function = "TSTZRANGE"
    output_field = models.JSONField()  # any field will do: the expression is only compiled into DDL


BOOKING_NO_OVERLAP = ExclusionConstraint(
    name="resources_booking_no_overlap",
    expressions=[
        ("offer", RangeOperators.EQUAL),
        (TsTzRange("starts_at", "ends_at", RangeBoundary()), RangeOperators.OVERLAPS),
    ],
    condition=Q(status__in=["pending", "confirmed"]),
    violation_error_message="This time is already taken.",
)

POSTGRES_INDEXES = {
    "resourceoffer": [GinIndex(fields=["search_vector"], name="resources_offer_search_gin")],
    "resourcerequest": [GinIndex(fields=["search_vector"], name="resources_request_search_gin")],
}


class OnPostgres(migrations.operations.base.Operation):
    """Add a constraint or index in the database on PostgreSQL only, leaving the migration state alone."""

    reversible = True

    def __init__(self, model_name: str, constraint=None, index=None):
        self.model_name = model_name
        self.constraint = constraint
        self.index = index

    def deconstruct(self):
        return (self.__class__.__qualname__, [], {"model_name": self.model_name, "constraint": self.constraint, "index": self.index})

    def state_forwards(self, app_label, state):
        pass

    def _model(self, app_label, state):
        return state.apps.get_model(app_label, self.model_name)

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor != "postgresql":
            return
        model = self._model(app_label, to_state)
        if self.constraint is not None:
            schema_editor.add_constraint(model, self.constraint)
        if self.index is not None:
            schema_editor.add_index(model, self.index)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor != "postgresql":
            return
        model = self._model(app_label, from_state)
        if self.constraint is not None:
            schema_editor.remove_constraint(model, self.constraint)
        if self.index is not None:
            schema_editor.remove_index(model, self.index)

    def describe(self):
        what = self.constraint.name if self.constraint is not None else self.index.name
        return f"On PostgreSQL: add {what} to {self.model_name}"


class Migration(migrations.Migration):
    dependencies = [("resources", "0001_initial")]

    operations = [
        BtreeGistExtension(),
        OnPostgres("booking", constraint=BOOKING_NO_OVERLAP),
        *(OnPostgres(model, index=index) for model, indexes in POSTGRES_INDEXES.items() for index in indexes),
    ]
