"""How the audit log names the idea bank's actions and fields (see nkohub.core.audit_display)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from nkohub.core.audit_display import AuditLabels
from nkohub.ideas.models import Idea

LABELS = AuditLabels(
    actions={
        "ideas.idea.proposed": _("Idea proposed"),
        "ideas.idea.status": _("Idea's status changed"),
        "ideas.idea.appeal": _("Idea sent to an authority as an appeal"),
        "ideas.support.add": _("Idea supported"),
        "ideas.support.withdraw": _("Support of an idea withdrawn"),
        "ideas.comment.add": _("Comment on an idea added"),
        "ideas.comment.hide": _("Comment on an idea hidden"),
    },
    fields={
        "addressee": pgettext_lazy("idea field", "addressed to"),
        "appeal": pgettext_lazy("idea field", "appeal"),
        "supports_count": _("supports"),
        "comment": _("comment"),
        "reason": pgettext_lazy("audit field", "reason"),
    },
    choices={"status": Idea.Status.choices},
)
