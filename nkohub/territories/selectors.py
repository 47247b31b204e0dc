from django.conf import settings
from django.db.models import Case, IntegerField, QuerySet, Value, When

from nkohub.territories.models import Municipality, Region


def home_region() -> Region | None:
    return Region.objects.filter(code=settings.CLUSTER_REGION).first()


def municipalities_home_first() -> QuerySet[Municipality]:
    """All municipalities, those of the cluster's home region first (for forms)."""
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


def home_municipalities() -> QuerySet[Municipality]:
    return Municipality.objects.filter(region__code=settings.CLUSTER_REGION).order_by(
        "kind", "name"
    )
