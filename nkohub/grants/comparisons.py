"""Figures of the Presidential Grants Fund's results entered by operators: another region's, to
compare with (RegionComparison), and the region's own by year and competition (analytics imports
them). Re-exported from nkohub.grants.services."""

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from nkohub.core.audit import audit_log
from nkohub.core.errors import DomainError, full_clean_or_raise
from nkohub.grants.models import RegionComparison

if TYPE_CHECKING:
    from nkohub.accounts.models import User

_full_clean = full_clean_or_raise


@transaction.atomic
def comparison_save(*, actor: "User", comparison: RegionComparison) -> RegionComparison:
    creating = comparison.pk is None
    if creating:
        comparison.entered_by = actor
    _full_clean(comparison, exclude=["entered_by"])
    try:
        with transaction.atomic():
            comparison.save()
    except IntegrityError as error:
        raise DomainError(
            _("This region's figures for this period are already entered.")
        ) from error
    audit_log(
        actor=actor,
        action="grants.comparison." + ("create" if creating else "update"),
        obj=comparison,
        changes={"applications": comparison.applications, "winners": comparison.winners},
    )
    return comparison


@transaction.atomic
def comparison_delete(*, actor: "User", comparison: RegionComparison) -> None:
    audit_log(actor=actor, action="grants.comparison.delete", obj=comparison)
    comparison.delete()


@transaction.atomic
def fund_result_record(
    *,
    actor: "User | None",
    region: Any,
    funder: Any,
    year: int,
    applications: int,
    winners: int,
    amount: Decimal | None = None,
    competition: str = "",
    source: str = "",
    source_date: date | None = None,
) -> RegionComparison:
    """One year's (and competition's) Fund results for a region, entered or imported by an
    operator: the same region, funder, year and competition again replaces the figures."""
    figures = RegionComparison.objects.filter(
        region=region, funder=funder, year_from=year, year_to=year, competition=competition
    ).first() or RegionComparison(
        region=region, funder=funder, year_from=year, year_to=year, competition=competition
    )
    creating = figures.pk is None
    figures.applications, figures.winners, figures.amount = applications, winners, amount
    figures.source, figures.source_date = source, source_date
    if creating and actor is not None and getattr(actor, "is_authenticated", False):
        figures.entered_by = actor
    _full_clean(figures, exclude=["entered_by"])
    figures.save()
    audit_log(
        actor=actor,
        action="grants.comparison." + ("create" if creating else "update"),
        obj=figures,
        changes={"applications": applications, "winners": winners},
    )
    return figures
