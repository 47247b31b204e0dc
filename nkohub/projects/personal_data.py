"""What the projects app holds about a person: pledges made personally and places in project teams."""

from typing import Any

from django.db import transaction

from nkohub.projects.models import Pledge, TeamMember


def export_project_data(user: Any) -> dict[str, Any]:
    pledges = Pledge.objects.filter(pledged_by=user).select_related("project", "organization")
    team = TeamMember.objects.filter(user=user).select_related("project")
    return {
        "pledges": [
            {
                "project": p.project.title,
                "on_behalf_of": str(p.organization) if p.organization else None,
                "kind": p.kind,
                "amount": str(p.amount) if p.amount is not None else None,
                "description": p.description,
                "conditions": p.conditions,
                "status": p.status,
                "created_at": p.created_at.isoformat(),
            }
            for p in pledges
        ],
        "team_roles": [
            {"project": m.project.title, "full_name": m.full_name, "role": m.role} for m in team
        ],
    }


@transaction.atomic
def erase_project_data(user: Any) -> dict[str, Any]:
    """Personal pledges go (with their partnership records); pledges made for an organisation stay
    the organisation's, without the person; the person leaves project teams."""
    personal, _ = Pledge.objects.filter(pledged_by=user, organization__isnull=True).delete()
    unlinked = Pledge.objects.filter(pledged_by=user).update(pledged_by=None)
    team, _ = TeamMember.objects.filter(user=user).delete()
    return {
        "personal_pledges_deleted": personal,
        "organisation_pledges_unlinked": unlinked,
        "team_roles_deleted": team,
    }
