"""Writes of submissions: submit a frozen version of a builder's application, withdraw it."""

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from nkohub.competitions.models import Call, Submission, SubmissionAnswer, SubmissionDocument
from nkohub.competitions.permissions import can_submit
from nkohub.core.attachments import validate_attachments
from nkohub.core.audit import audit_log
from nkohub.core.errors import DomainError
from nkohub.core.storage import original_filename
from nkohub.grants.checker import Severity
from nkohub.grants.models import Application, ApplicationVersion
from nkohub.grants.selectors import check_application
from nkohub.notifications.services import notify

from ._common import people_of

if TYPE_CHECKING:
    from nkohub.accounts.models import User


def call_of_application(application: Application) -> Call | None:
    if application.competition_id is None:
        return None
    return (
        Call.objects.filter(competition_id=application.competition_id)
        .select_related("organization")
        .first()
    )


@transaction.atomic
def submission_submit(
    *,
    actor: "User",
    application: Application,
    answers: dict[int, str] | None = None,
    documents: dict[int, UploadedFile] | None = None,
) -> Submission:
    """Submit the application's latest version to its call. The version is frozen: later edits
    of the draft make new versions and never change what was submitted. A second click (or a
    second tab) while the first is being recorded finds it and records nothing more."""
    locked = (
        Application.objects.select_for_update(of=("self",))
        .select_related("organization")
        .get(pk=application.pk)
    )
    call = call_of_application(locked)
    if call is None:
        raise DomainError(_("The application's competition is not run on the platform."))
    call = (
        Call.objects.select_for_update(of=("self",))
        .select_related("organization", "competition")
        .get(pk=call.pk)
    )
    live = (
        Submission.objects.filter(call=call, application=locked)
        .exclude(status=Submission.Status.WITHDRAWN)
        .first()
    )
    if live is not None:
        return live
    decision = can_submit(actor, locked, call)
    if not decision:
        raise DomainError(decision.reason)
    blocking = [f for f in check_application(locked) if f.severity == Severity.BLOCKING]
    if blocking:
        raise DomainError(
            _("The checker found problems that block the submission: %(first)s")
            % {"first": blocking[0].message}
        )
    version = ApplicationVersion.objects.filter(application=locked, number=locked.version).first()
    if version is None:
        raise DomainError(_("Save the application in the builder before submitting it."))
    return record_submission(
        actor=actor,
        call=call,
        application=locked,
        version=version,
        answers=answers,
        documents=documents,
    )


@transaction.atomic
def record_submission(
    *,
    actor: "User | None",
    call: Call,
    application: Application,
    version: ApplicationVersion,
    answers: dict[int, str] | None = None,
    documents: dict[int, UploadedFile] | None = None,
) -> Submission:
    """Record a version as submitted, inside the caller's transaction with the call and the
    application locked (the submit service after its checks; the demo for registry NGOs that
    have no members on the platform, as a resource centre enters paper submissions)."""
    locked = application
    answers = answers or {}
    documents = documents or {}
    missing = [
        q.text for q in call.questions.all() if q.is_required and not answers.get(q.pk, "").strip()
    ]
    if missing:
        raise DomainError(
            _("Answer the funder's question: %(question)s") % {"question": missing[0]}
        )
    absent = [
        d.name for d in call.required_documents.all() if d.is_required and d.pk not in documents
    ]
    if absent:
        raise DomainError(_("Attach the document: %(name)s") % {"name": absent[0]})
    validate_attachments_or_raise(list(documents.values()))
    number = (Submission.objects.filter(call=call).aggregate(n=Max("number"))["n"] or 0) + 1
    snapshot = version.snapshot
    submission = Submission(
        call=call,
        application=locked,
        version=version,
        organization=locked.organization,
        number=number,
        title=snapshot.get("title", locked.title)[:300],
        direction_id=snapshot.get("direction_id"),
        requested_amount=Decimal(snapshot.get("requested_amount") or "0"),
        submitted_by=actor,
        submitted_at=timezone.now(),
        is_demo=locked.is_demo,
    )
    try:
        with transaction.atomic():
            submission.save()
    except IntegrityError:  # a racing submission of the same application got there first
        existing = (
            Submission.objects.filter(call=call, application=locked)
            .exclude(status=Submission.Status.WITHDRAWN)
            .first()
        )
        if existing is None:
            raise
        return existing
    for question in call.questions.all():
        text = answers.get(question.pk, "").strip()
        if text:
            SubmissionAnswer.objects.create(
                submission=submission, question=question, text=text[:5000]
            )
    for required in call.required_documents.all():
        upload = documents.get(required.pk)
        if upload is not None:
            SubmissionDocument.objects.create(
                submission=submission,
                required=required,
                file=upload,
                original_name=original_filename(upload.name or "")[:255],
            )
    audit_log(
        actor=actor,
        action="competitions.submission.submit",
        obj=submission,
        changes={
            "call": call,
            "version": version.number,
            "requested_amount": submission.requested_amount,
        },
    )
    _tell(
        submission,
        actor=actor,
        kind="competitions.submission.submitted",
        title=_("Application «%(title)s» submitted to «%(call)s»")
        % {"title": submission.title, "call": call.title},
    )
    notify(
        recipients=people_of(call.organization, acting_only=True),
        kind="competitions.desk.new",
        title=_("New submission №%(number)s to «%(call)s»")
        % {"number": number, "call": call.title},
        obj=submission,
        url=reverse("competitions:submission", args=[submission.pk]),
        actor=actor,
    )
    return submission


