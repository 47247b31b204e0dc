"""Drop the `*_like` (varchar_pattern_ops) indexes PostgreSQL got for `kind` and `register`.

Django adds one beside every indexed CharField for LIKE 'prefix%' under a non-C collation. Nothing
compares kind or register with LIKE (they are filtered and faceted by equality, which the plain
B-tree beside each serves), so the two only cost space and every write. INN and OGRN keep theirs:
the directory's search by digits is `inn LIKE '4027%' OR ogrn LIKE '4027%'`, a bitmap OR of exactly
those two indexes (EXPLAIN in docs/architecture.md, «Indexes of the registry»).

PostgreSQL only (SQLite has no such indexes). The fields keep db_index=True: should a later
migration change their type, Django drops and recreates the pattern index with them.
"""

from typing import Any

from django.db import migrations

COLUMNS = ("kind", "register")


def _names(schema_editor: Any, model: Any) -> list[str]:
    table = model._meta.db_table
    return [schema_editor._create_index_name(table, [column], suffix="_like") for column in COLUMNS]


def drop(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in _names(schema_editor, apps.get_model("organizations", "Organization")):
        schema_editor.execute(f"DROP INDEX IF EXISTS {schema_editor.quote_name(name)}")


def restore(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    model = apps.get_model("organizations", "Organization")
    for column in COLUMNS:
        schema_editor.execute(
            schema_editor._create_like_index_sql(model, model._meta.get_field(column))
        )


class Migration(migrations.Migration):
    dependencies = [("organizations", "0009_search_rank")]

    operations = [migrations.RunPython(drop, restore, elidable=True)]
