"""Reads of the API app: a person's tokens, an organisation's webhooks and their deliveries."""

from typing import Any

from django.db.models import Count, Q, QuerySet

from nkohub.api.models import ApiToken, WebhookDelivery, WebhookSubscription
from nkohub.organizations.models import Organization
from nkohub.organizations.selectors import organizations_user_acts_for


def tokens_of(user: Any) -> QuerySet[ApiToken]:
    return (
        ApiToken.objects.filter(user=user)
        .select_related("organization")
        .order_by("revoked_at", "-created_at", "-pk")
    )


def token_organizations(user: Any) -> QuerySet[Organization]:
    """The organisations a person may create tokens for and manage webhooks of."""
    return organizations_user_acts_for(user)


def webhooks_of(organizations: Any) -> QuerySet[WebhookSubscription]:
    return (
        WebhookSubscription.objects.filter(organization__in=organizations)
        .select_related("organization")
        .annotate(
            failed=Count("deliveries", filter=Q(deliveries__status=WebhookDelivery.Status.FAILED))
        )
        .order_by("-created_at", "-pk")  # a GROUP BY drops the model's ordering
    )


def webhook_with_organization(pk: int) -> WebhookSubscription | None:
    return WebhookSubscription.objects.select_related("organization").filter(pk=pk).first()


def deliveries_of(subscription: WebhookSubscription) -> QuerySet[WebhookDelivery]:
    return subscription.deliveries.order_by("-created_at", "-pk")


def cabinet_summary(user: Any) -> dict[str, Any] | None:
    if not user.is_authenticated:
        return None
    organizations = list(token_organizations(user).values_list("pk", flat=True))
    if not organizations:
        return None
    return {
        "tokens": ApiToken.objects.filter(user=user, revoked_at__isnull=True).count(),
        "webhooks": WebhookSubscription.objects.filter(organization__in=organizations).count(),
    }
