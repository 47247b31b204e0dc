"""What the reception's services share: the right and status check, the history entry with its audit
record, attachments, and who is told of what."""

from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from nkohub.core.audit import audit_log
from nkohub.core.errors import DomainError
from nkohub.core.storage import original_filename
from nkohub.notifications.services import notify
from nkohub.organizations.models import Membership, Organization
from nkohub.organizations.permissions import ACTING_ROLES
from nkohub.reception import permissions, workflow
from nkohub.reception.attachments import validate_attachments
from nkohub.reception.models import (
    Appeal,
    AppealAttachment,
    AppealEvent,
    Topic,
)

if TYPE_CHECKING:
    from nkohub.accounts.models import User


# Helpers -------------------------------------------------------------------------------------
def _require(actor: "User", appeal: Appeal, action: str) -> str:
    """The status after `action`; refuses a person without the right and a status that does not allow it."""
    if not permissions.has_role_for(actor, appeal, action):
        raise PermissionDenied
    return workflow.check_transition(appeal, action)


def _url(appeal: Appeal) -> str:
    return reverse("reception:appeal", args=[appeal.pk])


def _record(
    appeal: Appeal,
    kind: str,
    *,
    actor: "User",
    before: str,
    text: str = "",
    data: dict[str, Any] | None = None,
) -> AppealEvent:
    event = AppealEvent.objects.create(
        appeal=appeal,
        kind=kind,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        status_before=before,
        status_after=appeal.status,
        text=text,
        data=data or {},
    )
    changes: dict[str, Any] = {"status": [before, appeal.status]} if before != appeal.status else {}
    changes.update(data or {})
    audit_log(actor=actor, action=f"reception.appeal.{kind}", obj=appeal, changes=changes)
    return event


def _attach(appeal: Appeal, files: Iterable[UploadedFile], *, role: str, actor: "User") -> None:
    files = list(files)
    if not files:
        return
    try:
        validate_attachments(files)
    except Exception as error:  # a ValidationError from a caller that skipped the form
        raise DomainError(
            "; ".join(getattr(error, "messages", [str(error)])), field="files"
        ) from error
    for upload in files:
        AppealAttachment.objects.create(
            appeal=appeal,
            role=role,
            file=upload,
            name=original_filename(upload.name),
            size=upload.size or 0,
            uploaded_by=actor,
        )


def _acting_members(organization: Organization) -> list[Any]:
    """Officials of an authority, or the people acting for an NGO (owners and editors)."""
    memberships = Membership.objects.filter(
        organization=organization, role__in=ACTING_ROLES
    ).select_related("user")
    return [membership.user for membership in memberships]


def _author_side(appeal: Appeal) -> list[Any]:
    if appeal.author is not None:
        return [appeal.author]
    if appeal.organization is not None:
        return _acting_members(appeal.organization)
    return []


def _handlers(appeal: Appeal) -> list[Any]:
    """Who handles the appeal now: the assignee, else the topic's responsible official, else all officials."""
    if appeal.assignee is not None:
        return [appeal.assignee]
    if appeal.topic is not None and appeal.topic.responsible is not None:
        return [appeal.topic.responsible]
    return _acting_members(appeal.authority)


def _tell_author(
    appeal: Appeal, *, event: str, title: str, body: str = "", actor: "User | None" = None
) -> None:
    notify(
        recipients=_author_side(appeal),
        kind=f"reception.appeal.{event}",
        title=title,
        body=body,
        obj=appeal,
        url=_url(appeal),
        actor=actor,
    )


def _tell_officials(
    appeal: Appeal,
    *,
    event: str,
    title: str,
    body: str = "",
    actor: "User | None" = None,
    recipients: Sequence[Any] | None = None,
) -> None:
    notify(
        recipients=recipients if recipients is not None else _handlers(appeal),
        kind=f"reception.appeal.{event}",
        title=title,
        body=body,
        obj=appeal,
        url=_url(appeal),
        actor=actor,
    )


def _check_addressee(*, authority: Organization, topic: Topic | None) -> None:
    if authority.kind != Organization.Kind.AUTHORITY:
        raise DomainError(_("An appeal can be sent only to a public authority."), field="authority")
    if topic is not None and (topic.authority_id != authority.pk or not topic.is_active):
        raise DomainError(_("This topic does not belong to the chosen authority."), field="topic")


def _today() -> date:
    return timezone.localdate()
