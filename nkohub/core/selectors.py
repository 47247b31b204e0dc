from typing import Any

from django.apps import apps
from django.db.models import Q, QuerySet

from nkohub.core.models import AuditEntry


def audit_entries(*, action: str = "", q: str = "") -> QuerySet[AuditEntry]:
    entries = AuditEntry.objects.select_related("actor", "content_type")
    if action:
        entries = entries.filter(action__startswith=action)
    if q:
        entries = entries.filter(Q(object_repr__icontains=q) | Q(actor__email__icontains=q))
    return entries


def home_stats() -> dict[str, Any]:
    """Headline figures for the home page, from whichever registries are installed."""
    # the registry's own definition of "NGOs in the registry", the figure its directory shows
    from nkohub.organizations.selectors import registry_count

    municipality = apps.get_model("territories", "Municipality")
    from django.conf import settings

    return {
        "organizations": registry_count(),
        "municipalities": municipality.objects.filter(region__code=settings.CLUSTER_REGION).count(),
    }
