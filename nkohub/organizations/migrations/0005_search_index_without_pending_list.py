"""PostgreSQL: the full-text GIN index of the directory search without a pending list.

With `fastupdate` on (the default), new and changed rows wait in the index's unsorted pending list
until a VACUUM (or the list's size limit) merges them, and every search scans that whole list: after a
bulk import a search read ~500 extra pages and took twice as long. Without it each write updates the
index in place — slower writes, searches that do not depend on when the table was last vacuumed.
The pending list already there is merged now.
"""

from django.db import migrations

FORWARD = [
    "ALTER INDEX IF EXISTS organization_search_vector SET (fastupdate = off)",
    "SELECT gin_clean_pending_list('organization_search_vector'::regclass)",
]
BACKWARD = ["ALTER INDEX IF EXISTS organization_search_vector RESET (fastupdate)"]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in FORWARD:
            schema_editor.execute(sql)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in BACKWARD:
            schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("organizations", "0004_stored_search_vector")]

    operations = [migrations.RunPython(forward, backward)]
