"""The one door through which every app tells people things, and the writes of the notifications app.

Other apps call `notify(...)`; notifications never import their internals.
"""

import logging
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from nkohub.core import metrics
from nkohub.core.audit import audit_log
from nkohub.core.errors import DomainError
from nkohub.notifications import selectors
from nkohub.notifications.background import enqueue_on_commit
from nkohub.notifications.mail import build_message
from nkohub.notifications.models import (
    ALL_KINDS,
    EmailDelivery,
    EmailMode,
    Notification,
    NotificationPreference,
    TaskFailure,
)

if TYPE_CHECKING:
    from nkohub.accounts.models import User

logger = logging.getLogger(__name__)

TEST_KIND = "notifications.test"
# A claimed delivery not finished within this time is taken to be lost with its worker.
STALE_CLAIM = timedelta(minutes=15)
FIRST_RETRY_DELAY = timedelta(minutes=5)


@transaction.atomic
def notify(
    *,
    recipients: Iterable[Any],
    kind: str,
    title: str,
    body: str = "",
    obj: models.Model | None = None,
    url: str = "",
    actor: "User | None" = None,
) -> list[Notification]:
    """Put a notification in each recipient's inbox (the actor is never told of their own action).

    `kind` is a dotted name such as "resources.booking.requested"; preferences are per kind. Those who
    want it at once get an e-mail from a task enqueued when the transaction commits; those who chose
    the digest get it in the next daily digest.
    """
    content_type = ContentType.objects.get_for_model(obj) if obj is not None else None
    seen: set[int] = set()
    people = []
    for recipient in recipients:
        if recipient is None or recipient.pk in seen or not recipient.is_active:
            continue
        if actor is not None and getattr(actor, "pk", None) == recipient.pk:
            continue
        seen.add(recipient.pk)
        people.append(recipient)
    if not people:
        return []
    modes = selectors.email_modes_for([person.pk for person in people], kind)
    for person in people:
        if not person.email:
            modes[person.pk] = EmailMode.OFF
    deliveries = EmailDelivery.objects.bulk_create(
        [
            EmailDelivery(recipient=person, kind=EmailDelivery.Kind.SINGLE)
            for person in people
            if modes[person.pk] == EmailMode.IMMEDIATE
        ]
    )
    delivery_of = {delivery.recipient_id: delivery for delivery in deliveries}
    created = Notification.objects.bulk_create(
        [
            Notification(
                recipient=person,
                actor=actor if getattr(actor, "pk", None) else None,
                kind=kind,
                title=title[:300],
                body=body,
                url=url,
                content_type=content_type,
                object_id=str(obj.pk) if obj is not None else "",
                email_mode=modes[person.pk],
                delivery=delivery_of.get(person.pk),
            )
            for person in people
        ]
    )
    if deliveries:
        ids = [delivery.pk for delivery in deliveries]
        transaction.on_commit(lambda: _enqueue_deliveries(ids))
    return created


def _enqueue_deliveries(delivery_ids: list[int], run_after: datetime | None = None) -> None:
    from nkohub.notifications.tasks import deliver_email

    task = deliver_email.using(queue_name=settings.NOTIFICATIONS_EMAIL_QUEUE)
    if run_after is not None:
        if not task.get_backend().supports_defer:
            return  # the retry_emails job picks it up when it is due
        task = task.using(run_after=run_after)
    for delivery_id in delivery_ids:
        try:
            task.enqueue(delivery_id)
        except (
            Exception
        ):  # the queue is down: the row stays pending and retry_emails sends it later
            logger.exception("Could not enqueue e-mail delivery %s", delivery_id)


# --- Inbox -------------------------------------------------------------------------------


def notification_mark_read(*, actor: "User", notification: Notification) -> Notification:
    if notification.recipient_id != actor.pk:
        raise DomainError(_("This notification is not yours."))
    if notification.read_at is None:
        notification.read_at = timezone.now()
        Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(
            read_at=notification.read_at
        )
    return notification


def notification_mark_unread(*, actor: "User", notification: Notification) -> Notification:
    if notification.recipient_id != actor.pk:
        raise DomainError(_("This notification is not yours."))
    notification.read_at = None
    Notification.objects.filter(pk=notification.pk).update(read_at=None)
    return notification


