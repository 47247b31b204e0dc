"""Proposing an idea, its status set by operators or the addressed authority, and sending it to that
authority as an appeal once enough people support it (through the reception's own services)."""

import logging
import uuid
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from nkohub.core.errors import DomainError
from nkohub.ideas import permissions
from nkohub.ideas.models import STATUS_FLOW, Idea, IdeaEvent
from nkohub.organizations.models import Organization, Sphere
from nkohub.reception import selectors as reception_selectors
from nkohub.reception import services as reception
from nkohub.reception.models import Appeal
from nkohub.territories.models import Municipality

from ._shared import _full_clean, _record, _tell_followers

if TYPE_CHECKING:
    from nkohub.accounts.models import User

logger = logging.getLogger(__name__)

# The appeal made from an idea carries a key derived from the idea: made twice, it is found, not repeated.
APPEAL_NAMESPACE = uuid.UUID("5b0f7a52-3a8e-4c55-9d51-6a0c8f1d2e77")


def appeal_key(idea: Idea) -> uuid.UUID:
    return uuid.uuid5(APPEAL_NAMESPACE, f"idea-{idea.pk}")


def _check_addressee(addressee: Organization | None) -> None:
    if addressee is None:
        return
    if not reception_selectors.authorities().filter(pk=addressee.pk).exists():
        raise DomainError(
            _("An idea can be addressed only to an authority of the online reception."),
            field="addressee",
        )


@transaction.atomic
def idea_propose(
    *,
    actor: "User",
    title: str,
    problem: str,
    proposal: str,
    municipality: Municipality,
    sphere: Sphere,
    addressee: Organization | None = None,
) -> Idea:
    decision = permissions.can_propose(actor)
    if not decision:
        raise PermissionDenied(decision.reason)
    _check_addressee(addressee)
    idea = Idea(
        author=actor,
        title=title.strip(),
        problem=problem.strip(),
        proposal=proposal.strip(),
        municipality=municipality,
        sphere=sphere,
        addressee=addressee,
    )
    _full_clean(idea)
    idea.save()
    _record(
        idea,
        IdeaEvent.Kind.PROPOSED,
        actor=actor,
        changes={"addressee": str(addressee) if addressee else ""},
    )
    return idea


@transaction.atomic
def idea_set_status(*, actor: "User", idea: Idea, status: str, reason: str = "") -> Idea:
    """Move the idea along STATUS_FLOW; a rejection says why. The author and supporters are told."""
    if not permissions.can_set_status(actor, idea):
        raise PermissionDenied
    Idea.objects.select_for_update().filter(pk=idea.pk).first()
    idea.refresh_from_db()
    before = idea.status
    if status not in STATUS_FLOW[before]:
        raise DomainError(
            _("The idea in the status «%(status)s» cannot be moved to this one.")
            % {"status": idea.get_status_display()},
            field="status",
        )
    reason = reason.strip()
    if status == Idea.Status.REJECTED and not reason:
        raise DomainError(_("Say why the idea is rejected."), field="reason")
    idea.status = status
    idea.status_reason = reason
    _full_clean(idea)
    idea.save(update_fields=["status", "status_reason", "updated_at"])
    event = _record(idea, IdeaEvent.Kind.STATUS, actor=actor, before=before, text=reason)
    _tell_followers(event)
    return idea


def _appeal_text(idea: Idea, supports: int) -> str:
    lines = [
        _("The problem"),
        idea.problem,
        "",
        _("The proposal"),
        idea.proposal,
        "",
        _("The idea is supported by %(count)s participants of the platform: %(url)s")
        % {"count": supports, "url": f"{settings.SITE_URL}{idea.get_absolute_url()}"},
    ]
    return "\n".join(lines)


def send_as_appeal_when_due(*, actor: "User", idea: Idea) -> Appeal | None:
    """Inside a support's transaction, after its UPDATE of the counter (the idea's row is locked until
    commit): an addressed idea that has reached IDEAS_APPEAL_THRESHOLD supports becomes an appeal of
    its author to the authority, once. A second support crossing it at the same moment waits for the
    lock and then finds the appeal already linked."""
    row = (
        Idea.objects.select_for_update()
        .filter(pk=idea.pk)
        .values("supports_count", "appeal_id", "status")
        .get()
    )
    if (
        row["appeal_id"] is not None
        or row["supports_count"] < settings.IDEAS_APPEAL_THRESHOLD
        or idea.addressee_id is None
        or idea.author is None
        or row["status"] in (Idea.Status.IMPLEMENTED, Idea.Status.REJECTED)
    ):
        return None
    assert idea.addressee is not None
    try:
        with transaction.atomic():
            appeal, _created = reception.appeal_create(
                actor=idea.author,
                authority=idea.addressee,
                subject=idea.title,
                text=_appeal_text(idea, row["supports_count"]),
                kind=Appeal.Kind.PROPOSAL,
                publish_consent=True,
                idempotency_key=appeal_key(idea),
                submit=True,
            )
    except DomainError as error:  # the addressee no longer accepts appeals: the idea waits
        logger.warning("Idea %s not sent as an appeal: %s", idea.pk, error)
        return None
    Idea.objects.filter(pk=idea.pk).update(appeal=appeal)
    idea.appeal = appeal
    idea.status = row["status"]
    event = _record(
        idea,
        IdeaEvent.Kind.APPEAL,
        actor=actor,
        text=str(idea.addressee),
        changes={"appeal": appeal.pk, "supports_count": row["supports_count"]},
    )
    _tell_followers(event)
    return appeal
