import random

import pytest
from django.core.exceptions import ValidationError

from nkohub.core.identifiers import make_inn_legal, make_inn_person, make_ogrn, make_ogrnip
from nkohub.core.validators import (
    INN10_WEIGHTS,
    is_valid_inn,
    is_valid_kpp,
    is_valid_ogrn,
    is_valid_ogrnip,
    is_valid_oktmo,
    validate_inn,
    validate_kpp,
    validate_ogrn,
    validate_ogrnip,
    validate_oktmo,
)

# Real published identifiers (check digits computed by the tax service).
VALID_INN_10 = ["7707083893", "7736207543", "7702070139"]
VALID_INN_12 = ["500100732259", "773370857141"]
VALID_OGRN = ["1027700132195", "1027739850962"]
VALID_OGRNIP = ["304500116000157"]


@pytest.mark.parametrize("value", VALID_INN_10 + VALID_INN_12)
def test_valid_inns_pass(value: str) -> None:
    assert is_valid_inn(value)
    validate_inn(value)


@pytest.mark.parametrize(
    "value",
    ["7707083894", "500100732258", "500100732269", "770708389", "77070838931", "abcdefghij", ""],
)
def test_broken_inns_fail(value: str) -> None:
    assert not is_valid_inn(value)
    with pytest.raises(ValidationError):
        validate_inn(value)


def test_inn_message_names_the_check_digit() -> None:
    with pytest.raises(ValidationError) as info:
        validate_inn("7707083894")
    assert info.value.code == "inn_checksum"


@pytest.mark.parametrize("value", VALID_OGRN)
def test_valid_ogrn_passes(value: str) -> None:
    assert is_valid_ogrn(value)
    validate_ogrn(value)


@pytest.mark.parametrize(
    "value", ["1027700132196", "102770013219", "10277001321950", "1O27700132195"]
)
def test_broken_ogrn_fails(value: str) -> None:
    assert not is_valid_ogrn(value)
    with pytest.raises(ValidationError):
        validate_ogrn(value)


@pytest.mark.parametrize("value", VALID_OGRNIP)
def test_valid_ogrnip_passes(value: str) -> None:
    assert is_valid_ogrnip(value)
    validate_ogrnip(value)


@pytest.mark.parametrize("value", ["304500116000158", "30450011600015", "1027700132195"])
def test_broken_ogrnip_fails(value: str) -> None:
    assert not is_valid_ogrnip(value)
    with pytest.raises(ValidationError):
        validate_ogrnip(value)


@pytest.mark.parametrize("value", ["773601001", "4027AB001", "402701001"])
def test_valid_kpp_passes(value: str) -> None:
    assert is_valid_kpp(value)
    validate_kpp(value)


@pytest.mark.parametrize("value", ["77360100", "7736010011", "77a601001", "7736ab001", "ABCD01001"])
def test_broken_kpp_fails(value: str) -> None:
    assert not is_valid_kpp(value)
    with pytest.raises(ValidationError):
        validate_kpp(value)


@pytest.mark.parametrize("value", ["29701000", "29701000001"])
def test_valid_oktmo_passes(value: str) -> None:
    assert is_valid_oktmo(value)
    validate_oktmo(value)


@pytest.mark.parametrize("value", ["2970100", "297010000", "2970100A", ""])
def test_broken_oktmo_fails(value: str) -> None:
    assert not is_valid_oktmo(value)
    with pytest.raises(ValidationError):
        validate_oktmo(value)


def test_generated_identifiers_pass_their_own_checks() -> None:
    rng = random.Random(1)
    for _ in range(200):
        assert is_valid_inn(make_inn_legal(rng))
        assert is_valid_inn(make_inn_person(rng))
        assert is_valid_ogrn(make_ogrn(rng))
        assert is_valid_ogrnip(make_ogrnip(rng))


def test_generated_inn_starts_with_the_region_code() -> None:
    assert make_inn_legal(random.Random(2), region="67").startswith("67")


@pytest.mark.parametrize("value", ["0000000000", "000000000000"])
def test_an_inn_of_zeros_passes_the_check_digits_but_is_refused(value: str) -> None:
    # 0·w mod 11 mod 10 = 0: the check-digit rule alone lets it through.
    assert not is_valid_inn(value)
    with pytest.raises(ValidationError) as info:
        validate_inn(value)
    assert info.value.code == "inn_tax_office"


def test_an_inn_of_a_nonexistent_tax_office_00_is_refused() -> None:
    body = "00" + "1234567"
    value = body + str(sum(int(d) * w for d, w in zip(body, INN10_WEIGHTS, strict=True)) % 11 % 10)
    assert not is_valid_inn(value)
    with pytest.raises(ValidationError):
        validate_inn(value)


def test_an_ogrn_of_zeros_passes_the_check_digit_but_is_refused() -> None:
    assert int("000000000000") % 11 % 10 == 0
    assert not is_valid_ogrn("0000000000000")
    with pytest.raises(ValidationError) as info:
        validate_ogrn("0000000000000")
    assert info.value.code == "ogrn_kind"
    assert "1 или 5" in str(info.value.messages[0])


def test_an_ogrn_with_a_record_kind_other_than_1_or_5_is_refused() -> None:
    body = "202770013219"  # 2…: the number of a later record, not of the organisation
    value = body + str(int(body) % 11 % 10)
    assert not is_valid_ogrn(value)


def test_an_ogrnip_of_zeros_is_refused() -> None:
    assert not is_valid_ogrnip("000000000000000")
    with pytest.raises(ValidationError) as info:
        validate_ogrnip("000000000000000")
    assert info.value.code == "ogrnip_kind"
