"""Making identifiers with correct check digits (demo data, factories, benchmarks)."""

import random

from nkohub.core.validators import INN10_WEIGHTS, INN12_WEIGHTS_11, INN12_WEIGHTS_12, _check_digit


def make_inn_legal(rng: random.Random, region: str = "40") -> str:
    body = region + "".join(str(rng.randint(0, 9)) for _ in range(7))
    return body + str(_check_digit(body, INN10_WEIGHTS))


def make_inn_person(rng: random.Random, region: str = "40") -> str:
    body = region + "".join(str(rng.randint(0, 9)) for _ in range(8))
    body += str(_check_digit(body, INN12_WEIGHTS_11))
    return body + str(_check_digit(body, INN12_WEIGHTS_12))


def make_ogrn(rng: random.Random, region: str = "40", year: int = 12) -> str:
    # 1 (legal entity) + year (2) + region (2) + tax office (2) + record number (5) + check digit
    body = f"1{year % 100:02d}{region}{rng.randint(0, 99):02d}{rng.randint(0, 99999):05d}"
    return body + str(int(body) % 11 % 10)


def make_ogrnip(rng: random.Random, region: str = "40", year: int = 15) -> str:
    body = f"3{year % 100:02d}{region}{rng.randint(0, 99):02d}{rng.randint(0, 9999999):07d}"
    return body + str(int(body) % 13 % 10)
