"""What the competitions hold about a person: the reviews they wrote as an expert (with their
declarations) and the submissions they sent for their organisations."""

from typing import Any

from nkohub.competitions.models import Assignment, Submission


def export(user: Any) -> dict[str, Any]:
    return {
        "reviews": [
            {
                "submission": a.submission.title,
                "call": a.submission.call.title,
                "status": a.status,
                "conflict_note": a.conflict_note,
                "summary": a.summary,
                "total": str(a.total) if a.total is not None else None,
                "scores": [
                    {"criterion": s.criterion.name, "score": s.value, "comment": s.comment}
                    for s in a.scores.all()
                ],
            }
            for a in Assignment.objects.filter(expert=user)
            .select_related("submission__call")
            .prefetch_related("scores__criterion")
        ],
        "submissions_sent": [
            {"title": s.title, "call": s.call.title, "submitted_at": s.submitted_at.isoformat()}
            for s in Submission.objects.filter(submitted_by=user).select_related("call")
        ],
    }


def erase(user: Any) -> dict[str, Any]:
    """Reviews stay part of the funder's record of its decision; what the expert said about
    themselves (the conflict of interest) goes, and the submissions no longer name the sender."""
    notes = (
        Assignment.objects.filter(expert=user).exclude(conflict_note="").update(conflict_note="")
    )
    sent = Submission.objects.filter(submitted_by=user).update(submitted_by=None)
    return {"conflict_notes_erased": notes, "submissions_unnamed": sent}
