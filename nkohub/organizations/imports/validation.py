"""Checking one imported row: what it says, read tolerantly, and every reason it cannot be taken.

A row is either a `Candidate` (ready to match and write) or `Rejected` with all its problems, the
most important first, so that the report says what is really wrong: a repeat of an earlier row is
said first whatever else is wrong with it (the engine adds that reason, it knows the earlier rows),
then a missing name, missing or wrong identifiers, and the rest.
"""

import datetime
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings

from nkohub.core.validators import is_valid_inn, is_valid_kpp, is_valid_ogrn, normalize_digits
from nkohub.organizations.imports.readers import SourceRow
from nkohub.organizations.models import LegalForm, Organization, Sphere
from nkohub.territories.addresses import AddressMatcher
from nkohub.territories.models import Municipality

KINDS = {
    "нко": "ngo", "некоммерческая организация": "ngo", "ngo": "ngo", "орган власти": "authority",
    "authority": "authority", "бизнес": "business", "business": "business", "коммерческая организация": "business",
    "сми": "media", "media": "media", "ресурсный центр": "resource_centre", "resource_centre": "resource_centre",
}  # fmt: skip
LIQUIDATED = ("исключ", "ликвид", "прекращ", "прекрат", "liquid")
STILL_ACTIVE = ("в стадии", "в процессе")  # «находится в стадии ликвидации»: not yet liquidated
# words of a register's name → the register; the first rule that fits wins («Реестр отделений
# иностранных некоммерческих неправительственных организаций» is not the non-profits' register)
REGISTER_WORDS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("иностран", "отделени", "foreign"), Organization.Register.FOREIGN_NGO_BRANCH),
    (("религ", "religious"), Organization.Register.RELIGIOUS),
    (("казач", "cossack"), Organization.Register.COSSACK),
    (("общественных объединений", "общественные объединения", "public association"),
     Organization.Register.PUBLIC_ASSOCIATION),
    (("некоммерч", "нко", "non profit", "nonprofit", "ngo"), Organization.Register.NONPROFIT),
)  # fmt: skip
# a legal form that is a register of its own, for rows that do not name the register
REGISTER_OF_LEGAL_FORM = {
    "религиозная организация": Organization.Register.RELIGIOUS,
    "казачье общество": Organization.Register.COSSACK,
    "отделение иностранной некоммерческой неправительственной организации": (
        Organization.Register.FOREIGN_NGO_BRANCH
    ),
}


def register_of_legal_form(name: str) -> str | None:
    """The register a legal form is by itself (Религиозная организация → religious), if any."""
    return REGISTER_OF_LEGAL_FORM.get(" ".join(name.lower().replace("ё", "е").split()))


BULLET = re.compile(r"^\s*(?:[-–—•·*▪]|\d{1,2}[.)])\s*")


@dataclass
class Problem:
    line: int
    reason: str


@dataclass
class Candidate:
    line: int
    data: dict[str, Any]
    spheres: list[str]
    search_text: str = ""

    @property
    def keys(self) -> list[str]:
        return [k for k in (self.data["ogrn"], self.data["inn"]) if k]


@dataclass
class Rejected:
    """A row that cannot be taken: every reason, and the identifiers it validly carries (a repeat
    of an earlier row is recognised by them)."""

    line: int
    reasons: list[str]
    keys: list[str] = field(default_factory=list)


@functools.lru_cache(maxsize=65536)
def _norm(value: str) -> str:
    return " ".join(re.sub(r"[^0-9a-zа-я]+", " ", value.lower().replace("ё", "е")).split())


class SphereNames:
    """Reads a spheres cell. The official names contain commas («Социальное обслуживание, социальная
    поддержка и защита граждан»), so the cell is not simply split: known names (full, short or
    code; case, «ё» and punctuation aside) are taken longest first, and only what is left over is
    split at «;», «,» and line breaks."""

    def __init__(self, spheres: Iterable[tuple[str, str, str]]) -> None:
        self.codes: dict[str, str] = {}
        for code, name, short_name in spheres:
            for value in (name, short_name, code):
                if value.strip():
                    self.codes.setdefault(_norm(value), code)
        self._cache: dict[str, tuple[list[str], list[str]]] = {}

    def read(self, cell: str) -> tuple[list[str], list[str]]:
        """Codes of the spheres named in the cell, and the parts that name none."""
        if cell in self._cache:
            return self._cache[cell]
        pieces = [BULLET.sub("", p).strip() for p in re.split(r"[;,\n]", cell)]
        pieces = [p for p in pieces if p]
        codes: list[str] = []
        unknown: list[str] = []
        start = 0
        while start < len(pieces):
            for end in range(len(pieces), start, -1):
                code = self.codes.get(_norm(" ".join(pieces[start:end])))
                if code is not None:
                    if code not in codes:
                        codes.append(code)
                    start = end
                    break
            else:
                unknown.append(pieces[start])
                start += 1
        if len(self._cache) < 65536:
            self._cache[cell] = (codes, unknown)
        return codes, unknown


