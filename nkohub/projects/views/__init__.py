"""Thin views: validate, check rights (permissions.py), call one service or selector, render."""

from ._shared import (
    _project as _project,
)
from ._shared import (
    _run as _run,
)
from .entries import (
    entry_decide as entry_decide,
)
from .entries import (
    entry_withdraw as entry_withdraw,
)
from .entries import (
    moderation as moderation,
)
from .entries import (
    project_submit as project_submit,
)
from .entries import (
    seasons as seasons,
)
from .parts import (
    part_delete as part_delete,
)
from .parts import (
    project_manage as project_manage,
)
from .parts import (
    project_results as project_results,
)
from .pledges import (
    PLEDGE_ANSWERS as PLEDGE_ANSWERS,
)
from .pledges import (
    _accept as _accept,
)
from .pledges import (
    _decline as _decline,
)
from .pledges import (
    _pledge as _pledge,
)
from .pledges import (
    _withdraw as _withdraw,
)
from .pledges import (
    fulfilment_create as fulfilment_create,
)
from .pledges import (
    partnership_end as partnership_end,
)
from .pledges import (
    pledge_answer as pledge_answer,
)
from .pledges import (
    pledge_create as pledge_create,
)
from .projects import (
    fair as fair,
)
from .projects import (
    my_projects as my_projects,
)
from .projects import (
    project_create as project_create,
)
from .projects import (
    project_detail as project_detail,
)
from .projects import (
    project_edit as project_edit,
)
from .projects import (
    project_status as project_status,
)
from .sponsors import (
    sponsor as sponsor,
)
from .sponsors import (
    sponsor_home as sponsor_home,
)
from .sponsors import (
    sponsor_report as sponsor_report,
)
