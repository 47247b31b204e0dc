"""PostgreSQL only: bookings of one offer that hold their slot never overlap, and search indexes.

The exclusion constraint and GIN indexes are not part of the models' state (SQLite has no tstzrange, gist or
gin); on SQLite these operations do nothing and the booking service's serialised check keeps the rule.
The constraint and the operation are the platform's shared interval rule (`nkohub.core.intervals`).
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.operations import BtreeGistExtension
from django.db import migrations

from nkohub.core.intervals import OnPostgres, no_overlap_constraint

BOOKING_NO_OVERLAP = no_overlap_constraint(
    name="resources_booking_no_overlap",
    owner="offer",
    holding_statuses=["pending", "confirmed"],
    message="This time is already taken.",
)

POSTGRES_INDEXES = {
    "resourceoffer": [GinIndex(fields=["search_vector"], name="resources_offer_search_gin")],
    "resourcerequest": [GinIndex(fields=["search_vector"], name="resources_request_search_gin")],
}


class Migration(migrations.Migration):
    dependencies = [("resources", "0001_initial")]

    operations = [
        BtreeGistExtension(),
        OnPostgres("booking", constraint=BOOKING_NO_OVERLAP),
        *(OnPostgres(model, index=index) for model, indexes in POSTGRES_INDEXES.items() for index in indexes),
    ]
