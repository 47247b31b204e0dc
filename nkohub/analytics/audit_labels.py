"""How the audit log names this app's actions and fields (see nkohub.core.audit_display)."""

from django.utils.translation import gettext_lazy as _

from nkohub.core.audit_display import AuditLabels

LABELS = AuditLabels(
    actions={
        "analytics.figures.import": _("Figures imported for the dashboard"),
        "analytics.subsidies.delete_year": _("A year's subsidies deleted"),
        "analytics.dashboard.public_blocks": _("Public blocks of the dashboard changed"),
        "analytics.report.request": _("Sector report ordered"),
    },
    fields={
        "kind": _("kind of figures"),
        "rows": _("rows"),
        "source": _("source of the figures"),
        "year": _("year"),
        "start": _("period from"),
        "end": _("period to"),
    },
)
