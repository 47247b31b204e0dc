from .tokens import ApiToken, Scope
from .webhooks import WebhookDelivery, WebhookEvent, WebhookSubscription

__all__ = ["ApiToken", "Scope", "WebhookDelivery", "WebhookEvent", "WebhookSubscription"]
