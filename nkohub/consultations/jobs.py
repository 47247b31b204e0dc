"""The scheduled job of consultations (also `manage.py escalate_overdue_questions`) and its notification
kinds."""

from django.utils.translation import gettext_lazy as _

from nkohub.consultations.services import questions_escalate_overdue

NOTIFICATION_KINDS = {
    "consultations.question.new": _("A new question on your competences"),
    "consultations.question.taken": _("An expert took your question"),
    "consultations.question.clarification": _("An expert asks about your question"),
    "consultations.question.reply": _("The asker replied to your clarification"),
    "consultations.question.answered": _("Your question to experts is answered"),
    "consultations.question.rated": _("Your answer to a question was rated"),
    "consultations.question.overdue": _("A question to experts is overdue (operators)"),
    "consultations.slot.booked": _("Someone booked your consultation slot"),
    "consultations.slot.cancelled": _("A consultation booking is cancelled"),
}


def escalate_overdue() -> str:
    escalated = questions_escalate_overdue()
    return f"overdue questions escalated: {escalated}"
