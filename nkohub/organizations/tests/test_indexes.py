"""The registry's PostgreSQL indexes: pattern (LIKE) indexes only where a LIKE uses them."""

import pytest
from django.db import connection

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's pattern indexes"),
]


def _pattern_indexed_columns() -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT a.attname FROM pg_index i"
            " JOIN pg_class c ON c.oid = i.indrelid"
            " JOIN pg_opclass o ON o.oid = i.indclass[0]"
            " JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = i.indkey[0]"
            " WHERE c.relname = 'organizations_organization' AND o.opcname = 'varchar_pattern_ops'"
        )
        return {row[0] for row in cursor.fetchall()}


def test_only_the_inn_and_the_ogrn_have_pattern_indexes_for_the_search_by_digits() -> None:
    assert _pattern_indexed_columns() == {"inn", "ogrn"}
