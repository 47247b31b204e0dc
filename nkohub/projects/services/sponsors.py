"""Sponsors' preferences."""

from typing import TYPE_CHECKING, Any

from django.db import transaction

from nkohub.core.audit import audit_log
from nkohub.organizations.models import Organization
from nkohub.projects.models import (
    SponsorPreferences,
)

if TYPE_CHECKING:
    from nkohub.accounts.models import User

# --- sponsors ---------------------------------------------------------------------------------------


@transaction.atomic
def sponsor_preferences_update(
    *, actor: "User", organization: Organization, spheres: Any, municipalities: Any
) -> SponsorPreferences:
    preferences, _ = SponsorPreferences.objects.get_or_create(organization=organization)
    preferences.spheres.set(spheres)
    preferences.municipalities.set(municipalities)
    preferences.save()
    audit_log(
        actor=actor,
        action="projects.sponsor.preferences",
        obj=organization,
        changes={
            "spheres": [str(s) for s in spheres],
            "municipalities": [str(m) for m in municipalities],
        },
    )
    return preferences
