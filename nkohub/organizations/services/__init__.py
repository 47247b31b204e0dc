"""Writes of the registry: profiles, registration, claims, memberships, invitations.

One function per use case, keyword-only, atomic, audited; rules broken → DomainError (Russian).
Imports live in `nkohub.organizations.imports`.
"""

from ._shared import (
    OPERATOR_ONLY_FIELDS as OPERATOR_ONLY_FIELDS,
)
from ._shared import (
    PROFILE_FIELDS as PROFILE_FIELDS,
)
from ._shared import (
    _clean_identifiers as _clean_identifiers,
)
from ._shared import (
    _ensure_identifiers_free as _ensure_identifiers_free,
)
from ._shared import (
    _save as _save,
)
from ._shared import (
    _url as _url,
)
from ._shared import (
    organization_refresh_search as organization_refresh_search,
)
from .claims import (
    _attach_document as _attach_document,
)
from .claims import (
    _check_reviewable as _check_reviewable,
)
from .claims import (
    _tell_operators as _tell_operators,
)
from .claims import (
    claim_approve as claim_approve,
)
from .claims import (
    claim_reject as claim_reject,
)
from .claims import (
    claim_submit as claim_submit,
)
from .claims import (
    claim_withdraw as claim_withdraw,
)
from .claims import (
    organization_register as organization_register,
)
from .fund_cards import (
    FundCardOrganization as FundCardOrganization,
)
from .fund_cards import (
    _legal_form_in_name as _legal_form_in_name,
)
from .fund_cards import (
    organization_from_fund_card as organization_from_fund_card,
)
from .logo import (
    _enqueue_logo_thumbnail as _enqueue_logo_thumbnail,
)
from .logo import (
    _save_with_logo as _save_with_logo,
)
from .logo import (
    organization_logo_apply as organization_logo_apply,
)
from .logo import (
    organization_logo_thumbnail_make as organization_logo_thumbnail_make,
)
from .logo import (
    organization_set_demo_logo as organization_set_demo_logo,
)
from .members import (
    _lock_memberships as _lock_memberships,
)
from .members import (
    _owner_count as _owner_count,
)
from .members import (
    _send_invitation_mail as _send_invitation_mail,
)
from .members import (
    invitation_accept as invitation_accept,
)
from .members import (
    invitation_cancel as invitation_cancel,
)
from .members import (
    invitation_create as invitation_create,
)
from .members import (
    membership_change_role as membership_change_role,
)
from .members import (
    membership_leave as membership_leave,
)
from .members import (
    membership_remove as membership_remove,
)
from .personal_data import (
    personal_data_erase as personal_data_erase,
)
from .personal_data import (
    personal_data_export as personal_data_export,
)
from .profile import (
    organization_create as organization_create,
)
from .profile import (
    organization_set_verified as organization_set_verified,
)
from .profile import (
    organization_update as organization_update,
)
