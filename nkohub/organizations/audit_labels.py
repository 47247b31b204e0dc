"""How the audit log names this app's actions and fields (see nkohub.core.audit_display)."""

from typing import Any

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from nkohub.core.audit_display import AuditLabels
from nkohub.organizations.models import ImportRun, Membership


def _number(value: Any) -> str:
    return f"№ {value}" if value not in (None, "") else "—"


LABELS = AuditLabels(
    actions={
        "organizations.organization.create": _("Organisation added to the registry"),
        "organizations.organization.register": _("Organisation registered by its representative"),
        "organizations.organization.update": _("Organisation's profile changed"),
        "organizations.organization.create_from_fund_card": _(
            "Organisation added from a Fund's card"
        ),
        "organizations.organization.update_from_fund_card": _(
            "Organisation updated from a Fund's card"
        ),
        "organizations.organization.verify": _("Organisation verified"),
        "organizations.organization.unverify": _("Organisation's verification withdrawn"),
        "organizations.claim.submit": _("Claim of an organisation submitted"),
        "organizations.claim.approve": _("Claim of an organisation approved"),
        "organizations.claim.reject": _("Claim of an organisation rejected"),
        "organizations.claim.withdraw": _("Claim of an organisation withdrawn"),
        "organizations.membership.role": _("Member's role changed"),
        "organizations.membership.leave": _("Member left the organisation"),
        "organizations.membership.remove": _("Member removed from the organisation"),
        "organizations.invitation.create": _("Invitation sent"),
        "organizations.invitation.cancel": _("Invitation cancelled"),
        "organizations.invitation.accept": _("Invitation accepted"),
        "organizations.import.start": _("Registry import started"),
        "organizations.import": _("Registry import from a file"),
    },
    fields={
        "claim": pgettext_lazy("audit field", "claim"),
        "user": pgettext_lazy("audit field", "person"),
        "reason": pgettext_lazy("audit field", "reason"),
        "role": pgettext_lazy("audit field", "role"),
        "email": pgettext_lazy("audit field", "e-mail"),
        "dry_run": _("dry run (change nothing)"),
        "file": pgettext_lazy("audit field", "file"),
        "format": pgettext_lazy("audit field", "format"),
        "rows": _("rows read"),
        "created": pgettext_lazy("audit field", "created"),
        "updated": pgettext_lazy("audit field", "updated"),
        "unchanged": pgettext_lazy("audit field", "unchanged"),
        "skipped": pgettext_lazy("audit field", "skipped"),
    },
    choices={"role": Membership.Role.choices, "format": ImportRun.Format.choices},
    formats={"claim": _number},
)
