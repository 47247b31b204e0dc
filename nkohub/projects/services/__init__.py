"""Every write of the projects app: projects and their parts, fair entries, pledges, partnerships,
fulfilment, results. Services check domain rules (not rights: views ask permissions.py first),
record the audit trail and tell the people concerned.
"""

from ._shared import (
    PHOTO_MAX_BYTES as PHOTO_MAX_BYTES,
)
from ._shared import (
    PHOTOS_PER_PROJECT as PHOTOS_PER_PROJECT,
)
from ._shared import (
    PROJECT_FIELDS as PROJECT_FIELDS,
)
from ._shared import (
    _check_money as _check_money,
)
from ._shared import (
    _full_clean as _full_clean,
)
from ._shared import (
    _notify_partners as _notify_partners,
)
from ._shared import (
    _project_url as _project_url,
)
from ._shared import (
    _set_tasks as _set_tasks,
)
from ._shared import (
    _users as _users,
)
from ._shared import (
    pledger_recipients as pledger_recipients,
)
from ._shared import (
    team_recipients as team_recipients,
)
from .fair import (
    fair_entry_decide as fair_entry_decide,
)
from .fair import (
    fair_entry_submit as fair_entry_submit,
)
from .fair import (
    fair_entry_withdraw as fair_entry_withdraw,
)
from .fair import (
    season_save as season_save,
)
from .parts import (
    _next_position as _next_position,
)
from .parts import (
    need_add as need_add,
)
from .parts import (
    need_delete as need_delete,
)
from .parts import (
    planned_result_add as planned_result_add,
)
from .parts import (
    planned_result_delete as planned_result_delete,
)
from .parts import (
    team_member_add as team_member_add,
)
from .parts import (
    team_member_delete as team_member_delete,
)
from .pledges import (
    _locked_pending as _locked_pending,
)
from .pledges import (
    fulfilment_record as fulfilment_record,
)
from .pledges import (
    partnership_end as partnership_end,
)
from .pledges import (
    pledge_accept as pledge_accept,
)
from .pledges import (
    pledge_create as pledge_create,
)
from .pledges import (
    pledge_decline as pledge_decline,
)
from .pledges import (
    pledge_withdraw as pledge_withdraw,
)
from .projects import (
    project_change_status as project_change_status,
)
from .projects import (
    project_cover_replace as project_cover_replace,
)
from .projects import (
    project_cover_thumbnail_make as project_cover_thumbnail_make,
)
from .projects import (
    project_create as project_create,
)
from .projects import (
    project_set_demo_cover as project_set_demo_cover,
)
from .projects import (
    project_update as project_update,
)
from .results import (
    _checked_image as _checked_image,
)
from .results import (
    result_photo_add as result_photo_add,
)
from .results import (
    result_photo_delete as result_photo_delete,
)
from .results import (
    results_report as results_report,
)
from .results import (
    validate_result_photo as validate_result_photo,
)
from .sponsors import (
    sponsor_preferences_update as sponsor_preferences_update,
)
