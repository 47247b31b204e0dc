"""Validating, matching and writing imported rows in batches.

Re-importing updates the same organisations (matched by OGRN, then INN) instead of duplicating them.
Every skipped row is reported with its number and all its reasons (`validation`), a repeat of an
earlier row first; one bad row never aborts the rest (a batch that fails as a whole is retried row
by row, each in its own savepoint). Records a reader marks as excluded by design (an EGRUL company,
an organisation of another region) are counted by reason, not reported as skipped.

The steps: `reading` (read and validate, a thread ahead of the database), `matching` (OGRN, then
INN), `writing` (the ORM path, the row-by-row fallback), `bulk` (PostgreSQL: COPY into a staging
table, then one join, one INSERT and one UPDATE per batch), `report` (what the run says), `importer`
(the run itself, logged with its id).
"""

from nkohub.organizations.imports.engine.importer import Importer, logger
from nkohub.organizations.imports.engine.matching import COMPARED, UPDATABLE
from nkohub.organizations.imports.engine.reading import BATCH_SIZE
from nkohub.organizations.imports.engine.report import (
    MAX_REPORTED_CHANGES,
    MAX_REPORTED_PROBLEMS,
    Change,
    Checked,
    Exclusion,
    ImportResult,
)
from nkohub.organizations.imports.engine.writing import (
    BULK_LOAD_ROWS,
    SEARCH_INDEX,
    new_organization,
)

__all__ = [
    "BATCH_SIZE",
    "BULK_LOAD_ROWS",
    "COMPARED",
    "MAX_REPORTED_CHANGES",
    "MAX_REPORTED_PROBLEMS",
    "SEARCH_INDEX",
    "UPDATABLE",
    "Change",
    "Checked",
    "Exclusion",
    "ImportResult",
    "Importer",
    "logger",
    "new_organization",
]
