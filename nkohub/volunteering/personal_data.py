"""What volunteering holds about a person: responses to calls with their hours, the choice to show
the record, internship requests. Announcements and posted calls belong to organisations."""

from typing import Any

from nkohub.volunteering.models import InternshipRequest, VolunteerProfile, VolunteerResponse


def export(user: Any) -> dict[str, Any]:
    profile = VolunteerProfile.objects.filter(user=user).first()
    return {
        "record_public": bool(profile and profile.record_public),
        "responses": [
            {
                "call": r.call.title,
                "organization": str(r.call.organization),
                "message": r.message,
                "status": r.status,
                "responded_at": r.created_at.isoformat(),
                "hours": str(r.hours) if r.hours is not None else None,
                "hours_status": r.hours_status,
                "dispute": r.dispute,
            }
            for r in VolunteerResponse.objects.filter(user=user).select_related(
                "call__organization"
            )
        ],
        "internship_requests": [
            {
                "internship": r.internship.topic,
                "host": str(r.internship.host),
                "message": r.message,
                "status": r.status,
                "requested_at": r.created_at.isoformat(),
            }
            for r in InternshipRequest.objects.filter(user=user).select_related("internship__host")
        ],
    }


def erase(user: Any) -> dict[str, Any]:
    """Responses and requests go (accepted places are given back), and so does the choice."""
    from django.db.models import F

    from nkohub.volunteering.models import Internship, VolunteerCall

    accepted = VolunteerResponse.objects.filter(user=user, status=VolunteerResponse.Status.ACCEPTED)
    for call_id in accepted.values_list("call_id", flat=True):
        VolunteerCall.objects.filter(pk=call_id, places_taken__gt=0).update(
            places_taken=F("places_taken") - 1
        )
    taken = InternshipRequest.objects.filter(user=user, status=InternshipRequest.Status.ACCEPTED)
    for internship_id in taken.values_list("internship_id", flat=True):
        Internship.objects.filter(pk=internship_id, places_taken__gt=0).update(
            places_taken=F("places_taken") - 1
        )
    responses, _ = VolunteerResponse.objects.filter(user=user).delete()
    requests, _ = InternshipRequest.objects.filter(user=user).delete()
    profiles, _ = VolunteerProfile.objects.filter(user=user).delete()
    return {"responses": responses, "internship_requests": requests, "profile": profiles}
