"""How the audit log names learning's actions and fields (see nkohub.core.audit_display)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from nkohub.core.audit_display import AuditLabels
from nkohub.learning.models import Course

LABELS = AuditLabels(
    actions={
        "learning.course.create": _("Course created"),
        "learning.course.update": _("Course changed"),
        "learning.course.status": _("Course's status changed"),
        "learning.cohort.create": _("Cohort added to a course"),
        "learning.module.create": _("Module added to a course"),
        "learning.module.update": _("Module changed"),
        "learning.lesson.create": _("Lesson added"),
        "learning.lesson.update": _("Lesson changed"),
        "learning.lesson.delete": _("Lesson deleted from a draft"),
        "learning.lesson.archive": _("Lesson taken out of a course"),
        "learning.lesson.restore": _("Lesson returned to a course"),
        "learning.file.add": _("File added to a lesson"),
        "learning.file.remove": _("File removed from a lesson"),
        "learning.quiz.update": _("Quiz settings changed"),
        "learning.question.create": _("Question added to a quiz"),
        "learning.question.delete": _("Question deleted from a quiz"),
        "learning.enrolment.create": _("Enrolled in a course"),
        "learning.enrolment.sharing": _("Consent to share learning progress changed"),
        "learning.certificate.issue": _("Certificate issued"),
        "learning.certificate.revoke": _("Certificate revoked"),
        "learning.material.create": _("Material uploaded to the library"),
        "learning.material.update": _("Library material changed"),
        "learning.material.status": _("Library material's status changed"),
        "learning.lesson.material_attach": _("Library material attached to a lesson"),
        "learning.lesson.material_detach": _("Library material detached from a lesson"),
        "learning.recording.create": _("Webinar recording added"),
        "learning.recording.update": _("Webinar recording changed"),
        "learning.recording.status": _("Webinar recording's status changed"),
    },
    fields={
        "authors": _("authors"),
        "cohort": _("cohort"),
        "module": _("module"),
        "lesson": _("lesson"),
        "body": pgettext_lazy("audit field", "text"),
        "file": pgettext_lazy("audit field", "file"),
        "question": _("question"),
        "pass_mark": _("pass mark, %"),
        "max_attempts": _("attempts allowed"),
        "shares_progress": _("shares progress with the organisation"),
        "organization": _("organisation"),
        "course": _("course"),
        "reason": pgettext_lazy("audit field", "reason"),
        "material": _("material"),
        "topics": _("topics"),
        "tags": _("tags"),
        "description": pgettext_lazy("audit field", "description"),
        "recording": _("webinar recording"),
        "slides": _("slides"),
        "video": pgettext_lazy("audit field", "video"),
        "topic": _("topic"),
    },
    choices={"status": Course.Status.choices},
)
