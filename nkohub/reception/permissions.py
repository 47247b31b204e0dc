"""Who may do what with appeals. The only place these rights are decided.

- The author, and the people acting for the organisation the appeal is sent on behalf of (owner, editor),
  see their appeal and act as its author.
- Officials are the owners and editors of the addressed authority; they see its appeals once submitted
  and never anything addressed to another authority.
- Operators of the resource centre may read every submitted appeal (they moderate), but not act.
- Anyone may read an answered appeal whose author agreed to publish it.
"""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from nkohub.core.permissions import is_operator
from nkohub.organizations.models import Organization
from nkohub.organizations.permissions import ACTING_ROLES, can_act_for
from nkohub.reception import workflow
from nkohub.reception.models import Appeal, AppealAttachment

AUTHOR_ACTIONS = ("edit", "submit", "clarify", "rate")
OFFICIAL_ACTIONS = ("register", "assign", "extend", "answer", "redirect", "close")


def is_official(user: Any, authority: Organization) -> bool:
    return authority.kind == Organization.Kind.AUTHORITY and can_act_for(user, authority)


def is_author_side(user: Any, appeal: Appeal) -> bool:
    if not (user and user.is_authenticated):
        return False
    if appeal.author_id == user.pk:
        return True
    return appeal.organization is not None and can_act_for(user, appeal.organization)


def is_official_of(user: Any, appeal: Appeal) -> bool:
    return appeal.status != Appeal.Status.DRAFT and is_official(user, appeal.authority)


def can_view_appeal(user: Any, appeal: Appeal) -> bool:
    if is_author_side(user, appeal) or is_official_of(user, appeal):
        return True
    return appeal.status != Appeal.Status.DRAFT and is_operator(user)


def can_view_public(appeal: Appeal) -> bool:
    return appeal.is_published


def can_download(user: Any, attachment: AppealAttachment) -> bool:
    if can_view_appeal(user, attachment.appeal):
        return True
    return (
        can_view_public(attachment.appeal)
        and attachment.role != AppealAttachment.Role.CLARIFICATION
    )


def can_act(user: Any, appeal: Appeal, action: str) -> bool:
    """May `user` perform `action` (a key of workflow.TRANSITIONS) on the appeal now."""
    return workflow.allows(appeal, action) and has_role_for(user, appeal, action)


def has_role_for(user: Any, appeal: Appeal, action: str) -> bool:
    """Is `user` on the side that performs `action` (whatever the appeal's status)."""
    if action in AUTHOR_ACTIONS:
        if action in ("edit", "submit"):
            return bool(user.is_authenticated and appeal.author_id == user.pk)
        return is_author_side(user, appeal)
    if action in OFFICIAL_ACTIONS:
        return is_official_of(user, appeal)
    return False


def can_submit_on_behalf(user: Any, organization: Organization | None) -> bool:
    return organization is None or can_act_for(user, organization)


def can_manage_topics(user: Any, authority: Organization) -> bool:
    return is_official(user, authority) or is_operator(user)


def can_manage_calendar(user: Any) -> bool:
    """The production calendar is kept by the resource centre's operators."""
    return is_operator(user)


def visible_appeals_filter(user: Any) -> Q:
    """The rows a person may open: their own, their organisations', their authorities' (not drafts)."""
    if not user.is_authenticated:
        return Q(pk__in=[])
    acting = Q(
        organization__memberships__user=user, organization__memberships__role__in=ACTING_ROLES
    )
    official = Q(
        authority__memberships__user=user, authority__memberships__role__in=ACTING_ROLES
    ) & ~Q(status=Appeal.Status.DRAFT)
    return Q(author=user) | acting | official


def get_appeal_for_user(
    user: Any, queryset: QuerySet[Appeal], pk: int, action: str | None = None
) -> Appeal:
    """Fetch an appeal and check the right: outsider → 404, someone who sees it but may not act → 403."""
    appeal = queryset.filter(pk=pk).first()
    if appeal is None or not can_view_appeal(user, appeal):
        raise Http404
    if action is not None and not has_role_for(user, appeal, action):
        raise PermissionDenied
    return appeal


def authorities_user_serves(user: Any) -> QuerySet[Organization]:
    if not user.is_authenticated:
        return Organization.objects.none()
    return Organization.objects.filter(
        kind=Organization.Kind.AUTHORITY, memberships__user=user, memberships__role__in=ACTING_ROLES
    ).order_by("full_name")


def get_desk_authority_for_official(user: Any, authority_id: int | None) -> Organization:
    """As `get_desk_authority_for_user`, and 403 (with the reason) for a person who serves none."""
    body = get_desk_authority_for_user(user, authority_id)
    if body is None:
        raise PermissionDenied(_("The desk is for employees of a public authority."))
    return body


def get_desk_authority_for_user(user: Any, authority_id: int | None) -> Organization | None:
    """The authority whose desk the official opens (the first one when not chosen); 404 for others."""
    authorities = list(authorities_user_serves(user))
    if authority_id is None:
        return authorities[0] if authorities else None
    for authority in authorities:
        if authority.pk == authority_id:
            return authority
    raise Http404
