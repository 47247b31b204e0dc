"""What the resource bank's views share: submitting a form to a service, fetching with rights checked."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from nkohub.core.errors import DomainError
from nkohub.resources import permissions, selectors
from nkohub.resources.models import (
    Booking,
    ResourceOffer,
    ResourceRequest,
)


def _perform(request: HttpRequest, write: Callable[[], Any], success: str) -> None:
    """Run one service call for a button without a form: its refusal or `success` as a message."""
    try:
        write()
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, success)


def _offer(user: Any, pk: int, *, manage: bool = False) -> ResourceOffer:
    offer = selectors.offer_with_details(pk)
    if offer is None:
        raise Http404
    return permissions.get_offer_for_user(user, offer, manage=manage)


def _request(user: Any, pk: int, *, manage: bool = False) -> ResourceRequest:
    resource_request = selectors.request_with_details(pk)
    if resource_request is None:
        raise Http404
    return permissions.get_request_for_user(user, resource_request, manage=manage)


def _booking(user: Any, pk: int) -> Booking:
    booking = get_object_or_404(
        Booking.objects.select_related(
            "offer__organization", "offer__created_by", "organization", "requested_by", "request"
        ).prefetch_related("reviews__author"),
        pk=pk,
    )
    return permissions.get_booking_for_user(user, booking)
