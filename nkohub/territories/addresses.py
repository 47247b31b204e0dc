"""Which municipality an address lies in, for addresses as registries and people write them.

Addresses come in several styles, all of which must find their municipality:

- people and older registry exports: «248000, Калужская обл., г. Калуга, ул. Ленина, д. 1»,
  «Козельский р-н, с. Березичи»;
- the official address register (ФИАС/ГАР) without dots, the type before the name:
  «Калужская обл, г Обнинск, пр-кт Маркса, д 5», «р-н Козельский», «м.р-н Козельский»,
  «г.о. город Калуга»;
- the EGRUL's own fields, in capitals: «КАЛУЖСКАЯ ОБЛАСТЬ, РАЙОН КОЗЕЛЬСКИЙ, ГОРОД КОЗЕЛЬСК».

A district named in the address wins; otherwise the first town or village that is a city district
or a district's administrative centre (Кондрово → Дзержинский район). Street names never match
(«ул. Калужская», «ул Обнинская»): a settlement counts only with its type word before it, or
standing alone between commas.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass

# type words of a district, before or after its name («р-н Козельский», «Козельский р-н»)
DISTRICT_TYPES = (
    "муниципальный район", "муниципальный округ", "м р-н", "мр-н", "м р н", "р-н", "р н", "район",
    "мун район", "мр", "м о", "мо", "м округ", "округ",
)  # fmt: skip
# type words of a town or a village («г Обнинск», «с. Березичи», «г.о. город Калуга»)
SETTLEMENT_TYPES = (
    "городской округ", "г о", "го", "город", "гор", "г", "поселок городского типа", "пгт", "рп",
    "рабочий поселок", "поселок", "пос", "п", "село", "с", "деревня", "дер", "д", "слобода", "сл",
    "станица", "ст-ца", "хутор", "х", "населенный пункт", "нп",
)  # fmt: skip
# what may follow a settlement's name in an address written without commas
NEXT_ELEMENT = (
    "ул", "улица", "пер", "переулок", "пр-кт", "проспект", "пр-т", "пр", "пл", "площадь", "ш",
    "шоссе", "б-р", "бульвар", "наб", "набережная", "мкр", "мкр-н", "микрорайон", "пр-д",
    "проезд", "туп", "тупик", "тер", "территория", "кв-л", "квартал", "д", "дом", "зд", "стр",
)  # fmt: skip
REGION_TYPES = re.compile(
    r"\b(область|обл|край|республика|респ|автономный округ|автономная область|ао|аобл"
    r"|город федерального значения|г|город)\b"
)
MUNICIPALITY_TYPES = re.compile(
    r"\b(муниципальный|муниципальное|городской|сельский|округ|район|р-н|р н|г|город|мр|го|мо"
    r"|образование|м|поселение)\b"
)
_DASHES = str.maketrans({"‐": "-", "‑": "-", "–": "-", "—": "-", "ё": "е"})


def normalize(text: str) -> str:
    """Lower case, «ё» as «е», no dots or quotes, one space; commas and hyphens kept."""
    text = text.lower().translate(_DASHES)
    text = re.sub(r"[^\w\s,-]", " ", text)
    text = re.sub(r"\s*,\s*", ", ", text)
    text = re.sub(r"\s*-\s*", "-", text)
    return " ".join(text.split()).strip(", ")


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of the words, longest first; a hyphen and a space match each other."""
    parts = sorted({normalize(w) for w in words if w.strip()}, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"[-\s]").replace(r"\-", r"[-\s]") for p in parts)


def _key(text: str) -> str:
    return " ".join(normalize(text).replace("-", " ").split())


def district_stem(name: str) -> str:
    """«Козельский район» → «Козельский»: the name without its type words."""
    return re.sub(
        r"\s+(муниципальный район|муниципальный округ|городской округ|район|округ)$", "", name
    ).strip()


@dataclass(frozen=True)
class Place:
    pk: int
    region_code: str
    name: str
    kind: str
    centre: str = ""

    @property
    def is_city(self) -> bool:
        return self.kind == "city_district"


