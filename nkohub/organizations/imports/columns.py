"""The columns an import reads: the canonical fields and the headings (aliases) each is known by.

Aliases are the headings resource centres and the Ministry of Justice use, matched case- and
punctuation-insensitively by `readers.resolve_columns`; when several columns could fill one field,
the alias listed first wins.
"""

from typing import Any

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

FIELDS: dict[str, Any] = {
    "full_name": pgettext_lazy("organisation", "full name"),
    "short_name": pgettext_lazy("organisation", "short name"),
    "inn": _("INN"),
    "ogrn": _("OGRN"),
    "kpp": _("KPP"),
    "legal_form": _("legal form"),
    "kind": pgettext_lazy("organisation", "kind"),
    "municipality": pgettext_lazy("organisation", "municipality"),
    "oktmo": _("OKTMO"),
    "region": _("region"),
    "address": _("address"),
    "registration_date": _("registration date"),
    "register": _("register of the Ministry of Justice"),
    "state_registration_number": _("state registration number"),
    "state_registration_date": _("state registration date"),
    "status": _("status"),
    "website": _("website"),
    "email": _("public e-mail"),
    "phone": _("public phone"),
    "description": _("description"),
    "spheres": _("spheres of activity"),
    "source_id": _("id in the source"),
}

ALIASES: dict[str, tuple[str, ...]] = {
    "full_name": (
        "полное наименование",
        "full name",
        "наименование",
        "название",
        "наименование организации",
        "полное наименование организации",
        "наименование нко",
        "fullname",
        "namefull",
        "name full",
        "наимюлполн",
        "name",
    ),
    "short_name": (
        "сокращенное наименование",
        "краткое наименование",
        "краткое название",
        "short name",
        "shortname",
        "наимюлсокр",
    ),
    "inn": ("инн", "инн организации", "inn", "иннюл"),
    "ogrn": (
        "огрн",
        "ogrn",
        "огрн организации",
        "основной государственный регистрационный номер",
        "государственный регистрационный номер",
        "огрнюл",
    ),
    "kpp": ("кпп", "kpp"),
    "legal_form": (
        "организационно правовая форма",
        "opf",
        "опф",
        "правовая форма",
        "форма",
        "legal form",
        "legalform",
        "form",
        "minjustform",
    ),
    "kind": ("тип организации", "вид организации", "тип", "kind"),
    "municipality": (
        "муниципалитет",
        "муниципальное образование",
        "район",
        "городской округ район",
        "муниципальный район городской округ",
        "территория",
        "municipality",
    ),
    "oktmo": ("октмо", "код октмо", "oktmo"),
    "region": (
        "регион",
        "region",
        "субъект рф",
        "субъект российской федерации",
        "субъект",
        "regionname",
    ),
    "address": (
        "адрес",
        "address",
        "юридический адрес",
        "адрес место нахождения",
        "адрес местонахождения",
        "местонахождение",
        "addr",
    ),
    # the Ministry of Justice's grid: egrul_date is the entry in the EGRUL, state_registration_date
    # the Ministry's own registration (older than the EGRUL for organisations registered before 2002)
    "registration_date": (
        "egrul date",
        "дата внесения в егрюл",
        "дата внесения сведений в егрюл",
        "дата внесения записи в егрюл",
        "дата регистрации",
        "дата присвоения огрн",
        "regdate",
        "date reg",
        "dateogrn",
        "registration date",
    ),
    "register": (
        "reestr",
        "реестр",
        "вид реестра",
        "тип реестра",
        "наименование реестра",
        "register",
    ),
    "state_registration_number": (
        "state registration num",
        "state registration number",
        "номер государственной регистрации",
        "номер гос регистрации",
        "регистрационный номер минюста",
    ),
    "state_registration_date": (
        "state registration date",
        "дата государственной регистрации",
        "дата гос регистрации",
        "дата решения о государственной регистрации",
        "дата регистрации в минюсте",
    ),
    "status": ("статус", "status", "статус организации", "egrulstatus"),
    "website": ("сайт", "веб сайт", "вебсайт", "website", "site", "url"),
    "email": ("email", "e mail", "эл почта", "электронная почта", "адрес электронной почты"),
    "phone": ("телефон", "контактный телефон", "phone", "tel"),
    "description": (
        "описание",
        "описание деятельности",
        "о организации",
        "об организации",
        "description",
    ),
    "spheres": (
        "сферы деятельности",
        "сфера деятельности",
        "сферы",
        "направления деятельности",
        "направления",
        "spheres",
    ),
    # reg_num is the accounting number of the Ministry's grid; a bare «id» is a record's internal
    # number and is never taken for it
    "source_id": (
        "reg num",
        "учетный номер",
        "учетный номер организации",
        "учетный номер нко",
        "regnum",
    ),
}
