"""What the writes of news share: validation that speaks the person's language, who is told."""

from collections.abc import Iterable
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import QuerySet

from nkohub.core.errors import full_clean_or_raise
from nkohub.organizations.models import Membership, Organization

# The services' one way to validate: the first problem as a DomainError on its field.
_full_clean = full_clean_or_raise


def _acting_people(organization: Organization) -> QuerySet[Any]:
    """The organisation's owners and editors: they are told what happens to its news."""
    return get_user_model().objects.filter(
        memberships__organization=organization,
        memberships__role__in=(Membership.Role.OWNER, Membership.Role.EDITOR),
        is_active=True,
    )


def _operators() -> QuerySet[Any]:
    return get_user_model().objects.filter(is_operator=True, is_active=True)


def _with(people: Iterable[Any], extra: Any) -> list[Any]:
    found = list(people)
    if extra is not None and all(person.pk != extra.pk for person in found):
        found.append(extra)
    return found
