"""How the audit log names this app's actions and fields (see nkohub.core.audit_display)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from nkohub.core.audit_display import AuditLabels

LABELS = AuditLabels(
    actions={
        "competitions.call.create": _("Call created"),
        "competitions.call.update": _("Call changed"),
        "competitions.call.criteria": _("Criteria of a call set"),
        "competitions.call.documents": _("Documents required by a call set"),
        "competitions.call.questions": _("Questions of a call set"),
        "competitions.call.publish": _("Call published"),
        "competitions.call.review": _("Call moved to review"),
        "competitions.call.results": _("Results of a call published"),
        "competitions.submission.submit": _("Application submitted to a call"),
        "competitions.submission.withdraw": _("Submission withdrawn"),
        "competitions.submission.status": _("Status of a submission changed on the desk"),
        "competitions.submission.approve": _("Submission approved"),
        "competitions.submission.decline": _("Submission declined"),
        "competitions.submission.ask": _("More information asked of an applicant"),
        "competitions.submission.answer": _("Applicant answered the funder's question"),
        "competitions.review.assign": _("Expert assigned"),
        "competitions.review.conflict": _("Expert declared a conflict of interest"),
        "competitions.review.no_conflict": _("Expert declared no conflict of interest"),
        "competitions.review.save": _("Review saved"),
        "competitions.review.submit": _("Review submitted"),
        "competitions.report.submit": _("Report filed"),
        "competitions.report.accepted": _("Report accepted"),
        "competitions.report.returned": _("Report returned for changes"),
    },
    fields={
        "call": pgettext_lazy("audit field", "call"),
        "version": pgettext_lazy("audit field", "version"),
        "criteria": _("criteria"),
        "documents": _("documents"),
        "questions": _("questions"),
        "expert": _("expert"),
        "total": _("total score, %"),
        "question": _("question"),
        "spent": _("spent, ₽"),
    },
)
