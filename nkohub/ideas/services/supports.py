"""Supporting an idea and withdrawing the support: one per person, the counter in step with the rows.

The unique constraint decides between two tabs or a retried request of one person (the second insert
fails and changes nothing); the counter moves by F() in the same transaction as the row, so it never
drifts from COUNT(*) of the supports.
"""

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import F

from nkohub.core.audit import audit_log
from nkohub.core.errors import DomainError
from nkohub.ideas import permissions
from nkohub.ideas.models import Idea, IdeaSupport

from .ideas import send_as_appeal_when_due

if TYPE_CHECKING:
    from nkohub.accounts.models import User


@transaction.atomic
def idea_support(*, actor: "User", idea: Idea) -> bool:
    """Support the idea; False when this person already does (a second tab, a retried request)."""
    if not actor.is_authenticated:
        raise PermissionDenied
    supported = IdeaSupport.objects.filter(idea=idea, user=actor).exists()
    if supported:
        return False
    decision = permissions.can_support(actor, idea, supported=False)
    if not decision:
        raise DomainError(decision.reason)
    try:
        with transaction.atomic():
            IdeaSupport.objects.create(idea=idea, user=actor)
    except IntegrityError:  # the same person's other request got there first
        return False
    Idea.objects.filter(pk=idea.pk).update(supports_count=F("supports_count") + 1)
    audit_log(actor=actor, action="ideas.support.add", obj=idea)
    send_as_appeal_when_due(actor=actor, idea=idea)
    return True


@transaction.atomic
def idea_withdraw_support(*, actor: "User", idea: Idea) -> bool:
    """Withdraw one's support; False when there was none (already withdrawn in another tab)."""
    if not actor.is_authenticated:
        raise PermissionDenied
    if not idea.is_open:
        raise DomainError(permissions.can_withdraw_support(actor, idea, supported=True).reason)
    deleted, _rows = IdeaSupport.objects.filter(idea=idea, user=actor).delete()
    if not deleted:
        return False
    Idea.objects.filter(pk=idea.pk).update(supports_count=F("supports_count") - 1)
    audit_log(actor=actor, action="ideas.support.withdraw", obj=idea)
    return True
