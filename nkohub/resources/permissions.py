"""Who may do what in the resource bank. The only place these rights are decided.

Helpers `get_<obj>_for_user` fetch and check: an outsider gets 404, someone who may see the object but not
do the thing gets 403.
"""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from nkohub.core.permissions import is_operator
from nkohub.organizations.models import Organization
from nkohub.organizations.permissions import can_act_for
from nkohub.resources.models import Booking, ResourceOffer, ResourceRequest, Review

PUBLIC_OFFER_STATUSES = (ResourceOffer.Status.PUBLISHED,)
PUBLIC_REQUEST_STATUSES = (
    ResourceRequest.Status.OPEN,
    ResourceRequest.Status.MATCHED,
    ResourceRequest.Status.FULFILLED,
)


# --- offers ---------------------------------------------------------------------------
def can_offer_for(user: Any, organization: Organization | None) -> bool:
    """Offer a resource in the organisation's name, or as a private person when `organization` is None."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    return organization is None or can_act_for(user, organization)


def can_manage_offer(user: Any, offer: ResourceOffer) -> bool:
    if not (user and user.is_authenticated):
        return False
    if is_operator(user):
        return True
    if offer.organization_id is not None:
        return can_act_for(user, offer.organization)  # type: ignore[arg-type]
    return offer.created_by_id == user.pk


def can_view_offer(user: Any, offer: ResourceOffer) -> bool:
    return offer.status in PUBLIC_OFFER_STATUSES or can_manage_offer(user, offer)


def can_book(user: Any, offer: ResourceOffer) -> bool:
    """Ask for a slot: a published bookable offer, for an organisation the person acts for, not one's own."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    return (
        offer.status == ResourceOffer.Status.PUBLISHED
        and offer.is_bookable
        and not can_manage_offer(user, offer)
    )


def can_book_for(user: Any, offer: ResourceOffer, organization: Organization) -> bool:
    return (
        can_book(user, offer)
        and can_act_for(user, organization)
        and organization.pk != offer.organization_id
    )


def get_offer_for_user(user: Any, offer: ResourceOffer, *, manage: bool = False) -> ResourceOffer:
    if not can_view_offer(user, offer):
        raise Http404
    if manage and not can_manage_offer(user, offer):
        raise PermissionDenied
    return offer


# --- requests --------------------------------------------------------------------------
def can_request_for(user: Any, organization: Organization) -> bool:
    return bool(user and user.is_authenticated and user.is_active) and can_act_for(
        user, organization
    )


def can_manage_request(user: Any, resource_request: ResourceRequest) -> bool:
    if not (user and user.is_authenticated):
        return False
    return is_operator(user) or can_act_for(user, resource_request.organization)


def can_view_request(user: Any, resource_request: ResourceRequest) -> bool:
    return resource_request.status in PUBLIC_REQUEST_STATUSES or can_manage_request(
        user, resource_request
    )


def get_request_for_user(
    user: Any, resource_request: ResourceRequest, *, manage: bool = False
) -> ResourceRequest:
    if not can_view_request(user, resource_request):
        raise Http404
    if manage and not can_manage_request(user, resource_request):
        raise PermissionDenied
    return resource_request


# --- bookings --------------------------------------------------------------------------
def is_requester_side(user: Any, booking: Booking) -> bool:
    if not (user and user.is_authenticated):
        return False
    return booking.requested_by_id == user.pk or can_act_for(user, booking.organization)


def is_owner_side(user: Any, booking: Booking) -> bool:
    if not (user and user.is_authenticated):
        return False
    offer = booking.offer
    if offer.organization_id is not None:
        return can_act_for(user, offer.organization)  # type: ignore[arg-type]
    return offer.created_by_id == user.pk


def can_view_booking(user: Any, booking: Booking) -> bool:
    return is_operator(user) or is_requester_side(user, booking) or is_owner_side(user, booking)


def can_decide_booking(user: Any, booking: Booking) -> bool:
    """Confirm or decline: the offer's side (or an operator)."""
    return is_owner_side(user, booking) or is_operator(user)


def can_cancel_booking(user: Any, booking: Booking) -> bool:
    return is_owner_side(user, booking) or is_requester_side(user, booking) or is_operator(user)


def review_side(user: Any, booking: Booking) -> str | None:
    """The side the person would review from, or None when they may not review this booking now."""
    if booking.status != Booking.Status.CONFIRMED or booking.ends_at > timezone.now():
        return None
    existing = {review.side for review in booking.reviews.all()}
    if is_requester_side(user, booking) and Review.Side.REQUESTER not in existing:
        return Review.Side.REQUESTER
    if is_owner_side(user, booking) and Review.Side.OWNER not in existing:
        return Review.Side.OWNER
    return None


def require_review_side(user: Any, booking: Booking) -> str:
    """The side the person reviews from; 403 (with the reason) when they may not review it now."""
    side = review_side(user, booking)
    if side is None:
        raise PermissionDenied(
            _("A booking is reviewed once by each side, after it has taken place as confirmed.")
        )
    return side


def get_booking_for_user(user: Any, booking: Booking) -> Booking:
    if not can_view_booking(user, booking):
        raise Http404
    return booking


def bookings_visible_to(user: Any, bookings: QuerySet[Booking]) -> QuerySet[Booking]:
    """The bookings of `bookings` the person sees: their organisations' and their own offers' ones."""
    if is_operator(user):
        return bookings
    from django.db.models import Q

    from nkohub.organizations.permissions import ACTING_ROLES

    acting = Q(memberships__user=user, memberships__role__in=ACTING_ROLES)
    organization_ids = Organization.objects.filter(acting).values("pk")
    return bookings.filter(
        Q(organization__in=organization_ids)
        | Q(requested_by=user)
        | Q(offer__organization__in=organization_ids)
        | Q(offer__organization__isnull=True, offer__created_by=user)
    )
