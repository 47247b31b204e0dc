"""Helpers shared by the parts of this package."""

from decimal import Decimal
from typing import Any

from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

NON_NEGATIVE = [MinValueValidator(Decimal("0"))]


def money_field(label: Any, *, optional: bool = False, **extra: Any) -> Any:
    """Rubles with kopecks, never negative; `optional` money may be unknown (NULL)."""
    if optional:
        extra.update(null=True, blank=True)
    else:
        extra.setdefault("default", Decimal("0"))
    extra.setdefault("max_digits", 14)
    return models.DecimalField(label, decimal_places=2, validators=NON_NEGATIVE, **extra)


FUND_NUMBER_RE = r"^\d{2}-\d-\d{6}$"


validate_fund_number = RegexValidator(
    FUND_NUMBER_RE,
    _("The Fund's application number looks like 23-1-012905: two digits, one, six."),
)
