"""Background work of the resource bank: refreshing suggestions when an offer or a request changes.

Both are safe to run again, so a failure is retried; after the last attempt operators see it on the
operations page (nkohub.notifications.background)."""

from nkohub.notifications.background import background_task
from nkohub.resources import services


@background_task(max_attempts=3)
def refresh_offer_matches(offer_id: int) -> int:
    return len(services.matches_refresh_for_offer(offer_id=offer_id))


@background_task(max_attempts=3)
def refresh_request_matches(request_id: int) -> int:
    return len(services.matches_refresh_for_request(request_id=request_id))
