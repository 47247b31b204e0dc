"""Background tasks of the notifications app (ids in, JSON out)."""

from nkohub.notifications import scheduling, services
from nkohub.notifications.background import background_task


@background_task(max_attempts=3)
def deliver_email(delivery_id: int) -> str:
    """Send one e-mail delivery; failures to send are recorded and retried on the delivery itself."""
    return services.email_delivery_send(delivery_id=delivery_id)


@background_task(max_attempts=1)
def run_periodic_job(name: str) -> str:
    """Run a periodic job the scheduler found due (its next run is the retry)."""
    return scheduling.run_job_now(name)
