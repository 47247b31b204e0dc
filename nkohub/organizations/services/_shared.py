"""What the writes of organisations share: the profile's fields, saving with the search text, identifiers kept unique."""

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from nkohub.core.errors import DomainError
from nkohub.organizations.models import (
    Organization,
)
from nkohub.organizations.search import search_text_for

PROFILE_FIELDS = [
    "kind",
    "full_name",
    "short_name",
    "legal_form",
    "register",
    "inn",
    "ogrn",
    "kpp",
    "registration_date",
    "status",
    "municipality",
    "address",
    "description",
    "website",
    "social_links",
    "public_email",
    "public_phone",
]
OPERATOR_ONLY_FIELDS = {"kind", "register", "inn", "ogrn", "status"}


def _url(name: str, *args: Any) -> str:
    return settings.SITE_URL + reverse(name, args=args)


def organization_refresh_search(organization: Organization) -> None:
    organization.search_text = search_text_for(
        organization.full_name,
        organization.short_name,
        organization.description,
        organization.inn or "",
        organization.ogrn or "",
    )


def _clean_identifiers(data: dict[str, Any]) -> None:
    for name in ("inn", "ogrn"):
        if name in data:
            value = "".join(str(data[name] or "").split())
            data[name] = value or None


def _save(organization: Organization) -> None:
    organization_refresh_search(organization)
    try:
        organization.full_clean()
    except ValidationError as exc:
        first_field, messages = next(iter(exc.message_dict.items()))
        raise DomainError(
            messages[0], field=None if first_field == "__all__" else first_field
        ) from exc
    try:
        with transaction.atomic():
            organization.save()
    except IntegrityError as exc:
        raise DomainError(
            _("An organisation with this INN or OGRN is already in the registry."), field="inn"
        ) from exc


def _ensure_identifiers_free(
    *, inn: str | None, ogrn: str | None, exclude_pk: int | None = None
) -> None:
    for field_name, value, label in (("ogrn", ogrn, "ОГРН"), ("inn", inn, "ИНН")):
        if not value:
            continue
        clash = (
            Organization.objects.filter(**{field_name: value}).exclude(pk=exclude_pk or 0).first()
        )
        if clash is not None:
            raise DomainError(
                _(
                    "An organisation with %(label)s %(value)s is already in the registry: "
                    "«%(name)s». If you represent it, claim its profile."
                )
                % {"label": label, "value": value, "name": clash.display_name},
                field=field_name,
            )
