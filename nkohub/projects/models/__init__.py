"""Social projects of organisations, the fair where they are presented, sponsors' pledges and
partnerships.

The grants app builds applications from a `Project`: title, summary, goal, `tasks` (ordered
`ProjectTask` rows), social significance, geography (`covers_whole_region` + `municipalities`),
`target_groups` (one per line, see `target_group_list`), dates, budget (`budget_total`,
`own_contribution`, `cofinancing`) and `planned_results` (`PlannedResult`: indicator name, unit,
planned and actual values).
"""

from ._shared import NON_NEGATIVE, normalize_search
from .fair import FairEntry, Fulfilment, Partnership, Pledge, SponsorPreferences
from .projects import (
    COVER,
    COVER_MAX_BYTES,
    COVER_MIN_SIZE,
    NumberedTask,
    PlannedResult,
    Project,
    ProjectNeed,
    ProjectTask,
    ResultPhoto,
    TeamMember,
    project_cover_path,
    result_photo_path,
)
from .seasons import FairSeason

__all__ = [
    "COVER",
    "COVER_MAX_BYTES",
    "COVER_MIN_SIZE",
    "NON_NEGATIVE",
    "FairEntry",
    "FairSeason",
    "Fulfilment",
    "NumberedTask",
    "Partnership",
    "PlannedResult",
    "Pledge",
    "Project",
    "ProjectNeed",
    "ProjectTask",
    "ResultPhoto",
    "SponsorPreferences",
    "TeamMember",
    "normalize_search",
    "project_cover_path",
    "result_photo_path",
]