def notifications_mark_all_read(*, actor: "User") -> int:
    return Notification.objects.filter(recipient=actor, read_at__isnull=True).update(
        read_at=timezone.now()
    )


@transaction.atomic
def notification_send_test(*, actor: "User") -> Notification:
    """A test notification to oneself, to see how (and whether) notifications reach one's mailbox."""
    recent = Notification.objects.filter(
        recipient=actor, kind=TEST_KIND, created_at__gte=timezone.now() - timedelta(minutes=1)
    )
    if recent.exists():
        raise DomainError(
            _("A test notification was sent less than a minute ago. Please wait a little.")
        )
    created = notify(
        recipients=[actor],
        kind=TEST_KIND,
        title=_("Test notification"),
        body=_(
            "This is a test notification. If it reached you, notifications work as you set them."
        ),
        url=reverse("notifications:inbox"),
    )
    if not created:
        raise DomainError(_("Could not send a test notification to this account."))
    return created[0]


# --- Preferences ---------------------------------------------------------------------------


@transaction.atomic
def notification_preferences_set(*, actor: "User", modes: dict[str, str]) -> int:
    """Save a person's e-mail mode per kind (kind "*" is their default; "" makes a kind follow it again).

    Returns how many settings changed.
    """
    saved = dict(
        NotificationPreference.objects.filter(user=actor).values_list("kind", "email_mode")
    )
    changes = {}
    for kind, mode in modes.items():
        if (mode and mode not in EmailMode.values) or (kind == ALL_KINDS and not mode):
            raise DomainError(_("Unknown e-mail setting."), field=kind)
        if saved.get(kind, "") == mode:
            continue
        if mode:
            NotificationPreference.objects.update_or_create(
                user=actor, kind=kind, defaults={"email_mode": mode}
            )
        else:
            NotificationPreference.objects.filter(user=actor, kind=kind).delete()
        changes[kind] = [saved.get(kind), mode or None]
    if changes:
        audit_log(
            actor=actor, action="notifications.preferences_changed", obj=actor, changes=changes
        )
    return len(changes)


@transaction.atomic
def email_unsubscribe(*, user: Any, kind: str) -> None:
    """Stop e-mails of one kind, or of every kind when `kind` is "*" (the in-app inbox keeps them)."""
    if kind == ALL_KINDS:
        NotificationPreference.objects.filter(user=user).update(
            email_mode=EmailMode.OFF, updated_at=timezone.now()
        )
    NotificationPreference.objects.update_or_create(
        user=user, kind=kind, defaults={"email_mode": EmailMode.OFF}
    )
    pending = Notification.objects.filter(
        recipient=user, email_mode=EmailMode.DIGEST, delivery__isnull=True
    )
    if kind != ALL_KINDS:
        pending = pending.filter(kind=kind)
    pending.update(email_mode=EmailMode.OFF)
    audit_log(actor=user, action="notifications.unsubscribed", obj=user, changes={"kind": kind})


# --- E-mail delivery -------------------------------------------------------------------------


def email_delivery_send(*, delivery_id: int) -> str:
    """Send one delivery if it is due and nobody else took it; record the outcome on its row."""
    now = timezone.now()
    claimed = (
        EmailDelivery.objects.filter(pk=delivery_id, status=EmailDelivery.Status.PENDING)
        .filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
        .update(status=EmailDelivery.Status.SENDING, claimed_at=now, attempts=F("attempts") + 1)
    )
    if not claimed:
        return "not due"
    delivery = EmailDelivery.objects.select_related("recipient").get(pk=delivery_id)
    recipient = delivery.recipient
    notifications = list(
        delivery.notifications.select_related("content_type")
        .prefetch_related("target")
        .order_by("-created_at", "-id")
    )
    if not notifications or not recipient.is_active or not recipient.email:
        delivery.status = EmailDelivery.Status.CANCELLED
        delivery.save(update_fields=["status"])
        return "cancelled"
    try:
        message = build_message(delivery, notifications)
        message.send(using=settings.NOTIFICATIONS_MAILER)
    except Exception as error:
        return _delivery_failed(delivery, error, now)
    delivery.status = EmailDelivery.Status.SENT
    delivery.sent_at = timezone.now()
    delivery.address = recipient.email
    delivery.subject = str(message.subject)
    delivery.last_error = ""
    delivery.save(update_fields=["status", "sent_at", "address", "subject", "last_error"])
    return "sent"


