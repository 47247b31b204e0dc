"""What the services share: validation into domain errors, who is told, numbers of the score."""

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.core.exceptions import ValidationError

from nkohub.core.errors import DomainError
from nkohub.organizations.models import Organization

HUNDREDTH = Decimal("0.01")


def full_clean(obj: Any, *, exclude: list[str] | None = None) -> None:
    try:
        obj.full_clean(exclude=exclude)
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            field, errors = next(iter(error.error_dict.items()))
            raise DomainError(" ".join(e.messages[0] for e in errors), field=field) from error
        raise DomainError(" ".join(error.messages)) from error


def people_of(organization: Organization, *, acting_only: bool = False) -> list[Any]:
    memberships = organization.memberships.select_related("user")
    if acting_only:
        memberships = memberships.filter(role__in=("owner", "editor"))
    return [m.user for m in memberships]


def rounded(value: Decimal) -> Decimal:
    return value.quantize(HUNDREDTH, rounding=ROUND_HALF_UP)
