"""Suggestions: which offers answer which requests, and telling both sides."""

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from nkohub.notifications.services import notify
from nkohub.resources import selectors
from nkohub.resources.models import (
    Match,
    ResourceOffer,
    ResourceRequest,
)


# --- matches ----------------------------------------------------------------------------
def _store_matches(
    pairs: list[tuple[ResourceOffer, ResourceRequest, float]], *, keep: dict[str, Any]
) -> list[Match]:
    """Replace the not-yet-notified matches of one side (`keep` filters it) with `pairs`; tell owners once."""
    wanted = {(offer.pk, req.pk) for offer, req, _score in pairs}
    stale = Match.objects.filter(notified_at__isnull=True, **keep)
    stale.exclude(pk__in=[m.pk for m in stale if (m.offer_id, m.request_id) in wanted]).delete()
    stored = []
    for offer, req, score in pairs:
        match, _created = Match.objects.update_or_create(
            offer=offer, request=req, defaults={"score": round(score, 2)}
        )
        stored.append(match)
        if score >= selectors.GOOD_MATCH and match.notified_at is None:
            _tell_about_match(match, offer, req)
    return stored


def _tell_about_match(match: Match, offer: ResourceOffer, req: ResourceRequest) -> None:
    # The row is claimed first, so two refreshes running at once do not both notify.
    claimed = Match.objects.filter(pk=match.pk, notified_at__isnull=True).update(
        notified_at=timezone.now()
    )
    if not claimed:
        return
    notify(
        recipients=selectors.request_owners(req),
        kind="resources.match.found",
        title=_("An offer may suit your request «%(request)s»") % {"request": req.title},
        body=_("«%(offer)s» from %(owner)s.") % {"offer": offer.title, "owner": offer.offered_by},
        obj=offer,
        url=offer.get_absolute_url(),
    )
    notify(
        recipients=selectors.offer_owners(offer),
        kind="resources.match.found",
        title=_("Your offer «%(offer)s» may suit a request") % {"offer": offer.title},
        body=_("%(organization)s needs: «%(request)s».")
        % {"organization": req.organization.display_name, "request": req.title},
        obj=req,
        url=req.get_absolute_url(),
    )


@transaction.atomic
def matches_refresh_for_request(*, request_id: int) -> list[Match]:
    resource_request = selectors.request_with_details(request_id)
    if resource_request is None:
        return []
    if not resource_request.is_active:
        Match.objects.filter(request=resource_request, notified_at__isnull=True).delete()
        return []
    suggestions = selectors.suggested_offers(resource_request)
    return _store_matches(
        [(s.obj, resource_request, s.score) for s in suggestions],
        keep={"request": resource_request},
    )


@transaction.atomic
def matches_refresh_for_offer(*, offer_id: int) -> list[Match]:
    offer = selectors.offer_with_details(offer_id)
    if offer is None:
        return []
    if offer.status != ResourceOffer.Status.PUBLISHED:
        Match.objects.filter(offer=offer, notified_at__isnull=True).delete()
        return []
    suggestions = selectors.suggested_requests(offer)
    return _store_matches([(offer, s.obj, s.score) for s in suggestions], keep={"offer": offer})