def _delivery_failed(delivery: EmailDelivery, error: Exception, now: datetime) -> str:
    delivery.last_error = f"{type(error).__name__}: {error}"[:2000]
    final = delivery.attempts >= settings.NOTIFICATIONS_EMAIL_MAX_ATTEMPTS
    metrics.EMAIL_FAILURES.labels("yes" if final else "no").inc()
    logger.warning(
        "E-mail delivery %s failed (attempt %s): %s",
        delivery.pk,
        delivery.attempts,
        delivery.last_error,
    )
    if delivery.attempts >= settings.NOTIFICATIONS_EMAIL_MAX_ATTEMPTS:
        delivery.status = EmailDelivery.Status.FAILED
        delivery.next_attempt_at = None
        delivery.save(update_fields=["status", "last_error", "next_attempt_at"])
        logger.error(
            "E-mail delivery %s failed for good after %s attempts", delivery.pk, delivery.attempts
        )
        return "failed"
    delivery.status = EmailDelivery.Status.PENDING
    delivery.next_attempt_at = now + FIRST_RETRY_DELAY * 2 ** (delivery.attempts - 1)
    delivery.save(update_fields=["status", "last_error", "next_attempt_at"])
    _enqueue_deliveries([delivery.pk], run_after=delivery.next_attempt_at)
    return "will retry"


def email_deliveries_retry(*, now: datetime | None = None, limit: int = 500) -> str:
    """Job: take back deliveries lost with a dead worker and enqueue every pending one that is due."""
    now = now or timezone.now()
    reset = EmailDelivery.objects.filter(
        status=EmailDelivery.Status.SENDING, claimed_at__lt=now - STALE_CLAIM
    ).update(status=EmailDelivery.Status.PENDING, next_attempt_at=now)
    due = list(
        EmailDelivery.objects.filter(status=EmailDelivery.Status.PENDING)
        .filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
        .order_by("created_at")
        .values_list("pk", flat=True)[:limit]
    )
    _enqueue_deliveries(due)
    return f"{len(due)} enqueued, {reset} taken back"


@transaction.atomic
def email_delivery_retry(*, actor: "User", delivery: EmailDelivery) -> None:
    """An operator sends a failed e-mail again (with a fresh set of attempts)."""
    if delivery.status != EmailDelivery.Status.FAILED:
        raise DomainError(_("Only a failed e-mail can be sent again."))
    delivery.status = EmailDelivery.Status.PENDING
    delivery.attempts = 0
    delivery.next_attempt_at = None
    delivery.save(update_fields=["status", "attempts", "next_attempt_at"])
    audit_log(actor=actor, action="notifications.delivery_retried", obj=delivery)
    ids = [delivery.pk]
    transaction.on_commit(lambda: _enqueue_deliveries(ids))


def digests_send(*, now: datetime | None = None) -> str:
    """Job: one digest per person of what they chose to get as a digest and have not read yet.

    Each notification goes into one digest at most (it is attached to it), so a second run sends only
    what came since; a person with nothing new gets nothing.
    """
    now = now or timezone.now()
    pending = selectors.pending_digest_notifications().filter(created_at__lte=now)
    recipient_ids = sorted(set(pending.values_list("recipient_id", flat=True)))
    sent = 0
    for recipient_id in recipient_ids:
        with transaction.atomic():
            mine = pending.filter(recipient_id=recipient_id)
            kinds = set(mine.values_list("kind", flat=True))
            off = [
                kind
                for kind in kinds
                if selectors.email_modes_for([recipient_id], kind)[recipient_id] == EmailMode.OFF
            ]
            if off:
                mine.filter(kind__in=off).update(email_mode=EmailMode.OFF)
            delivery = EmailDelivery.objects.create(
                recipient_id=recipient_id, kind=EmailDelivery.Kind.DIGEST
            )
            if mine.exclude(kind__in=off).update(delivery=delivery) == 0:
                delivery.delete()
                continue
            ids = [delivery.pk]
            transaction.on_commit(lambda ids=ids: _enqueue_deliveries(ids))  # type: ignore[misc]
            sent += 1
    return f"{sent} digests"


