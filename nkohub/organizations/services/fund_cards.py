"""An organisation found or made from a project card of the Presidential Grants Fund."""

import re
from typing import TYPE_CHECKING, Any, NamedTuple

from django.db import transaction
from django.utils.translation import gettext as _

from nkohub.core.audit import audit_log
from nkohub.core.errors import DomainError
from nkohub.organizations import permissions
from nkohub.organizations.models import (
    LegalForm,
    Organization,
)

from ._shared import _clean_identifiers, _save

if TYPE_CHECKING:
    from nkohub.accounts.models import User


class FundCardOrganization(NamedTuple):
    organization: Organization
    action: str  # "created", "updated" (a missing INN/OGRN filled in) or "found"
    notes: list[str]


def _legal_form_in_name(full_name: str) -> LegalForm | None:
    """The legal form a name starts with or contains before its proper name in quotes
    («МЕСТНАЯ ОБЩЕСТВЕННАЯ ОРГАНИЗАЦИЯ …», «Автономная некоммерческая организация «…»»)."""
    head = re.split(r"[«\"“„]", full_name.lower().replace("ё", "е"), maxsplit=1)[0]
    found: list[tuple[int, int, LegalForm]] = []
    for form in LegalForm.objects.filter(is_nonprofit=True):
        name = form.name.lower().replace("ё", "е").split(" (")[0]
        position = head.find(name)
        if position >= 0:
            found.append((position, -len(name), form))
    return min(found, key=lambda item: item[:2])[2] if found else None


@transaction.atomic
def organization_from_fund_card(
    *,
    actor: "User | None",
    full_name: str,
    inn: str | None,
    ogrn: str | None,
    card_number: str = "",
) -> FundCardOrganization:
    """The registry's organisation named on a Presidential Grants Fund project card: found by OGRN,
    then INN (a missing identifier is filled in), or created with its legal form read from the name.

    `actor` is an operator, or None when the import runs from the command line."""
    if actor is not None and not permissions.can_verify_organization(actor):
        raise DomainError(_("Only an operator adds organisations from a fund's cards."))
    data: dict[str, Any] = {"inn": inn, "ogrn": ogrn}
    _clean_identifiers(data)
    inn, ogrn = data["inn"], data["ogrn"]
    if not inn and not ogrn:
        raise DomainError(
            _("The card has neither the organisation's INN nor its OGRN."), field="inn"
        )
    by_ogrn = Organization.objects.filter(ogrn=ogrn).first() if ogrn else None
    by_inn = Organization.objects.filter(inn=inn).first() if inn else None
    if by_ogrn and by_inn and by_ogrn.pk != by_inn.pk:
        raise DomainError(
            _(
                "OGRN %(ogrn)s and INN %(inn)s belong to different organisations of the registry "
                "(«%(by_ogrn)s» and «%(by_inn)s»): check the card."
            )
            % {
                "ogrn": ogrn,
                "inn": inn,
                "by_ogrn": by_ogrn.display_name,
                "by_inn": by_inn.display_name,
            },
            field="ogrn",
        )
    organization = by_ogrn or by_inn
    if organization is None:
        name = " ".join(full_name.split())
        if not name:
            raise DomainError(
                _(
                    "No organisation with this INN and OGRN is in the registry, and its name was "
                    "not read from the card: there is nothing to create it from."
                ),
                field="full_name",
            )
        organization = Organization(
            kind=Organization.Kind.NGO,
            full_name=name,
            legal_form=_legal_form_in_name(name),
            inn=inn,
            ogrn=ogrn,
            source=Organization.Source.FUND_CARD,
            source_id=card_number,
        )
        _save(organization)
        audit_log(
            actor=actor,
            action="organizations.organization.create_from_fund_card",
            obj=organization,
            changes={"card": card_number},
        )
        return FundCardOrganization(organization, "created", [])
    notes, changes = [], {}
    for name, value, label in (("inn", inn, "ИНН"), ("ogrn", ogrn, "ОГРН")):
        known = getattr(organization, name)
        if value and not known:
            setattr(organization, name, value)
            changes[name] = [None, value]
        elif value and known != value:
            notes.append(
                f"{label} в карточке ({value}) не совпадает с реестром ({known}): "
                "оставлен указанный в реестре."
            )
    if not changes:
        return FundCardOrganization(organization, "found", notes)
    _save(organization)
    audit_log(
        actor=actor,
        action="organizations.organization.update_from_fund_card",
        obj=organization,
        changes={**changes, "card": card_number},
    )
    return FundCardOrganization(organization, "updated", notes)
