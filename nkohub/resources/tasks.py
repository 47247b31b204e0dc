"""Background work of the resource bank: refreshing suggestions when an offer or a request changes."""

from django.tasks import task

from nkohub.resources import services


@task()
def refresh_offer_matches(offer_id: int) -> int:
    return len(services.matches_refresh_for_offer(offer_id=offer_id))


@task()
def refresh_request_matches(request_id: int) -> int:
    return len(services.matches_refresh_for_request(request_id=request_id))
