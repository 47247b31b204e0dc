"""Full-text search of the news on PostgreSQL: the tsvector of the title (weight A) and the text (B)
under the `russian` configuration, stored as a generated column (the model does not declare it: only
the PostgreSQL branch of `selectors.feed` reads it) with a GIN index over it, without a pending list
so that news written in bulk is searchable at once. SQLite needs neither (it searches word stems with
LIKE)."""

from django.db import migrations

from nkohub.core.migration_sql import postgres_sql

CREATE_SQL = [
    "ALTER TABLE news_newsitem ADD COLUMN IF NOT EXISTS search_vector tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('russian'::regconfig, COALESCE(title, '')), 'A') || "
    "setweight(to_tsvector('russian'::regconfig, COALESCE(body, '')), 'B')) STORED",
    "CREATE INDEX IF NOT EXISTS news_search_vector ON news_newsitem "
    "USING gin (search_vector) WITH (fastupdate = off)",
]
DROP_SQL = [
    "DROP INDEX IF EXISTS news_search_vector",
    "ALTER TABLE news_newsitem DROP COLUMN IF EXISTS search_vector",
]


class Migration(migrations.Migration):
    dependencies = [("news", "0001_initial")]

    operations = [postgres_sql(CREATE_SQL, DROP_SQL)]
