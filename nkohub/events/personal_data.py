"""What events hold about a person: registrations (with answers, attendance), feedback, the feed."""

from typing import Any

from django.db import transaction
from django.utils import timezone

from nkohub.events.models import CalendarFeed, Feedback, Registration
from nkohub.events.services.registrations import free_place, locked, promote_waiting


def export(user: Any) -> dict[str, Any]:
    registrations = Registration.objects.filter(user=user).select_related("event", "organization")
    feedback = {f.registration_id: f for f in Feedback.objects.filter(registration__user=user)}
    return {
        "registrations": [
            {
                "event": r.event.title,
                "starts_at": r.event.starts_at.isoformat(),
                "status": r.status,
                "organization": str(r.organization) if r.organization else None,
                "answers": r.answers,
                "registered_at": r.registered_at.isoformat(),
                "attended_at": r.attended_at.isoformat() if r.attended_at else None,
                "feedback": {
                    "rating": feedback[r.pk].rating,
                    "useful": feedback[r.pk].useful,
                    "to_change": feedback[r.pk].to_change,
                }
                if r.pk in feedback
                else None,
            }
            for r in registrations
        ],
        "has_calendar_feed": CalendarFeed.objects.filter(user=user).exists(),
    }


@transaction.atomic
def erase(user: Any) -> dict[str, Any]:
    """Registrations, answers and feedback go with the person (an event's figures count what stays);
    the places they held in upcoming events are given back, to the first on each waiting list."""
    held = Registration.objects.filter(
        user=user, status=Registration.Status.CONFIRMED, event__ends_at__gt=timezone.now()
    ).select_related("event")
    for registration in held:
        event = locked(registration.event)
        Registration.objects.filter(pk=registration.pk).update(
            status=Registration.Status.CANCELLED, cancelled_at=timezone.now()
        )
        free_place(event)
        promote_waiting(event, actor=None)
    feedback, _ = Feedback.objects.filter(registration__user=user).delete()
    removed, _ = Registration.objects.filter(user=user).delete()
    feeds, _ = CalendarFeed.objects.filter(user=user).delete()
    return {"registrations": removed, "feedback": feedback, "calendar_feeds": feeds}
