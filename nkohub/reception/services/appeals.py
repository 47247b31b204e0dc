"""The author's side of an appeal: the draft, sending it, clarifications and rating the answer."""

import uuid
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from nkohub.core.errors import DomainError
from nkohub.organizations.models import Organization
from nkohub.reception import deadlines, permissions
from nkohub.reception.countdown import long_date
from nkohub.reception.models import (
    Appeal,
    AppealAttachment,
    AppealEvent,
    Topic,
)
from nkohub.reception.services._shared import (
    _attach,
    _check_addressee,
    _record,
    _require,
    _tell_officials,
)

if TYPE_CHECKING:
    from nkohub.accounts.models import User


# Author's side -------------------------------------------------------------------------------
@transaction.atomic
def appeal_create(
    *,
    actor: "User",
    authority: Organization,
    subject: str,
    text: str,
    kind: str = Appeal.Kind.QUESTION,
    topic: Topic | None = None,
    organization: Organization | None = None,
    publish_consent: bool = False,
    idempotency_key: uuid.UUID | None = None,
    files: Iterable[UploadedFile] = (),
    submit: bool = False,
) -> tuple[Appeal, bool]:
    """Create a draft (and submit it when `submit`). The same key twice gives the appeal made the first time.

    Returns (appeal, created). A double click or a retried request carries the key of the form it came
    from, so it finds the appeal made by the first request instead of making a second one.
    """
    if not actor.is_authenticated:
        raise PermissionDenied
    key = idempotency_key or uuid.uuid4()
    existing = Appeal.objects.filter(author=actor, idempotency_key=key).first()
    if existing is not None:
        if submit and existing.status == Appeal.Status.DRAFT:
            appeal_submit(actor=actor, appeal=existing)
        return existing, False
    if not permissions.can_submit_on_behalf(actor, organization):
        raise DomainError(
            _("You may not write on behalf of this organisation."), field="organization"
        )
    _check_addressee(authority=authority, topic=topic)
    appeal = Appeal(
        author=actor,
        authority=authority,
        topic=topic,
        organization=organization,
        kind=kind,
        subject=subject.strip(),
        text=text.strip(),
        publish_consent=publish_consent,
        idempotency_key=key,
    )
    appeal.full_clean()
    try:
        with transaction.atomic():
            appeal.save()
    except IntegrityError:
        # The same key raced in from a parallel request: that request's appeal is the one.
        return Appeal.objects.get(author=actor, idempotency_key=key), False
    _attach(appeal, files, role=AppealAttachment.Role.APPEAL, actor=actor)
    _record(appeal, AppealEvent.Kind.CREATED, actor=actor, before="")
    if submit:
        appeal_submit(actor=actor, appeal=appeal)
    return appeal, True


DRAFT_FIELDS = ("authority", "topic", "organization", "kind", "subject", "text", "publish_consent")


@transaction.atomic
def appeal_update_draft(
    *, actor: "User", appeal: Appeal, files: Iterable[UploadedFile] = (), **fields: Any
) -> Appeal:
    _require(actor, appeal, "edit")
    unknown = set(fields) - set(DRAFT_FIELDS)
    if unknown:
        raise TypeError(f"Not editable: {sorted(unknown)}")
    if "organization" in fields and not permissions.can_submit_on_behalf(
        actor, fields["organization"]
    ):
        raise DomainError(
            _("You may not write on behalf of this organisation."), field="organization"
        )
    changes: dict[str, Any] = {}
    for name, value in fields.items():
        if isinstance(value, str):
            value = value.strip()
        if getattr(appeal, name) != value:
            changes[name] = [str(getattr(appeal, name)), str(value)]
            setattr(appeal, name, value)
    _check_addressee(authority=appeal.authority, topic=appeal.topic)
    appeal.full_clean()
    appeal.save()
    _attach(appeal, files, role=AppealAttachment.Role.APPEAL, actor=actor)
    if changes or files:
        _record(
            appeal,
            AppealEvent.Kind.EDITED,
            actor=actor,
            before=appeal.status,
            data={"fields": sorted(changes)},
        )
    return appeal


@transaction.atomic
def appeal_submit(*, actor: "User", appeal: Appeal) -> Appeal:
    Appeal.objects.select_for_update().filter(pk=appeal.pk).first()
    appeal.refresh_from_db()
    before = appeal.status
    target = _require(actor, appeal, "submit")
    _check_addressee(authority=appeal.authority, topic=appeal.topic)
    appeal.submitted_at = timezone.now()
    appeal.registration_due = deadlines.registration_due(timezone.localdate(appeal.submitted_at))
    appeal.status = target
    appeal.full_clean()
    appeal.save()
    _record(
        appeal,
        AppealEvent.Kind.SUBMITTED,
        actor=actor,
        before=before,
        data={"registration_due": appeal.registration_due.isoformat()},
    )
    _tell_officials(
        appeal,
        event="submitted",
        title=f"Новое обращение: {appeal.subject}",
        body=f"От: {appeal.author_label}. Зарегистрировать не позднее {long_date(appeal.registration_due)}.",
        actor=actor,
    )
    return appeal


@transaction.atomic
def appeal_clarify(
    *, actor: "User", appeal: Appeal, text: str, files: Iterable[UploadedFile] = ()
) -> AppealEvent:
    _require(actor, appeal, "clarify")
    text = text.strip()
    if not text:
        raise DomainError(_("Write the text of the clarification."), field="text")
    _attach(appeal, files, role=AppealAttachment.Role.CLARIFICATION, actor=actor)
    event = _record(
        appeal, AppealEvent.Kind.CLARIFIED, actor=actor, before=appeal.status, text=text
    )
    _tell_officials(
        appeal,
        event="clarified",
        title=f"Уточнение к обращению «{appeal.subject}»",
        body=text[:500],
        actor=actor,
    )
    return event


@transaction.atomic
def appeal_rate(*, actor: "User", appeal: Appeal, rating: int, comment: str = "") -> Appeal:
    _require(actor, appeal, "rate")
    if appeal.rated_at is not None:
        raise DomainError(_("The answer is already rated."), field="rating")
    if not 1 <= rating <= 5:
        raise DomainError(_("The rating is from 1 to 5."), field="rating")
    appeal.rating = rating
    appeal.rating_comment = comment.strip()
    appeal.rated_at = timezone.now()
    appeal.full_clean()
    appeal.save()
    _record(
        appeal,
        AppealEvent.Kind.RATED,
        actor=actor,
        before=appeal.status,
        text=appeal.rating_comment,
        data={"rating": rating},
    )
    _tell_officials(
        appeal,
        event="rated",
        title=f"Автор оценил ответ: {rating} из 5",
        body=appeal.rating_comment,
        actor=actor,
        recipients=[appeal.answered_by] if appeal.answered_by else None,
    )
    return appeal