def register_from_text(value: str) -> str | None:
    """«Реестр казачьих обществ», «Религиозные организации», «religious» → the register; None when
    the words name none of them."""
    text = " ".join(value.lower().replace("ё", "е").replace("-", " ").replace("_", " ").split())
    if text in Organization.Register.values:
        return text
    for words, register in REGISTER_WORDS:
        if any(word in text for word in words):
            return str(register)
    return None


class Reference:
    """Territories, legal forms and spheres held in memory for the whole run."""

    def __init__(self) -> None:
        self.places = AddressMatcher.from_database()
        self.by_oktmo = {
            oktmo: pk
            for pk, oktmo in Municipality.objects.exclude(oktmo=None).values_list("pk", "oktmo")
        }
        self._municipality_cache: dict[tuple[str, str], int | None] = {}
        self.legal_forms: dict[str, int] = {}
        self.register_of_legal_form: dict[int, str] = {}
        for pk, name in LegalForm.objects.values_list("pk", "name"):
            self.legal_forms[_norm(name)] = pk
            register = register_of_legal_form(name)
            if register:
                self.register_of_legal_form[pk] = register
        for pk, short in LegalForm.objects.exclude(short_name="").values_list("pk", "short_name"):
            self.legal_forms.setdefault(_norm(short), pk)
        self.spheres = SphereNames(Sphere.objects.values_list("code", "name", "short_name"))

    def municipality(self, value: str, region_code: str) -> int | None:
        # the same few hundred names repeat on every row of a file
        cache_key = (value, region_code)
        if cache_key not in self._municipality_cache:
            found = self.places.municipality_by_name(value, region_code)
            if len(self._municipality_cache) >= 65536:
                return found
            self._municipality_cache[cache_key] = found
        return self._municipality_cache[cache_key]

    def municipality_from_address(self, address: str, region_code: str) -> int | None:
        return self.places.municipality_from_address(address, region_code)