def notifications_purge(*, now: datetime | None = None) -> str:
    """Job: delete read notifications and finished e-mail records older than the retention period."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.NOTIFICATIONS_RETENTION_DAYS)
    notifications, _detail = Notification.objects.filter(
        read_at__isnull=False, created_at__lt=cutoff
    ).delete()
    # A record still linked to a kept (unread) notification stays: it keeps that one out of the next digest.
    deliveries, _detail = EmailDelivery.objects.filter(
        status__in=[EmailDelivery.Status.SENT, EmailDelivery.Status.CANCELLED],
        created_at__lt=cutoff,
        notifications__isnull=True,
    ).delete()
    return f"{notifications} notifications, {deliveries} e-mail records deleted"


# --- Failed tasks ---------------------------------------------------------------------------


def task_failure_record(
    *,
    task_path: str,
    args: list[Any],
    kwargs: dict[str, Any],
    attempts: int,
    error: str,
    stage: str = TaskFailure.Stage.RUN,
) -> TaskFailure:
    failure = TaskFailure(
        task_path=task_path[:300],
        args=args,
        kwargs=kwargs,
        attempts=attempts,
        error=error,
        stage=stage,
    )
    failure.full_clean()
    failure.save()
    return failure


@transaction.atomic
def task_failure_retry(*, actor: "User", failure: TaskFailure) -> None:
    """An operator runs a failed task again with the same arguments; the failure is marked resolved."""
    if failure.resolved_at is not None:
        raise DomainError(_("This failure is already resolved."))
    try:
        task = import_string(failure.task_path)
    except ImportError as error:
        raise DomainError(_("The task no longer exists: %(error)s") % {"error": error}) from error
    failure.resolved_at = timezone.now()
    failure.resolution = _("Run again by %(person)s") % {"person": actor}
    failure.save(update_fields=["resolved_at", "resolution"])
    audit_log(actor=actor, action="notifications.task_retried", obj=failure)
    enqueue_on_commit(task, *failure.args, **failure.kwargs)


def tasks_requeue(*, limit: int = 500) -> str:
    """The `notifications.requeue_tasks` job: queue again the tasks the queue could not take.

    Each is claimed (marked resolved) before it is queued, so two runs never queue one twice; when the
    queue is still unreachable the claim is undone and the rest wait for the next run.
    """
    from nkohub.notifications.background import queue_unreachable_errors

    waiting = TaskFailure.objects.filter(
        stage=TaskFailure.Stage.ENQUEUE, resolved_at__isnull=True
    ).order_by("failed_at", "id")
    queued = 0
    for failure in waiting[:limit]:
        claimed = TaskFailure.objects.filter(pk=failure.pk, resolved_at__isnull=True).update(
            resolved_at=timezone.now(), resolution=str(_("Queued again automatically"))
        )
        if not claimed:
            continue
        try:
            import_string(failure.task_path).enqueue(*failure.args, **failure.kwargs)
        except queue_unreachable_errors():
            TaskFailure.objects.filter(pk=failure.pk).update(resolved_at=None, resolution="")
            return _("queue still unreachable; %(queued)s queued, %(waiting)s waiting") % {
                "queued": queued,
                "waiting": waiting.count(),
            }
        except ImportError:
            TaskFailure.objects.filter(pk=failure.pk).update(
                resolution=str(_("The task no longer exists"))
            )
            continue
        queued += 1
    return _("%(queued)s queued") % {"queued": queued}


@transaction.atomic
def task_failure_resolve(*, actor: "User", failure: TaskFailure) -> None:
    if failure.resolved_at is not None:
        raise DomainError(_("This failure is already resolved."))
    failure.resolved_at = timezone.now()
    failure.resolution = _("Closed by %(person)s") % {"person": actor}
    failure.save(update_fields=["resolved_at", "resolution"])
    audit_log(actor=actor, action="notifications.task_resolved", obj=failure)
