"""Check-digit rules of INN and OGRN as database expressions, for CHECK constraints.

The same rules as `nkohub.core.validators`, written with Substr/Cast/Mod so that the database
itself refuses an identifier with a wrong check digit (an import or a raw UPDATE cannot slip one in).
A CASE guards the arithmetic, so a non-digit value is refused instead of failing the cast.
"""

from collections.abc import Sequence

from django.db.models import BooleanField, Case, Expression, IntegerField, Q, Value, When
from django.db.models.functions import Cast, Mod, Substr
from django.db.models.lookups import Exact

from nkohub.core.validators import INN10_WEIGHTS, INN12_WEIGHTS_11, INN12_WEIGHTS_12


def _digit(field: str, position: int) -> Expression:
    return Cast(Substr(field, position, 1), output_field=IntegerField())


def _weighted_check(field: str, weights: Sequence[int]) -> Expression:
    total: Expression = _digit(field, 1) * weights[0]
    for position, weight in enumerate(weights[1:], start=2):
        total = total + _digit(field, position) * weight
    return Mod(Mod(total, 11), 10)


def inn_is_valid(field: str = "inn") -> Q:
    """10 digits (organisation) or 12 digits (person) with the right check digits; NULL allowed."""
    ten = Exact(_weighted_check(field, INN10_WEIGHTS), _digit(field, 10))
    twelve_a = Exact(_weighted_check(field, INN12_WEIGHTS_11), _digit(field, 11))
    twelve_b = Exact(_weighted_check(field, INN12_WEIGHTS_12), _digit(field, 12))
    return Q(**{f"{field}__isnull": True}) | Q(
        Case(
            When(Q(**{f"{field}__regex": r"^[0-9]{10}$"}), then=ten),
            When(Q(**{f"{field}__regex": r"^[0-9]{12}$"}), then=Q(twelve_a) & Q(twelve_b)),
            default=Value(False),
            output_field=BooleanField(),
        )
    )


def ogrn_is_valid(field: str = "ogrn") -> Q:
    """13 digits; the last is the first twelve as a number mod 11 mod 10; NULL allowed."""
    from django.db.models import BigIntegerField

    body = Cast(Substr(field, 1, 12), output_field=BigIntegerField())
    check = Exact(Mod(Mod(body, 11), 10), _digit(field, 13))
    return Q(**{f"{field}__isnull": True}) | Q(
        Case(
            When(Q(**{f"{field}__regex": r"^[0-9]{13}$"}), then=check),
            default=Value(False),
            output_field=BooleanField(),
        )
    )
