"""How the audit log names the actions and fields of consultations (see nkohub.core.audit_display)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from nkohub.consultations.models import Article, Question, Slot
from nkohub.core.audit_display import AuditLabels

LABELS = AuditLabels(
    actions={
        "consultations.expert.create": _("Person made an expert"),
        "consultations.expert.update": _("Expert's competences changed"),
        "consultations.question.ask": _("Question to experts asked"),
        "consultations.question.take": _("Question taken by an expert"),
        "consultations.question.clarification": _("Expert asked for a clarification"),
        "consultations.question.reply": _("Asker replied to the expert"),
        "consultations.question.answer": _("Question answered by the expert"),
        "consultations.question.rate": _("Answer rated"),
        "consultations.question.withdraw": _("Question withdrawn"),
        "consultations.question.escalate": _("Overdue question escalated to the operators"),
        "consultations.article.create": _("Knowledge base article drafted"),
        "consultations.article.update": _("Knowledge base article changed"),
        "consultations.slot.create": _("Consultation slot published"),
        "consultations.slot.book": _("Consultation slot booked"),
        "consultations.slot.unbook": _("Consultation booking cancelled"),
        "consultations.slot.withdraw": _("Consultation slot withdrawn"),
    },
    fields={
        "competence": pgettext_lazy("consultations", "topic"),
        "competences": _("competences"),
        "due_on": _("answer due"),
        "days_left": _("working days left"),
        "expert": _("expert"),
        "rating": pgettext_lazy("audit field", "rating"),
        "organization": _("organisation"),
    },
    scoped_choices={
        "consultations.question.": {"status": Question.Status.choices},
        "consultations.article.": {"status": Article.Status.choices},
        "consultations.slot.": {"status": Slot.Status.choices},
    },
)
