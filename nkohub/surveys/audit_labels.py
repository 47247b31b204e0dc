"""How the audit log names the surveys' actions and fields (see nkohub.core.audit_display)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from nkohub.core.audit_display import AuditLabels
from nkohub.surveys.models import Survey

LABELS = AuditLabels(
    actions={
        "surveys.survey.create": _("Survey created"),
        "surveys.survey.update": _("Survey changed"),
        "surveys.survey.status": _("Survey's status changed"),
        "surveys.survey.from_template": _("Survey created from a template"),
        "surveys.survey.remind": _("Reminder of a survey sent"),
        "surveys.question.add": _("Question added to a survey"),
        "surveys.question.change": _("Question of a survey changed"),
        "surveys.question.delete": _("Question of a survey deleted"),
        "surveys.response.submit": _("Survey answered"),
        "surveys.zone.map": _("Problem zone mapped to groups and tools"),
    },
    fields={
        "question": _("question"),
        "template": _("template"),
        "told": _("people told"),
        "actors": _("groups that must act"),
        "tools": _("platform tools"),
        "title": pgettext_lazy("survey", "title"),
    },
    choices={
        "status": Survey.Status.choices,
        "purpose": Survey.Purpose.choices,
        "audience": Survey.Audience.choices,
    },
)
