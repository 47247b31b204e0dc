"""What the idea bank's writes share: validation in the person's language, the timeline entry with its
audit record, and telling the author and the supporters (a task: a popular idea has many)."""

from typing import TYPE_CHECKING, Any

from nkohub.core.audit import audit_log
from nkohub.core.errors import full_clean_or_raise
from nkohub.ideas.models import Idea, IdeaEvent
from nkohub.notifications.background import enqueue_on_commit

# The services' one way to validate: the first problem as a DomainError on its field.
_full_clean = full_clean_or_raise

if TYPE_CHECKING:
    from nkohub.accounts.models import User


def _record(
    idea: Idea,
    kind: str,
    *,
    actor: "User | None",
    before: str = "",
    text: str = "",
    changes: dict[str, Any] | None = None,
) -> IdeaEvent:
    event = IdeaEvent.objects.create(
        idea=idea,
        kind=kind,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        status_before=before,
        status_after=idea.status,
        text=text,
    )
    audit = dict(changes or {})
    if before and before != idea.status:
        audit["status"] = [before, idea.status]
    audit_log(actor=actor, action=f"ideas.idea.{kind}", obj=idea, changes=audit)
    return event


def _tell_followers(event: IdeaEvent) -> None:
    """The author and every supporter learn of the event, once the transaction commits."""
    from nkohub.ideas.tasks import tell_followers

    enqueue_on_commit(tell_followers, event.pk)
