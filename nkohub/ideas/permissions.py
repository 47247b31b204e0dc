"""Who may do what in the idea bank. The only place these rights are decided.

- Anyone reads ideas, their visible comments and timelines; anyone signed in proposes and comments.
- A signed-in person supports someone else's open idea once, and may withdraw the support.
- Operators of the resource centre hide comments (with a reason) and set any idea's status; the
  officials of the authority an idea is addressed to set the status of the ideas addressed to it.
"""

from typing import Any

from django.utils.translation import gettext_lazy as _

from nkohub.core.permissions import ALLOWED, Decision, is_operator, refused, require
from nkohub.ideas.models import STATUS_FLOW, Idea
from nkohub.organizations.models import Organization
from nkohub.reception.permissions import is_official

__all__ = ["refused", "require"]


def _signed_in(user: Any) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def can_propose(user: Any) -> Decision:
    if not _signed_in(user):
        return refused(_("Log in to propose an idea."))
    return ALLOWED


def can_support(user: Any, idea: Idea, *, supported: bool) -> Decision:
    if not _signed_in(user):
        return refused(_("Log in to support the idea."))
    if idea.author_id == user.pk:
        return refused(_("You cannot support your own idea."))
    if not idea.is_open:
        return refused(_("The idea no longer collects supports."))
    if supported:
        return refused(_("You already support this idea."))
    return ALLOWED


def can_withdraw_support(user: Any, idea: Idea, *, supported: bool) -> Decision:
    if not _signed_in(user) or not supported:
        return refused(_("You do not support this idea."))
    if not idea.is_open:
        return refused(_("The idea no longer collects supports."))
    return ALLOWED


def can_comment(user: Any, idea: Idea) -> Decision:
    if not _signed_in(user):
        return refused(_("Log in to comment."))
    return ALLOWED


def can_moderate(user: Any) -> bool:
    return is_operator(user)


def serves_addressee(user: Any, idea: Idea) -> bool:
    return idea.addressee is not None and is_official(user, idea.addressee)


def can_set_status(user: Any, idea: Idea) -> bool:
    return is_operator(user) or serves_addressee(user, idea)


def next_statuses(user: Any, idea: Idea) -> tuple[str, ...]:
    """The statuses this person may move the idea to now (none without the right)."""
    return STATUS_FLOW[idea.status] if can_set_status(user, idea) else ()


def can_view_addressed(user: Any, authority: Organization) -> bool:
    """The list of ideas addressed to an authority, with the buttons to answer them."""
    return is_operator(user) or is_official(user, authority)
