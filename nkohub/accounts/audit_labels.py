"""How the audit log names this app's actions and fields (see nkohub.core.audit_display)."""

from django.utils.translation import gettext_lazy as _

from nkohub.core.audit_display import AuditLabels, as_list

LABELS = AuditLabels(
    actions={
        "accounts.consent.give": _("Consent to personal data processing given"),
        "accounts.account.delete": _("Account deleted, personal data destroyed"),
        "accounts.profile.update": _("Profile changed"),
        "accounts.retention.destroy": _("Expired personal data destroyed"),
    },
    fields={
        "versions": _("document versions"),
        "rule": _("rule"),
        "count": _("how many"),
        "period_days": _("retention period, days"),
    },
    formats={"versions": as_list},
)
