"""SQL that only PostgreSQL runs, for migrations: search vectors, GIN and trigram indexes that the
models do not declare (SQLite searches without them).

    operations = [postgres_sql(CREATE_SQL, DROP_SQL)]
"""

from collections.abc import Sequence
from typing import Any

from django.db import migrations


def postgres_sql(forwards: Sequence[str], backwards: Sequence[str]) -> migrations.RunPython:
    def run(statements: Sequence[str]) -> Any:
        def apply(apps: Any, schema_editor: Any) -> None:
            if schema_editor.connection.vendor == "postgresql":
                for sql in statements:
                    schema_editor.execute(sql)

        return apply

    return migrations.RunPython(run(forwards), run(backwards))
