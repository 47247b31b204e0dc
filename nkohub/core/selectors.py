from django.db.models import Q, QuerySet

from nkohub.core.models import AuditEntry


def audit_entries(*, action: str = "", q: str = "") -> QuerySet[AuditEntry]:
    entries = AuditEntry.objects.select_related("actor", "content_type")
    if action:
        entries = entries.filter(action__startswith=action)
    if q:
        entries = entries.filter(Q(object_repr__icontains=q) | Q(actor__email__icontains=q))
    return entries
