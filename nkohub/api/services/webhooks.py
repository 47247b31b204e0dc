"""Writes of webhooks: subscribe, change, delete; the deliveries of an event, and each attempt."""

import secrets
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from nkohub.api import permissions, webhook_transport
from nkohub.api.models import WebhookDelivery, WebhookEvent, WebhookSubscription
from nkohub.core.audit import audit_log
from nkohub.core.errors import DomainError
from nkohub.organizations.models import Organization

if TYPE_CHECKING:
    from nkohub.accounts.models import User

MAX_ATTEMPTS = 5  # then the delivery is marked failed; the pauses double from a minute


def _check_events(events: list[str]) -> list[str]:
    known = set(WebhookEvent.values)
    if not events or any(event not in known for event in events):
        raise DomainError(_("Choose at least one of the events offered."), field="events")
    return sorted(set(events))


@transaction.atomic
def webhook_create(
    *, actor: "User", organization: Organization, url: str, events: list[str]
) -> WebhookSubscription:
    decision = permissions.can_manage_webhooks(actor, organization)
    if not decision:
        raise DomainError(decision.reason)
    webhook_transport.check_url(url)
    subscription = WebhookSubscription(
        organization=organization,
        url=url,
        events=_check_events(events),
        secret=secrets.token_hex(32),
        created_by=actor,
    )
    subscription.full_clean()
    subscription.save()
    audit_log(
        actor=actor,
        action="api.webhook.create",
        obj=subscription,
        changes={"url": url, "events": subscription.events},
    )
    return subscription


@transaction.atomic
def webhook_set_active(
    *, actor: "User", subscription: WebhookSubscription, active: bool
) -> WebhookSubscription:
    decision = permissions.can_manage_webhook(actor, subscription)
    if not decision:
        raise DomainError(decision.reason)
    old = subscription.is_active
    subscription.is_active = active
    subscription.full_clean()
    subscription.save(update_fields=["is_active"])
    audit_log(
        actor=actor,
        action="api.webhook.active",
        obj=subscription,
        changes={"is_active": [old, active]},
    )
    return subscription


@transaction.atomic
def webhook_delete(*, actor: "User", subscription: WebhookSubscription) -> None:
    decision = permissions.can_manage_webhook(actor, subscription)
    if not decision:
        raise DomainError(decision.reason)
    audit_log(
        actor=actor,
        action="api.webhook.delete",
        obj=subscription.organization,
        changes={"url": subscription.url},
    )
    subscription.delete()


def webhooks_dispatch(
    *, organization_id: int | None, event: str, payload: dict[str, Any]
) -> list[WebhookDelivery]:
    """A delivery for each active subscription of the organisation to the event, sent by a task
    once the transaction that made the event commits (no actor: the platform sends them)."""
    from nkohub.api.tasks import deliver_webhook
    from nkohub.notifications.background import enqueue_on_commit

    if organization_id is None:
        return []
    subscriptions = _subscriptions_to(organization_id, event)
    body = {"event": event, "occurred_at": timezone.now().isoformat(), "data": payload}
    deliveries = WebhookDelivery.objects.bulk_create(
        [WebhookDelivery(subscription=s, event=event, payload=body) for s in subscriptions]
    )
    for delivery in deliveries:
        enqueue_on_commit(deliver_webhook, delivery.pk)
    return deliveries


def _subscriptions_to(organization_id: int, event: str) -> list[WebhookSubscription]:
    """An organisation has a handful of subscriptions: filtered here (JSON containment is not on SQLite)."""
    return [
        s
        for s in WebhookSubscription.objects.filter(organization_id=organization_id, is_active=True)
        if event in s.events
    ]


class DeliveryFailed(Exception):
    """An attempt failed and another one is due (the task's retry with back-off)."""


def webhook_delivery_attempt(*, delivery_id: int) -> WebhookDelivery | None:
    """One attempt: POST, then the outcome written. Raises DeliveryFailed while attempts remain so
    that the task is retried after a growing pause; the last failure marks the delivery failed."""
    delivery = WebhookDelivery.objects.select_related("subscription").filter(pk=delivery_id).first()
    if delivery is None or delivery.status != WebhookDelivery.Status.PENDING:
        return delivery
    subscription = delivery.subscription
    outcome = webhook_transport.post(
        url=subscription.url,
        secret=subscription.secret,
        event=delivery.event,
        delivery_id=delivery.pk,
        payload=delivery.payload,
    )
    delivery.attempts += 1
    delivery.last_attempt_at = timezone.now()
    delivery.response_status = outcome.status
    delivery.error = outcome.error[:500]
    if outcome.ok:
        delivery.status = WebhookDelivery.Status.DELIVERED
        delivery.delivered_at = delivery.last_attempt_at
    elif delivery.attempts >= MAX_ATTEMPTS:
        delivery.status = WebhookDelivery.Status.FAILED
    delivery.save()
    if delivery.status == WebhookDelivery.Status.PENDING:
        raise DeliveryFailed(f"delivery {delivery.pk}: {outcome.error}")
    return delivery