class _RegionPatterns:
    def __init__(self, places: list[Place]) -> None:
        self.districts: dict[str, int] = {}
        self.settlements: dict[str, int] = {}
        for place in places:
            if place.is_city:
                self.settlements.setdefault(_key(place.name), place.pk)
            else:
                self.districts.setdefault(_key(district_stem(place.name)), place.pk)
                if place.centre:
                    self.settlements.setdefault(_key(place.centre), place.pk)
        district_types = _alternation(DISTRICT_TYPES)
        settlement_types = _alternation(SETTLEMENT_TYPES)
        end = rf"(?=\s*(?:,|$)|\s+(?:{_alternation(NEXT_ELEMENT)})\b)"
        self.district_re = None
        if self.districts:
            names = _alternation(self.districts)
            self.district_re = re.compile(
                rf"(?:^|[\s,])(?:(?:{district_types})\s+(?P<a>{names})|(?P<b>{names})\s+(?:{district_types}))"
                r"(?=$|[\s,])"
            )
        self.settlement_re = None
        if self.settlements:
            names = _alternation(self.settlements)
            self.settlement_re = re.compile(
                rf"(?:^|[\s,])(?:{settlement_types})\s+(?:(?:город|г)\s+)?(?P<a>{names}){end}"
                rf"|(?:^|,)\s*(?P<b>{names})(?:\s+(?:г|город))?\s*(?=,|$)"
            )

    def match(self, address: str) -> int | None:
        if self.district_re is not None:
            found = self.district_re.search(address)
            if found:
                return self.districts[_key(found.group("a") or found.group("b"))]
        if self.settlement_re is not None:
            found = self.settlement_re.search(address)
            if found:
                return self.settlements[_key(found.group("a") or found.group("b"))]
        return None


class AddressMatcher:
    """Municipalities (and regions) held in memory: built once per import, asked for every row."""

    def __init__(self, places: Iterable[Place], regions: Iterable[tuple[str, str]] = ()) -> None:
        self.places = list(places)
        by_region: dict[str, list[Place]] = {}
        for place in self.places:
            by_region.setdefault(place.region_code, []).append(place)
        self._patterns = {code: _RegionPatterns(group) for code, group in by_region.items()}
        self._names: dict[tuple[str, str], int] = {}
        for place in self.places:
            for name in (place.name, district_stem(place.name)):
                key = _municipality_key(name)
                self._names.setdefault((place.region_code, key), place.pk)
                self._names.setdefault(("*", key), place.pk)
        self._regions: dict[str, str] = {}
        first_words: dict[str, set[str]] = {}
        for code, name in regions:
            self._regions[code] = code
            key = _region_key(name)
            self._regions.setdefault(key, code)
            first_words.setdefault(key.split(" ")[0], set()).add(code)
        # «Кемеровская обл» for «Кемеровская область — Кузбасс»: a first word no other region shares
        self._region_first_words = {w: c.pop() for w, c in first_words.items() if len(c) == 1}

    @classmethod
    def from_database(cls) -> "AddressMatcher":
        from nkohub.territories.models import Municipality, Region

        places = [
            Place(pk, region, name, kind, centre)
            for pk, region, name, kind, centre in Municipality.objects.values_list(
                "pk", "region__code", "name", "kind", "administrative_centre"
            )
        ]
        return cls(places, Region.objects.values_list("code", "name"))

    def region_code(self, value: str) -> str | None:
        """«Калужская область», «Калужская обл», «40» → «40»."""
        value = value.strip()
        if value.isdigit():
            return self._regions.get(value.zfill(2))
        key = _region_key(value)
        if not key:
            return None
        return self._regions.get(key) or self._region_first_words.get(key.split(" ")[0])

    def municipality_from_address(self, address: str, region_code: str | None) -> int | None:
        text = normalize(address)
        if not text:
            return None
        if region_code in self._patterns:
            return self._patterns[region_code].match(text)
        if region_code is None:
            for patterns in self._patterns.values():
                found = patterns.match(text)
                if found is not None:
                    return found
        return None

    def municipality_by_name(self, value: str, region_code: str | None) -> int | None:
        """A municipality column: «Козельский р-н», «МР «Козельский район»», «ГО «Город Калуга»»,
        or a district's centre («Кондрово»); failing those, read as an address."""
        key = _municipality_key(value)
        found = self._names.get((region_code or "*", key)) or self._names.get(("*", key))
        if found is None:
            found = self.municipality_from_address(value, region_code)
        return found


def _municipality_key(value: str) -> str:
    return _key(MUNICIPALITY_TYPES.sub(" ", normalize(value).replace(",", " ")))


def _region_key(value: str) -> str:
    return _key(REGION_TYPES.sub(" ", normalize(value).replace(",", " ")))
