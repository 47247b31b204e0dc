"""Helpers shared by the parts of this package."""

from decimal import Decimal

from django.core.validators import MinValueValidator


def normalize_search(text: str) -> str:
    return " ".join(text.lower().replace("ё", "е").split())


NON_NEGATIVE = [MinValueValidator(Decimal("0"))]
