"""Addresses as registries and people write them find their municipality."""

from typing import Any

import pytest

from nkohub.territories.addresses import AddressMatcher
from nkohub.territories.models import Municipality
from nkohub.territories.services import territories_load_reference

pytestmark = pytest.mark.django_db


@pytest.fixture
def matcher() -> AddressMatcher:
    territories_load_reference()
    return AddressMatcher.from_database()


def name_of(pk: int | None) -> str | None:
    return Municipality.objects.get(pk=pk).name if pk else None


@pytest.mark.parametrize(
    ("address", "municipality"),
    [
        # as people and older exports write them
        ("248000, Калужская обл., г. Калуга, ул. Ленина, д. 1", "Калуга"),
        ("Калужская обл., Людиновский р-н, г. Людиново, ул. Ленина, д. 5", "Людиновский район"),
        ("249020, Калужская область, Боровский район, деревня Кабицыно", "Боровский район"),
        ("Калужская обл., Козельск, ул. Ленина, 5", "Козельский район"),
        # the official address register, without dots, the type before the name
        ("Калужская обл, г Обнинск, пр-кт Маркса, д 5", "Обнинск"),
        ("Калужская обл, р-н Козельский, с Березичи", "Козельский район"),
        ("249722, Калужская обл, м.р-н Козельский, г.п. город Козельск, г Козельск, ул Советская, зд. 12", "Козельский район"),
        ("248001, Калужская обл, г.о. город Калуга, г Калуга, ул Кирова, д 21", "Калуга"),
        ("Калужская обл, Калуга г, Ленина ул, 1", "Калуга"),
        # an address without commas
        ("Калужская область г Людиново ул Ленина д 5", "Людиновский район"),
        # the EGRUL's capitals; a district named only by its administrative centre
        ("КАЛУЖСКАЯ ОБЛАСТЬ, РАЙОН ДЗЕРЖИНСКИЙ, ГОРОД КОНДРОВО, УЛИЦА МИЛЯЕВА, ДОМ 3", "Дзержинский район"),
        ("Калужская обл, г Кондрово, ул Ленина, д 2", "Дзержинский район"),
        ("Калужская обл, п Бетлица, ул Ленина, д 2", "Куйбышевский район"),
        ("Калужская обл., Спас Деменск, ул. Ленина", "Спас-Деменский район"),
    ],
)  # fmt: skip
def test_an_address_finds_its_municipality(
    matcher: AddressMatcher, address: str, municipality: str
) -> None:
    assert name_of(matcher.municipality_from_address(address, "40")) == municipality


@pytest.mark.parametrize(
    ("address", "municipality"),
    [
        ("Смоленская обл, г Смоленск, ул Ленина, д 1", "Смоленск"),
        ("Смоленская обл, Смоленский р-н, д Михновка", "Смоленский район"),
        ("Смоленская обл, пгт Холм-Жирковский, ул Октябрьская", "Холм-Жирковский район"),
        ("Смоленская обл, г Сычёвка, ул Большая Пролетарская", "Сычевский район"),
    ],
)
def test_the_other_seed_region_too(
    matcher: AddressMatcher, address: str, municipality: str
) -> None:
    assert name_of(matcher.municipality_from_address(address, "67")) == municipality


@pytest.mark.parametrize(
    "address",
    [
        "Калужская обл, ул Обнинская, д 5",  # a street named after a town is not the town
        "Калужская обл, Медынская ул, д 5",
        "Смоленская обл, д Красный Бор",  # not «пгт Красный», centre of Краснинский район
        "Московская обл, г Подольск",
    ],
)
def test_a_street_or_a_look_alike_finds_nothing(matcher: AddressMatcher, address: str) -> None:
    assert matcher.municipality_from_address(address, "40" if "Калуж" in address else "67") is None


def test_a_district_named_in_the_address_wins_over_a_town(matcher: AddressMatcher) -> None:
    address = "Калужская обл, Ферзиковский р-н, д Калуга-Заречье"
    assert name_of(matcher.municipality_from_address(address, "40")) == "Ферзиковский район"


def test_the_region_limits_the_search(matcher: AddressMatcher) -> None:
    assert matcher.municipality_from_address("г Калуга, ул Ленина", "67") is None


@pytest.mark.parametrize(
    ("value", "municipality"),
    [
        ("Козельский р-н", "Козельский район"),
        ("МР «Козельский район»", "Козельский район"),
        ('муниципальный район "Дзержинский район"', "Дзержинский район"),
        ("ГО «Город Калуга»", "Калуга"),
        ("г. Обнинск", "Обнинск"),
        ("Кондрово", "Дзержинский район"),
    ],
)
def test_a_municipality_column_in_the_usual_spellings(
    matcher: AddressMatcher, value: str, municipality: str
) -> None:
    assert name_of(matcher.municipality_by_name(value, "40")) == municipality


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("Калужская область", "40"),
        ("Калужская обл", "40"),
        ("40", "40"),
        ("г. Москва", "77"),
        ("Татарстан респ", "16"),
        ("Кемеровская обл", "42"),
    ],
)
def test_a_region_by_its_name_or_code(matcher: AddressMatcher, value: str, code: str) -> None:
    assert matcher.region_code(value) == code


def test_an_operator_sets_a_centre_and_addresses_find_it(matcher: Any) -> None:
    Municipality.objects.filter(name="Бабынинский район").update(administrative_centre="Воротынск")
    fresh = AddressMatcher.from_database()
    assert name_of(fresh.municipality_from_address("Калужская обл, п Воротынск", "40")) == (
        "Бабынинский район"
    )
