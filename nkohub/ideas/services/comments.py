"""Comments under ideas, and their moderation: an operator hides a comment with a reason, and its
author is told why."""

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from nkohub.core.audit import audit_log
from nkohub.core.errors import DomainError
from nkohub.ideas import permissions
from nkohub.ideas.models import Idea, IdeaComment
from nkohub.notifications.services import notify

from ._shared import _full_clean

if TYPE_CHECKING:
    from nkohub.accounts.models import User


@transaction.atomic
def comment_add(*, actor: "User", idea: Idea, text: str) -> IdeaComment:
    decision = permissions.can_comment(actor, idea)
    if not decision:
        raise PermissionDenied(decision.reason)
    comment = IdeaComment(idea=idea, author=actor, text=text.strip())
    _full_clean(comment)
    comment.save()
    audit_log(actor=actor, action="ideas.comment.add", obj=idea, changes={"comment": comment.pk})
    if idea.author is not None:
        notify(
            recipients=[idea.author],
            kind="ideas.comment.added",
            title=_("A new comment on your idea «%(title)s»") % {"title": idea.title},
            body=comment.text[:500],
            obj=idea,
            url=idea.get_absolute_url(),
            actor=actor,
        )
    return comment


@transaction.atomic
def comment_hide(*, actor: "User", comment: IdeaComment, reason: str) -> IdeaComment:
    if not permissions.can_moderate(actor):
        raise PermissionDenied
    if comment.is_hidden:
        raise DomainError(_("The comment is already hidden."))
    reason = reason.strip()
    if not reason:
        raise DomainError(_("Say why the comment is hidden."), field="reason")
    comment.hidden_at = timezone.now()
    comment.hidden_by = actor
    comment.hidden_reason = reason
    _full_clean(comment)
    comment.save(update_fields=["hidden_at", "hidden_by", "hidden_reason"])
    audit_log(
        actor=actor,
        action="ideas.comment.hide",
        obj=comment.idea,
        changes={"comment": comment.pk, "reason": reason},
    )
    if comment.author is not None:
        notify(
            recipients=[comment.author],
            kind="ideas.comment.hidden",
            title=_("Your comment on the idea «%(title)s» is hidden")
            % {"title": comment.idea.title},
            body=reason,
            obj=comment.idea,
            url=comment.idea.get_absolute_url(),
            actor=actor,
        )
    return comment
