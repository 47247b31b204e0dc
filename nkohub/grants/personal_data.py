"""What the grants app holds about a person: competitions followed and reminders sent. Authorship
of applications and versions belongs to the organisation's documents; it is unlinked
(SET_NULL) when the account is deleted."""

from typing import Any

from nkohub.grants.models import ApplicationVersion, CompetitionFollow


def export_grants_data(user: Any) -> dict[str, Any]:
    follows = CompetitionFollow.objects.filter(user=user).select_related("competition")
    return {
        "followed_competitions": [
            {"competition": f.competition.title, "since": f.created_at.isoformat()} for f in follows
        ],
        "application_versions_saved": [
            {
                "application": v.application.title,
                "version": v.number,
                "saved": v.created_at.isoformat(),
            }
            for v in ApplicationVersion.objects.filter(created_by=user).select_related(
                "application"
            )
        ],
    }


def erase_grants_data(user: Any) -> dict[str, Any]:
    deleted, _rows = CompetitionFollow.objects.filter(user=user).delete()
    unlinked = ApplicationVersion.objects.filter(created_by=user).update(created_by=None)
    return {"followed_competitions_deleted": deleted, "versions_unlinked": unlinked}
