"""Validators of Russian identifiers by their check rules (see shared/DOMAIN.md).

Each `is_valid_*` is a pure predicate usable in services, imports and database-level
tests; each `validate_*` raises ValidationError with a Russian message for forms and
`full_clean()`.
"""

from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

INN10_WEIGHTS = (2, 4, 10, 3, 5, 9, 4, 6, 8)
INN12_WEIGHTS_11 = (7, 2, 4, 10, 3, 5, 9, 4, 6, 8)
INN12_WEIGHTS_12 = (3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8)


def _check_digit(digits: str, weights: Sequence[int]) -> int:
    return sum(int(d) * w for d, w in zip(digits, weights, strict=False)) % 11 % 10


def normalize_digits(value: str) -> str:
    """Strip spaces, dashes and non-breaking spaces people paste around identifiers."""
    return "".join(ch for ch in str(value) if not ch.isspace() and ch != "-")


# The first digit of an OGRN says what kind of record it is: 1 or 5 — the primary registration of a
# legal entity (ОГРН); 3 — of an individual entrepreneur (ОГРНИП). Other digits are other records' numbers.
OGRN_FIRST_DIGITS = ("1", "5")
OGRNIP_FIRST_DIGIT = "3"


def _has_tax_office(value: str) -> bool:
    """An INN begins with the code of the tax office that issued it; there is no office 00.

    All-zero INNs (and OGRN-like strings of zeros) satisfy the check-digit rule and are what people type
    when they have no number; this refuses them."""
    return not value.startswith("00")


def is_valid_inn(value: str) -> bool:
    """INN of an organisation (10 digits) or of a person (12 digits)."""
    if not value.isdigit() or not _has_tax_office(value):
        return False
    if len(value) == 10:
        return _check_digit(value[:9], INN10_WEIGHTS) == int(value[9])
    if len(value) == 12:
        return _check_digit(value[:10], INN12_WEIGHTS_11) == int(value[10]) and _check_digit(
            value[:11], INN12_WEIGHTS_12
        ) == int(value[11])
    return False


def is_valid_inn_legal(value: str) -> bool:
    return len(value) == 10 and is_valid_inn(value)


def is_valid_ogrn(value: str) -> bool:
    """OGRN of a legal entity: 13 digits, last = first 12 as a number mod 11 mod 10."""
    if len(value) != 13 or not value.isdigit() or value[0] not in OGRN_FIRST_DIGITS:
        return False
    return int(value[:12]) % 11 % 10 == int(value[12])


def is_valid_ogrnip(value: str) -> bool:
    """OGRNIP of an individual entrepreneur: 15 digits, last = first 14 mod 13 mod 10."""
    if len(value) != 15 or not value.isdigit() or value[0] != OGRNIP_FIRST_DIGIT:
        return False
    return int(value[:14]) % 13 % 10 == int(value[14])


def is_valid_kpp(value: str) -> bool:
    """KPP: 9 characters — 4 digits (tax office), 2 digits or capital Latin letters (reason), 3 digits."""
    if len(value) != 9:
        return False
    reason = value[4:6]
    return (
        value[:4].isdigit()
        and value[6:].isdigit()
        and all(ch.isdigit() or ("A" <= ch <= "Z") for ch in reason)
    )


def is_valid_oktmo(value: str) -> bool:
    """OKTMO: 8 digits (municipality) or 11 digits (settlement)."""
    return value.isdigit() and len(value) in (8, 11)


def validate_inn(value: str) -> None:
    if not value.isdigit() or len(value) not in (10, 12):
        raise ValidationError(
            _("INN must consist of 10 digits (organisation) or 12 digits (person)."),
            code="inn_format",
        )
    if not _has_tax_office(value):
        raise ValidationError(
            _(
                "INN %(value)s cannot be real: it begins with the code of the tax office that issued it, and there is no office 00."
            ),
            code="inn_tax_office",
            params={"value": value},
        )
    if not is_valid_inn(value):
        raise ValidationError(
            _("INN %(value)s has a wrong check digit."),
            code="inn_checksum",
            params={"value": value},
        )


def validate_inn_legal(value: str) -> None:
    if not value.isdigit() or len(value) != 10:
        raise ValidationError(_("An organisation's INN consists of 10 digits."), code="inn_format")
    validate_inn(value)


def validate_ogrn(value: str) -> None:
    if not value.isdigit() or len(value) != 13:
        raise ValidationError(_("OGRN consists of 13 digits."), code="ogrn_format")
    if value[0] not in OGRN_FIRST_DIGITS:
        raise ValidationError(
            _("The OGRN of an organisation begins with 1 or 5; %(value)s cannot be real."),
            code="ogrn_kind",
            params={"value": value},
        )
    if not is_valid_ogrn(value):
        raise ValidationError(
            _("OGRN %(value)s has a wrong check digit."),
            code="ogrn_checksum",
            params={"value": value},
        )


def validate_ogrnip(value: str) -> None:
    if not value.isdigit() or len(value) != 15:
        raise ValidationError(_("OGRNIP consists of 15 digits."), code="ogrnip_format")
    if value[0] != OGRNIP_FIRST_DIGIT:
        raise ValidationError(
            _("The OGRNIP of an entrepreneur begins with 3; %(value)s cannot be real."),
            code="ogrnip_kind",
            params={"value": value},
        )
    if not is_valid_ogrnip(value):
        raise ValidationError(
            _("OGRNIP %(value)s has a wrong check digit."),
            code="ogrnip_checksum",
            params={"value": value},
        )


def validate_kpp(value: str) -> None:
    if not is_valid_kpp(value):
        raise ValidationError(
            _(
                "KPP consists of 9 characters: four digits, two digits or capital Latin letters, three digits."
            ),
            code="kpp_format",
        )


def validate_oktmo(value: str) -> None:
    if not is_valid_oktmo(value):
        raise ValidationError(_("OKTMO consists of 8 or 11 digits."), code="oktmo_format")
