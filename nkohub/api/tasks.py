"""The API's background work: webhook deliveries, retried with back-off (1, 2, 4, 8 minutes)."""

from datetime import timedelta

from nkohub.api.services.webhooks import MAX_ATTEMPTS, webhook_delivery_attempt
from nkohub.notifications.background import background_task


@background_task(max_attempts=MAX_ATTEMPTS, retry_delay=timedelta(minutes=1))
def deliver_webhook(delivery_id: int) -> None:
    webhook_delivery_attempt(delivery_id=delivery_id)
