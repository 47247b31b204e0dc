"""What learning holds about a person: enrolments, progress, quiz attempts and certificates, and which
library materials and webinar recordings they uploaded (the materials stay, as the platform's, when the
account goes: `created_by` is emptied by the database)."""

from typing import Any

from nkohub.learning.models import Attempt, Certificate, Enrolment, Material, Recording


def export(user: Any) -> dict[str, Any]:
    enrolments = Enrolment.objects.filter(user=user).select_related("course", "cohort")
    return {
        "enrolments": [
            {
                "course": e.course.title,
                "cohort": str(e.cohort) if e.cohort else None,
                "enrolled_at": e.enrolled_at.isoformat(),
                "completed_at": e.completed_at.isoformat() if e.completed_at else None,
                "shares_progress": e.shares_progress,
                "sharing_changed_at": e.sharing_changed_at.isoformat()
                if e.sharing_changed_at
                else None,
                "lessons_completed": e.progress.filter(completed_at__isnull=False).count(),
            }
            for e in enrolments
        ],
        "quiz_attempts": [
            {
                "quiz": str(a.quiz),
                "number": a.number,
                "score": a.score,
                "passed": a.passed,
                "submitted_at": a.submitted_at.isoformat(),
            }
            for a in Attempt.objects.filter(user=user).select_related("quiz__lesson")
        ],
        "certificates": [
            {"code": c.code, "course": c.course_title, "issued_at": c.issued_at.isoformat()}
            for c in Certificate.objects.filter(enrolment__user=user)
        ],
        "library_materials_uploaded": [
            {"title": m.title, "file": m.original_name, "created_at": m.created_at.isoformat()}
            for m in Material.objects.filter(created_by=user).only(
                "title", "original_name", "created_at"
            )
        ],
        "webinar_recordings_added": [
            {"title": r.title, "held_on": r.held_on.isoformat()}
            for r in Recording.objects.filter(created_by=user).only("title", "held_on")
        ],
    }


def erase(user: Any) -> dict[str, Any]:
    """Progress and attempts go; certificates stay verifiable but no longer carry the name."""
    attempts, _ = Attempt.objects.filter(user=user).delete()
    certificates = Certificate.objects.filter(enrolment__user=user).update(full_name="—")
    enrolments = Enrolment.objects.filter(user=user, certificate__isnull=True)
    removed, _ = enrolments.delete()
    return {
        "quiz_attempts": attempts,
        "certificates_anonymised": certificates,
        "enrolments": removed,
    }
