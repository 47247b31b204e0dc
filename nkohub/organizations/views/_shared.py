"""What the registry's views share: page size, export columns, showing a service's refusal."""

from typing import Any

from django.contrib import messages
from django.http import HttpRequest

from nkohub.core.errors import DomainError, add_domain_error

DIRECTORY_PAGE_SIZE = 20
EXPORT_COLUMNS = [
    ("Полное наименование", lambda o: o.full_name),
    ("Сокращённое наименование", lambda o: o.short_name),
    ("Тип", lambda o: o.get_kind_display()),
    ("Организационно-правовая форма", lambda o: o.legal_form.name if o.legal_form else ""),
    ("Реестр", lambda o: o.get_register_display()),
    ("ИНН", lambda o: o.inn or ""),
    ("ОГРН", lambda o: o.ogrn or ""),
    ("КПП", lambda o: o.kpp),
    (
        "Дата регистрации",
        lambda o: o.registration_date.strftime("%d.%m.%Y") if o.registration_date else "",
    ),
    ("Статус", lambda o: o.get_status_display()),
    ("Регион", lambda o: o.municipality.region.name if o.municipality else ""),
    ("Муниципалитет", lambda o: o.municipality.name if o.municipality else ""),
    ("Адрес", lambda o: o.address),
    ("Сферы деятельности", lambda o: "; ".join(s.name for s in o.spheres.all())),
    ("Сайт", lambda o: o.website),
    ("Электронная почта", lambda o: o.public_email),
    ("Телефон", lambda o: o.public_phone),
    ("Проверена оператором", lambda o: "да" if o.is_verified else "нет"),
]


def _error(request: HttpRequest, form: Any, exc: DomainError) -> None:
    """A service's refusal: on the form when there is one, else as a message."""
    if form is not None:
        add_domain_error(form, exc)
    else:
        messages.error(request, exc.message)
