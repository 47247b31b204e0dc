"""What the writes of volunteering share: validation in the person's language, whom to tell."""

from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import QuerySet

from nkohub.core.errors import DomainError
from nkohub.core.permissions import Decision
from nkohub.organizations.models import Organization
from nkohub.organizations.permissions import ACTING_ROLES


def _full_clean(obj: Any, **kwargs: Any) -> None:
    try:
        obj.full_clean(**kwargs)
    except ValidationError as error:
        field, messages = next(iter(error.message_dict.items()))
        raise DomainError(
            " ".join(messages), field=None if field == "__all__" else field
        ) from error


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
