"""What the writes of volunteering share: validation in the person's language, whom to tell."""

from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import QuerySet

from nkohub.core.errors import DomainError, full_clean_or_raise
from nkohub.core.permissions import Decision
from nkohub.organizations.models import Organization
from nkohub.organizations.permissions import ACTING_ROLES

# The services' one way to validate: the first problem as a DomainError on its field.
_full_clean = full_clean_or_raise


def _check(decision: Decision, field: str | None = None) -> None:
    if not decision:
        raise DomainError(decision.reason, field=field)


def _acting_people(organization: Organization) -> QuerySet[Any]:
    """The owners and editors of an organisation: whom its notifications go to."""
    return (
        get_user_model()
        .objects.filter(
            memberships__organization=organization,
            memberships__role__in=ACTING_ROLES,
            is_active=True,
        )
        .distinct()
    )
