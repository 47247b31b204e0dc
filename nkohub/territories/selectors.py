from collections.abc import Iterable

from django.conf import settings
from django.db.models import Case, IntegerField, Q, QuerySet, Value, When

from nkohub.territories.models import Municipality, Region


def home_region() -> Region | None:
    return Region.objects.filter(code=settings.CLUSTER_REGION).first()


def municipalities_home_first() -> QuerySet[Municipality]:
    """All municipalities of the country, those of the cluster's home region first: only for pages
    about the whole country (imports, comparisons across regions)."""
    return (
        Municipality.objects.select_related("region")
        .annotate(
            home=Case(
                When(region__code=settings.CLUSTER_REGION, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("home", "region__code", "kind", "name")
    )


def region_municipalities(*, keep: Iterable[int | None] = ()) -> QuerySet[Municipality]:
    """The cluster's own municipalities, for the forms and filters of its pages; `keep` adds those an
    edited record already has elsewhere (an imported organisation of another region keeps its own)."""
    kept = [pk for pk in keep if pk]
    condition = Q(region__code=settings.CLUSTER_REGION)
    if kept:
        condition |= Q(pk__in=kept)
    return municipalities_home_first().filter(condition)


def home_municipalities() -> QuerySet[Municipality]:
    return Municipality.objects.filter(region__code=settings.CLUSTER_REGION).order_by(
        "kind", "name"
    )
