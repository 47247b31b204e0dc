"""Russian search: the search column filled, and on PostgreSQL its indexes (squashed from three passes
before the first release: 0003_search_indexes, 0004_stored_search_vector,
0005_search_index_without_pending_list).

- the tsvector of the search column stored as a generated column, so that ranking a broad query does not
  re-run the Russian stemmer on every row (the model does not declare it: only the PostgreSQL branch of
  the selectors reads it), with a GIN index over it;
- that index without a pending list (`fastupdate = off`): with it, rows written by a bulk import wait
  unsorted until a VACUUM and every search scans them all (a search read ~500 extra pages and took twice
  as long); without it each write updates the index in place;
- pg_trgm and a GIN trigram index over full_name for typo-tolerant name search.
SQLite needs none of them (it searches the lemmas with LIKE).
"""

from django.db import migrations

CREATE_SQL = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS organization_full_name_trgm ON organizations_organization "
    "USING gin (full_name gin_trgm_ops)",
    "ALTER TABLE organizations_organization ADD COLUMN IF NOT EXISTS search_vector tsvector "
    "GENERATED ALWAYS AS (to_tsvector('russian'::regconfig, COALESCE(search_text, ''))) STORED",
    "CREATE INDEX IF NOT EXISTS organization_search_vector ON organizations_organization "
    "USING gin (search_vector) WITH (fastupdate = off)",
]
DROP_SQL = [
    "DROP INDEX IF EXISTS organization_search_vector",
    "ALTER TABLE organizations_organization DROP COLUMN IF EXISTS search_vector",
    "DROP INDEX IF EXISTS organization_full_name_trgm",
]


def fill_search_text(apps, schema_editor):
    from nkohub.organizations.search import search_text_for

    organization = apps.get_model("organizations", "Organization")
    batch = []
    for org in organization.objects.only("pk", "full_name", "short_name", "description", "inn", "ogrn").iterator():
        org.search_text = search_text_for(org.full_name, org.short_name, org.description, org.inn or "", org.ogrn or "")
        batch.append(org)
        if len(batch) >= 1000:
            organization.objects.bulk_update(batch, ["search_text"])
            batch = []
    if batch:
        organization.objects.bulk_update(batch, ["search_text"])


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for sql in CREATE_SQL:
        schema_editor.execute(sql)


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for sql in DROP_SQL:
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    replaces = [
        ("organizations", "0003_search_indexes"),
        ("organizations", "0004_stored_search_vector"),
        ("organizations", "0005_search_index_without_pending_list"),
    ]

    dependencies = [("organizations", "0002_registry_claims_invitations_imports")]

    operations = [
        migrations.RunPython(fill_search_text, migrations.RunPython.noop),
        migrations.RunPython(create_indexes, drop_indexes),
    ]
