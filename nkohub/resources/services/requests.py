"""Requests for resources."""

from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from nkohub.core.audit import audit_log, diff_fields
from nkohub.core.errors import DomainError
from nkohub.organizations.models import Organization
from nkohub.resources.models import (
    REQUEST_FIELDS,
    ResourceRequest,
)

from ._shared import _enqueue_refresh, _full_clean, _refresh_search

if TYPE_CHECKING:
    from nkohub.accounts.models import User


# --- requests ---------------------------------------------------------------------------
def _check_request_period(resource_request: ResourceRequest, *, creating: bool) -> None:
    if resource_request.needed_until < resource_request.needed_from:
        raise DomainError(
            _("The end of the period must not be before its start."), field="needed_until"
        )
    if creating and resource_request.needed_until < timezone.localdate():
        raise DomainError(_("The period is already over."), field="needed_until")


@transaction.atomic
def request_create(*, actor: "User", organization: Organization, **fields: Any) -> ResourceRequest:
    resource_request = ResourceRequest(
        organization=organization,
        created_by=actor,
        **{k: fields.get(k) for k in REQUEST_FIELDS if k in fields},
    )
    if resource_request.needed_from and not resource_request.needed_until:
        resource_request.needed_until = resource_request.needed_from
    _check_request_period(resource_request, creating=True)
    _full_clean(resource_request, exclude=["search_vector"])
    resource_request.save()
    _refresh_search(resource_request, resource_request.title, resource_request.purpose)
    resource_request.save(update_fields=["search_lemmas"])
    audit_log(actor=actor, action="resources.request.create", obj=resource_request)
    _enqueue_refresh(request_id=resource_request.pk)
    return resource_request


@transaction.atomic
def request_update(
    *, actor: "User", resource_request: ResourceRequest, **fields: Any
) -> ResourceRequest:
    before = ResourceRequest.objects.get(pk=resource_request.pk)
    for name in REQUEST_FIELDS:
        if name in fields:
            setattr(resource_request, name, fields[name])
    _check_request_period(resource_request, creating=False)
    _full_clean(resource_request, exclude=["search_vector"])
    _refresh_search(resource_request, resource_request.title, resource_request.purpose)
    resource_request.save()
    changes = diff_fields(before, resource_request, REQUEST_FIELDS)
    if changes:
        audit_log(
            actor=actor, action="resources.request.update", obj=resource_request, changes=changes
        )
        _enqueue_refresh(request_id=resource_request.pk)
    return resource_request


@transaction.atomic
def request_set_status(
    *, actor: "User", resource_request: ResourceRequest, status: str
) -> ResourceRequest:
    if status not in ResourceRequest.TRANSITIONS.get(resource_request.status, ()):
        raise DomainError(
            _("A request in this status cannot be moved to the one asked for."), field="status"
        )
    old = resource_request.status
    resource_request.status = status
    resource_request.save(update_fields=["status", "updated_at"])
    audit_log(
        actor=actor,
        action="resources.request.status",
        obj=resource_request,
        changes={"status": [old, status]},
    )
    _enqueue_refresh(request_id=resource_request.pk)
    return resource_request
