"""The grants views, split by subject: the competition catalogue (calendar, competition pages, starting an application), applications (editing, checking, versions, exports) and stats (statistics, region comparisons, fund card import)."""

from nkohub.grants.views.applications import (
    application_check,
    application_detail,
    application_edit,
    application_export,
    application_export_file,
    application_export_status,
    application_restore,
    application_status,
    application_versions,
    my_applications,
)
from nkohub.grants.views.catalogue import (
    application_start,
    calendar,
    calendar_ics,
    competition_detail,
    competition_edit,
    competition_follow,
)
from nkohub.grants.views.stats import (
    card_import,
    comparison_create,
    comparison_delete,
    organization_statistics,
    statistics,
)

__all__ = [
    "application_check",
    "application_detail",
    "application_edit",
    "application_export",
    "application_export_file",
    "application_export_status",
    "application_restore",
    "application_start",
    "application_status",
    "application_versions",
    "calendar",
    "calendar_ics",
    "card_import",
    "comparison_create",
    "comparison_delete",
    "competition_detail",
    "competition_edit",
    "competition_follow",
    "my_applications",
    "organization_statistics",
    "statistics",
]
