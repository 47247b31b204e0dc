"""What the idea bank holds about a person: the ideas they proposed, their supports and comments."""

from typing import Any

from django.db.models import F

from nkohub.ideas.models import Idea, IdeaComment, IdeaSupport


def export(user: Any) -> dict[str, Any]:
    return {
        "ideas": [
            {
                "title": idea.title,
                "problem": idea.problem,
                "proposal": idea.proposal,
                "status": idea.status,
                "created_at": idea.created_at.isoformat(),
            }
            for idea in Idea.objects.filter(author=user)
        ],
        "supports": [
            {"idea": support.idea.title, "supported_at": support.created_at.isoformat()}
            for support in IdeaSupport.objects.filter(user=user).select_related("idea")
        ],
        "comments": [
            {
                "idea": comment.idea.title,
                "text": comment.text,
                "written_at": comment.created_at.isoformat(),
            }
            for comment in IdeaComment.objects.filter(author=user).select_related("idea")
        ],
    }


def erase(user: Any) -> dict[str, Any]:
    """Supports go (each idea's counter with them); ideas and comments stay public without the name."""
    supported = list(IdeaSupport.objects.filter(user=user).values_list("idea_id", flat=True))
    removed, _rows = IdeaSupport.objects.filter(user=user).delete()
    Idea.objects.filter(pk__in=supported).update(supports_count=F("supports_count") - 1)
    ideas = Idea.objects.filter(author=user).update(author=None)
    comments = IdeaComment.objects.filter(author=user).update(author=None)
    return {"supports": removed, "ideas_anonymised": ideas, "comments_anonymised": comments}