def parse_date(value: str) -> datetime.date | None:
    value = value.strip()[:10]
    if (
        len(value) == 10
        and value[2] == "."
        and value[5] == "."
        and value.replace(".", "").isdigit()
    ):
        try:  # the usual 31.12.2020, without strptime's overhead
            return datetime.date(int(value[6:]), int(value[3:5]), int(value[:2]))
        except ValueError:
            return None
    for fmt in ("%d.%m.%Y", "%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.datetime.strptime(value, fmt).date()  # noqa: DTZ007 (a date, no time)
        except ValueError:
            continue
    return None


def _digits(value: str) -> str:
    return value if value.isdigit() else normalize_digits(value)


def _identifier(values: dict[str, str], name: str) -> str:
    raw = _digits(values.get(name, ""))
    # spreadsheets turn long numbers into floats: 1234567890123.0
    raw = raw[:-2] if raw.endswith(".0") else raw
    # … and drop their leading zero: an INN of Bashkortostan, 0274062111, arrives as 274062111
    if name == "inn" and len(raw) in (9, 11) and raw.isdigit() and is_valid_inn("0" + raw):
        return "0" + raw
    if name == "kpp" and len(raw) == 8 and raw.isdigit():
        return "0" + raw
    return raw


def _ogrn_problem(ogrn: str) -> str:
    what = "не 13 цифр" if len(ogrn) != 13 or not ogrn.isdigit() else "неверная контрольная цифра"
    return f"ОГРН {ogrn}: {what}"


def _inn_problem(inn: str) -> str:
    wrong_length = len(inn) not in (10, 12) or not inn.isdigit()
    return f"ИНН {inn}: " + ("не 10 или 12 цифр" if wrong_length else "неверная контрольная цифра")


def validate_row(
    row: SourceRow, reference: Reference, *, source: str, default_kind: str
) -> Candidate | Rejected:
    values = row.values
    reasons: list[str] = []
    full_name = " ".join(values.get("full_name", "").split())
    if not full_name:
        reasons.append("нет наименования организации")
    inn, ogrn = _identifier(values, "inn"), _identifier(values, "ogrn")
    valid_inn = bool(inn) and is_valid_inn(inn)
    valid_ogrn = bool(ogrn) and is_valid_ogrn(ogrn)
    if not inn and not ogrn:
        reasons.append("нет ни ИНН, ни ОГРН — организацию не с чем сопоставить")
    if ogrn and not valid_ogrn:
        reasons.append(_ogrn_problem(ogrn))
    if inn and not valid_inn:
        reasons.append(_inn_problem(inn))
    kpp = _identifier(values, "kpp")
    if kpp and not is_valid_kpp(kpp):
        reasons.append(f"КПП {kpp}: неверный формат")
    register = None
    if values.get("register"):
        register = register_from_text(values["register"])
        if register is None:
            reasons.append(
                f"неизвестный реестр «{values['register']}» — ожидается один из: "
                + ", ".join(str(label) for label in Organization.Register.labels)
            )
    region_code = (
        (reference.places.region_code(values["region"]) if values.get("region") else None)
        or (inn[:2] if valid_inn else "")
        or (ogrn[3:5] if valid_ogrn else "")
        or settings.CLUSTER_REGION
    )
    municipality_id = None
    if values.get("oktmo"):
        municipality_id = reference.by_oktmo.get(normalize_digits(values["oktmo"]))
        if municipality_id is None:
            reasons.append(f"неизвестный код ОКТМО «{values['oktmo']}»")
    elif values.get("municipality"):
        municipality_id = reference.municipality(values["municipality"], region_code)
        if municipality_id is None:
            reasons.append(f"неизвестный муниципалитет «{values['municipality']}»")
    elif values.get("address"):
        municipality_id = reference.municipality_from_address(values["address"], region_code)
    legal_form_id = None
    if values.get("legal_form"):
        legal_form_id = reference.legal_forms.get(_norm(values["legal_form"]))
    if register is None and legal_form_id is not None:
        register = reference.register_of_legal_form.get(legal_form_id)
    dates: dict[str, datetime.date | None] = {}
    for name, label in (
        ("registration_date", "дату регистрации"),
        ("state_registration_date", "дату государственной регистрации"),
    ):
        dates[name] = None
        if values.get(name):
            dates[name] = parse_date(values[name])
            if dates[name] is None:
                reasons.append(f"не удалось прочитать {label} «{values[name]}»")
    spheres, unknown_spheres = reference.spheres.read(values.get("spheres", ""))
    if unknown_spheres:
        reasons.append(
            ("неизвестная сфера деятельности " if len(unknown_spheres) == 1 else "неизвестные сферы деятельности ")
            + ", ".join(f"«{part}»" for part in unknown_spheres)
        )  # fmt: skip
    email = values.get("email", "").strip()
    if email and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", email):
        reasons.append(f"неверный адрес электронной почты «{email}»")
    if reasons:
        return Rejected(
            row.line, reasons, [k for k, ok in ((ogrn, valid_ogrn), (inn, valid_inn)) if ok]
        )
    status_text = values.get("status", "").lower().replace("ё", "е")
    status = (
        Organization.Status.LIQUIDATED
        if any(w in status_text for w in LIQUIDATED)
        and not any(w in status_text for w in STILL_ACTIVE)
        else Organization.Status.ACTIVE
    )
    website = values.get("website", "").strip()
    if website and not website.startswith(("http://", "https://")):
        website = "https://" + website
    data = {
        "full_name": full_name[:500],
        "short_name": " ".join(values.get("short_name", "").split())[:200],
        "inn": inn or None,
        "ogrn": ogrn or None,
        "kpp": kpp,
        "legal_form_id": legal_form_id,
        "kind": KINDS.get(_norm(values.get("kind", "")), default_kind),
        "municipality_id": municipality_id,
        "address": " ".join(values.get("address", "").split())[:500],
        # the entry in the EGRUL; for a row that gives only the Ministry's registration, that date
        "registration_date": dates["registration_date"] or dates["state_registration_date"],
        "state_registration_number": " ".join(values.get("state_registration_number", "").split())[:50],
        "state_registration_date": dates["state_registration_date"],
        "status": status,
        "website": website[:200],
        "public_email": email[:254],
        "public_phone": values.get("phone", "")[:32],
        "description": values.get("description", ""),
        "source": source,
        "source_id": values.get("source_id", "")[:100],
    }  # fmt: skip
    if register:  # a row that says nothing about it never moves an organisation between registers
        data["register"] = register
    return Candidate(row.line, data, spheres)
