"""How the audit log names this app's actions and fields (see nkohub.core.audit_display)."""

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from nkohub.core.audit_display import AuditLabels, as_range
from nkohub.grants.models import Application

LABELS = AuditLabels(
    actions={
        "grants.application.start": _("Grant application started"),
        "grants.application.save": _("Grant application saved"),
        "grants.application.restore": _("Earlier version of a grant application restored"),
        **{
            f"grants.application.{code}": format_lazy(
                "{}: {}", _("Grant application's status"), label
            )
            for code, label in Application.Status.choices
        },
        "grants.card.application_created": _("Grant application imported from a Fund's card"),
        "grants.card.application_updated": _("Grant application updated from a Fund's card"),
        "grants.card.organization_create": _("Organisation added from a Fund's card"),
        "grants.card.organization_update": _("Organisation updated from a Fund's card"),
        "grants.comparison.create": _("Figures of another region added"),
        "grants.comparison.update": _("Figures of another region changed"),
        "grants.comparison.delete": _("Figures of another region deleted"),
        "grants.competition.create": _("Competition added to the calendar"),
        "grants.competition.update": _("Competition changed"),
        "grants.competition.follow": _("Competition followed"),
        "grants.competition.unfollow": _("Competition no longer followed"),
    },
    fields={
        "competition": pgettext_lazy("audit field", "competition"),
        "project": pgettext_lazy("audit field", "project"),
        "from": _("from version"),
        "amounts": _("grant amounts, rubles"),
    },
    formats={"amounts": as_range},
)