def validate_attachments_or_raise(uploads: list[UploadedFile]) -> None:
    from django.core.exceptions import ValidationError

    try:
        validate_attachments(uploads)
    except ValidationError as error:
        raise DomainError(" ".join(error.messages), field="documents") from error


def _tell(submission: Submission, *, actor: Any, kind: str, title: str, body: str = "") -> None:
    notify(
        recipients=people_of(submission.organization),
        kind=kind,
        title=title,
        body=body,
        obj=submission,
        url=reverse("competitions:submission", args=[submission.pk]),
        actor=actor,
    )


def lock_submission(submission: Submission) -> Submission:
    return (
        Submission.objects.select_for_update(of=("self",))
        .select_related("call__organization", "organization")
        .get(pk=submission.pk)
    )


@transaction.atomic
def submission_withdraw(*, actor: "User", submission: Submission) -> Submission:
    """Withdraw until the deadline and before a decision. Racing a decision, whichever locks the
    row first wins; the other is refused."""
    from nkohub.competitions.permissions import can_withdraw

    locked = lock_submission(submission)
    decision = can_withdraw(actor, locked)
    if not decision:
        raise DomainError(decision.reason)
    before = locked.status
    locked.status = Submission.Status.WITHDRAWN
    locked.withdrawn_at = timezone.now()
    locked.save(update_fields=["status", "withdrawn_at", "updated_at"])
    audit_log(
        actor=actor,
        action="competitions.submission.withdraw",
        obj=locked,
        changes={"status": [before, locked.status]},
    )
    notify(
        recipients=people_of(locked.call.organization, acting_only=True),
        kind="competitions.desk.withdrawn",
        title=_("Submission №%(number)s to «%(call)s» withdrawn")
        % {"number": locked.number, "call": locked.call.title},
        obj=locked,
        url=reverse("competitions:submission", args=[locked.pk]),
        actor=actor,
    )
    submission.refresh_from_db()
    return locked


@transaction.atomic
def submissions_bulk_status(
    *, actor: "User", call_ids: set[int], ids: list[int], status: str
) -> int:
    """The desk's bulk change (to submitted or under review) of the submissions the person runs;
    decided and withdrawn ones are left as they are. How many changed."""
    if status not in Submission.BULK_STATUSES:
        raise DomainError(
            _("Decisions are made one by one, with their amounts and reasons."), field="status"
        )
    changed = 0
    for submission in (
        Submission.objects.select_for_update(of=("self",))
        .filter(pk__in=ids, call_id__in=call_ids)
        .order_by("pk")
    ):
        if submission.status == status or not submission.can_move_to(status):
            continue
        before = submission.status
        submission.status = status
        submission.save(update_fields=["status", "updated_at"])
        audit_log(
            actor=actor,
            action="competitions.submission.status",
            obj=submission,
            changes={"status": [before, status]},
        )
        changed += 1
    return changed
