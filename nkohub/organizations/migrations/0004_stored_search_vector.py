"""PostgreSQL: keep the tsvector of the search column stored (a generated column) instead of an
expression index, so that ranking a broad query does not re-run the Russian stemmer on every row.
The model does not declare the column: only the PostgreSQL branch of the selectors reads it.
"""

from django.db import migrations

FORWARD = [
    "ALTER TABLE organizations_organization ADD COLUMN IF NOT EXISTS search_vector tsvector "
    "GENERATED ALWAYS AS (to_tsvector('russian'::regconfig, COALESCE(search_text, ''))) STORED",
    "CREATE INDEX IF NOT EXISTS organization_search_vector ON organizations_organization USING gin (search_vector)",
    "DROP INDEX IF EXISTS organization_search_fts",
]
BACKWARD = [
    "CREATE INDEX IF NOT EXISTS organization_search_fts ON organizations_organization "
    "USING gin (to_tsvector('russian'::regconfig, COALESCE(search_text, '')))",
    "DROP INDEX IF EXISTS organization_search_vector",
    "ALTER TABLE organizations_organization DROP COLUMN IF EXISTS search_vector",
]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in FORWARD:
            schema_editor.execute(sql)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in BACKWARD:
            schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("organizations", "0003_search_indexes")]

    operations = [migrations.RunPython(forward, backward)]
