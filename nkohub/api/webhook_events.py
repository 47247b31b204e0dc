"""Which of the apps' events an organisation's webhooks hear. The apps know nothing of the API: it
listens to their models' saves (an answered appeal's event row, a new booking, a new pledge) and
hands the rest to services.webhooks. What a payload carries: ids, titles and page addresses that the
organisation already sees, never the people behind them."""

from typing import Any

from django.db.models.signals import post_save
from django.urls import reverse

from nkohub.api.models import WebhookEvent
from nkohub.api.services.webhooks import webhooks_dispatch
from nkohub.projects.models import Pledge
from nkohub.reception.models import AppealEvent
from nkohub.resources.models import Booking


def _appeal_answered(sender: Any, instance: AppealEvent, created: bool, **kwargs: Any) -> None:
    if not created or instance.kind != AppealEvent.Kind.ANSWERED or kwargs.get("raw"):
        return
    appeal = instance.appeal
    webhooks_dispatch(
        organization_id=appeal.organization_id,
        event=WebhookEvent.APPEAL_ANSWERED,
        payload={
            "appeal": appeal.pk,
            "subject": appeal.subject,
            "authority": appeal.authority_id,
            "answered_on": appeal.answered_on.isoformat() if appeal.answered_on else None,
            "url": reverse("reception:appeal", args=[appeal.pk]),
        },
    )


def _booking_requested(sender: Any, instance: Booking, created: bool, **kwargs: Any) -> None:
    if not created or kwargs.get("raw"):
        return
    offer = instance.offer
    webhooks_dispatch(
        organization_id=offer.organization_id,
        event=WebhookEvent.BOOKING_REQUESTED,
        payload={
            "booking": instance.pk,
            "offer": offer.pk,
            "offer_title": offer.title,
            "organization": instance.organization_id,
            "starts_at": instance.starts_at.isoformat(),
            "ends_at": instance.ends_at.isoformat(),
            "url": instance.get_absolute_url(),
        },
    )


def _pledge_received(sender: Any, instance: Pledge, created: bool, **kwargs: Any) -> None:
    if not created or kwargs.get("raw"):
        return
    project = instance.project
    webhooks_dispatch(
        organization_id=project.organization_id,
        event=WebhookEvent.PLEDGE_RECEIVED,
        payload={
            "pledge": instance.pk,
            "project": project.pk,
            "project_title": project.title,
            "kind": instance.kind,
            "amount": str(instance.amount) if instance.amount is not None else None,
            "url": reverse("projects:detail", args=[project.pk]) + "#pledges",
        },
    )


def connect() -> None:
    post_save.connect(_appeal_answered, sender=AppealEvent, dispatch_uid="api.appeal_answered")
    post_save.connect(_booking_requested, sender=Booking, dispatch_uid="api.booking_requested")
    post_save.connect(_pledge_received, sender=Pledge, dispatch_uid="api.pledge_received")
