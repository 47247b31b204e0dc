"""The resource bank: offers with their availability and photos, requests, matches, bookings and reviews.

Two pending or confirmed bookings of one offer never overlap. On PostgreSQL an exclusion constraint over a
tstzrange enforces it (added by migration 0002 on PostgreSQL only); on SQLite the booking service checks inside
a transaction that takes the write lock at BEGIN (settings use BEGIN IMMEDIATE), which serialises writers.
"""

from .bookings import Booking, Review
from .choices import BOOKABLE_CATEGORIES, OFFER_FIELDS, REQUEST_FIELDS, Category, Terms
from .offers import (
    AvailabilityException,
    AvailabilityRule,
    OfferPhoto,
    ResourceListing,
    ResourceOffer,
)
from .requests import Match, ResourceRequest

__all__ = [
    "BOOKABLE_CATEGORIES",
    "OFFER_FIELDS",
    "REQUEST_FIELDS",
    "AvailabilityException",
    "AvailabilityRule",
    "Booking",
    "Category",
    "Match",
    "OfferPhoto",
    "ResourceListing",
    "ResourceOffer",
    "ResourceRequest",
    "Review",
    "Terms",
]
