"""What the resource bank holds about a person: private offers, bookings made, reviews written."""

from typing import Any

from nkohub.resources.models import Booking, ResourceOffer, Review


def export(user: Any) -> dict[str, Any]:
    return {
        "private_offers": list(
            ResourceOffer.objects.filter(created_by=user, organization__isnull=True).values(
                "id", "title", "category", "status", "address", "created_at"
            )
        ),
        "bookings_made": list(
            Booking.objects.filter(requested_by=user).values(
                "id",
                "offer__title",
                "organization__full_name",
                "starts_at",
                "ends_at",
                "status",
                "message",
            )
        ),
        "reviews": list(
            Review.objects.filter(author=user).values(
                "id", "booking_id", "rating", "text", "created_at"
            )
        ),
    }


def erase(user: Any) -> dict[str, Any]:
    """Private offers go; reviews lose their author; bookings made for organisations stay with them
    (the organisation's record) but lose the personal message."""
    _total, deleted = ResourceOffer.objects.filter(
        created_by=user, organization__isnull=True
    ).delete()
    offers = deleted.get(ResourceOffer._meta.label, 0)
    reviews = Review.objects.filter(author=user).update(author=None)
    bookings = Booking.objects.filter(requested_by=user).update(message="")
    return {
        "private_offers_deleted": offers,
        "reviews_anonymised": reviews,
        "booking_messages_cleared": bookings,
    }
