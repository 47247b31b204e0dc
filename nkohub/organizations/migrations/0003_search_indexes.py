"""Russian search: fill the search column and, on PostgreSQL, its indexes.

- GIN index over to_tsvector('russian', search_text) — the very expression the directory queries;
- pg_trgm and a GIN trigram index over full_name for typo-tolerant name search.
SQLite needs neither (it searches the lemmas with LIKE).
"""

from django.db import migrations

CREATE_SQL = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS organization_search_fts ON organizations_organization "
    "USING gin (to_tsvector('russian'::regconfig, COALESCE(search_text, '')))",
    "CREATE INDEX IF NOT EXISTS organization_full_name_trgm ON organizations_organization "
    "USING gin (full_name gin_trgm_ops)",
]
DROP_SQL = [
    "DROP INDEX IF EXISTS organization_search_fts",
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
    dependencies = [("organizations", "0002_registry_claims_invitations_imports")]

    operations = [
        migrations.RunPython(fill_search_text, migrations.RunPython.noop),
        migrations.RunPython(create_indexes, drop_indexes),
    ]
