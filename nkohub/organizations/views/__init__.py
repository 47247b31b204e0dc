from ._shared import (
    DIRECTORY_PAGE_SIZE as DIRECTORY_PAGE_SIZE,
)
from ._shared import (
    EXPORT_COLUMNS as EXPORT_COLUMNS,
)
from ._shared import (
    _error as _error,
)
from .claims import (
    claim as claim,
)
from .claims import (
    claim_detail as claim_detail,
)
from .claims import (
    claim_document as claim_document,
)
from .claims import (
    claim_review as claim_review,
)
from .claims import (
    claim_withdraw as claim_withdraw,
)
from .claims import (
    claims as claims,
)
from .claims import (
    register as register,
)
from .directory import (
    _csv_lines as _csv_lines,
)
from .directory import (
    detail as detail,
)
from .directory import (
    directory as directory,
)
from .directory import (
    edit as edit,
)
from .directory import (
    export as export,
)
from .directory import (
    verify as verify,
)
from .imports import (
    import_detail as import_detail,
)
from .imports import (
    imports as imports,
)
from .members import (
    _membership_for_manager as _membership_for_manager,
)
from .members import (
    invitation_accept as invitation_accept,
)
from .members import (
    invitation_cancel as invitation_cancel,
)
from .members import (
    leave as leave,
)
from .members import (
    member_remove as member_remove,
)
from .members import (
    member_role as member_role,
)
from .members import (
    members as members,
)
